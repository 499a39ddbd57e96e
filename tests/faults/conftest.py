"""Fault trials: kill -9 of a writer, of the server and of a build at random moments, and a
full disk. ARTIFACTA_FAULT_TRIALS sets the trials per fault (default 3; the issue's soak is 100)."""

from __future__ import annotations

import array
import os
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("ARTIFACTA_BIN", ROOT / ".build" / "debug"))
TRIALS = int(os.environ.get("ARTIFACTA_FAULT_TRIALS", "3"))


def binary(name: str) -> str:
    path = BIN / name
    if not path.exists():
        raise AssertionError(f"{path} is missing: run `swift build --product {name}` (make test does)")
    return str(path)


def check_store(store: Path, only: str | None = None) -> dict:
    """The store opens, SQLite finds no corruption, and every Series is whole: each field's
    chunks cover 0..point_count without gap or overlap, and the test writer's values are right.
    Returns {run_id: points} of the Series "metrics" (of run `only` when given)."""
    connection = sqlite3.connect(str(store / "artifacta.db"), timeout=60)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        points = {}
        query = "SELECT id, run_id, point_count FROM entries WHERE primitive_type = 'Series' AND name = 'metrics'"
        rows = connection.execute(query + (" AND run_id = ?" if only else ""), (only,) if only else ()).fetchall()
        for entry_id, run_id, count in rows:
            for field in ("step", "value"):
                covered = 0
                for first, n, data in connection.execute(
                        "SELECT first_point, point_count, data_values FROM series_chunks WHERE entry_id = ? AND field = ? "
                        "ORDER BY first_point", (entry_id, field)):
                    assert first == covered, f"run {run_id} field {field}: chunk at {first}, expected {covered}"
                    assert len(data) == 8 * n
                    scale = 2 if field == "value" else 1
                    expected = array.array("d", range(scale * first, scale * (first + n), scale))
                    if sys.byteorder != "little":
                        expected.byteswap()
                    assert data == expected.tobytes(), f"run {run_id} field {field} holds wrong values"
                    covered += n
                assert covered == count, f"run {run_id} field {field}: {covered} points in chunks, {count} recorded"
            points[run_id] = count
        return points
    finally:
        connection.close()
