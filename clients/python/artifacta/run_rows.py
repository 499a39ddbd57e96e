"""The rows of ``projects`` and ``runs``: creating a run, its heartbeat, its end, and crash marking."""

from __future__ import annotations

import os
import sqlite3
from typing import Optional

from .describe import quoted
from .errors import ValidationError

#: A running run whose heartbeat is older than this is crashed (docs/STORE.md).
STALE_HEARTBEAT_SECONDS = 90.0


def insert_run(
    connection: sqlite3.Connection, *, run_id: str, project: str, name: str, config: str, tags: str,
    environment: str, host: str, pid: int, now: float,
) -> None:
    """Creates the project if new and the run as ``running``; raises if the run id is taken."""
    if connection.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone():
        raise ValidationError(f"run_id {quoted(run_id)} already exists in this store")
    connection.execute(
        "INSERT INTO projects (name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING", (project, now)
    )
    (project_id,) = connection.execute("SELECT id FROM projects WHERE name = ?", (project,)).fetchone()
    connection.execute(
        "INSERT INTO runs (id, project_id, name, status, created_at, heartbeat_at, host, pid, config, tags, "
        "environment) VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?)",
        (run_id, project_id, name, now, now, host, pid, config, tags, environment),
    )


def heartbeat(connection: sqlite3.Connection, run_id: str, now: float) -> None:
    """Shows the run's process is alive; revives a run another writer wrongly marked crashed."""
    connection.execute(
        "UPDATE runs SET heartbeat_at = ?, status = 'running' WHERE id = ? AND status IN ('running', 'crashed')",
        (now, run_id),
    )


def end_run(connection: sqlite3.Connection, run_id: str, status: str, error: Optional[str], now: float) -> None:
    """Sets the final status (``finished`` or ``failed``), its time and the error of a failed run."""
    connection.execute(
        "UPDATE runs SET status = ?, finished_at = ?, heartbeat_at = ?, error = ? WHERE id = ?",
        (status, now, now, error, run_id),
    )


def mark_crashed_runs(connection: sqlite3.Connection, host: str, now: float) -> int:
    """Marks ``crashed`` every running run whose heartbeat is stale or whose process on this host is gone.

    Returns how many runs were marked.
    """
    rows = connection.execute("SELECT id, host, pid, heartbeat_at FROM runs WHERE status = 'running'").fetchall()
    dead = [
        (run_id,) for run_id, run_host, pid, beat in rows
        if beat < now - STALE_HEARTBEAT_SECONDS or (run_host == host and pid is not None and not process_exists(pid))
    ]
    connection.executemany("UPDATE runs SET status = 'crashed' WHERE id = ? AND status = 'running'", dead)
    return len(dead)


def process_exists(pid: int) -> bool:
    """Whether a process with this id exists on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
