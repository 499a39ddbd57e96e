"""Opening a store (docs/STORE.md): the directory, the SQLite database, its migrations, transactions."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
from importlib import resources
from typing import Iterator, List, Optional, Tuple

from .blobs import BlobStore
from .errors import StoreError

DEFAULT_PATH = ".artifacta"
DATABASE_NAME = "artifacta.db"
APPLICATION_ID = 1095914566  # 'ARTF'
BUSY_TIMEOUT_SECONDS = 120.0
_MIGRATION_LINE = re.compile(r"-- migration (\d+)\s*$")


def resolve_path(path: Optional[str]) -> str:
    """The store directory: ``path`` if given, else ``$ARTIFACTA_STORE``, else ``./.artifacta``."""
    return os.path.abspath(path or os.environ.get("ARTIFACTA_STORE") or DEFAULT_PATH)


def migrations() -> List[Tuple[int, str]]:
    """The migrations of the bundled ``schema.sql``, as (number, SQL) in order."""
    text = resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")
    found: List[Tuple[int, List[str]]] = []
    for line in text.splitlines(keepends=True):
        mark = _MIGRATION_LINE.match(line)
        if mark:
            found.append((int(mark.group(1)), []))
        elif found:
            found[-1][1].append(line)
    return [(number, "".join(lines)) for number, lines in found]


class Store:
    """One open store: a SQLite connection shared under a lock, and the blob folder.

    Every write is one ``BEGIN IMMEDIATE`` transaction (see :meth:`transaction`), so that
    writers from many processes queue on the busy timeout instead of failing.
    """

    def __init__(self, path: Optional[str] = None) -> None:
        self.path = resolve_path(path)
        os.makedirs(self.path, exist_ok=True)
        self.blobs = BlobStore(os.path.join(self.path, "blobs"))
        self._lock = threading.Lock()
        self._connection = sqlite3.connect(
            os.path.join(self.path, DATABASE_NAME),
            timeout=BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
            check_same_thread=False,
        )
        for pragma in ("journal_mode = WAL", "foreign_keys = ON", "synchronous = NORMAL"):
            self._connection.execute(f"PRAGMA {pragma}")
        self._migrate()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A ``BEGIN IMMEDIATE`` transaction, committed on success and rolled back on any error."""
        with self._lock:
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def close(self) -> None:
        """Closes the database connection."""
        with self._lock:
            self._connection.close()

    def _migrate(self) -> None:
        known = migrations()
        newest = known[-1][0]
        if self._version() > newest:
            self._refuse(self._version(), newest)
        if self._version() == newest:
            return
        with self.transaction() as connection:
            current = self._version()
            if current > newest:
                self._refuse(current, newest)
            for number, sql in known:
                if number > current:
                    _execute_script(connection, sql)
            connection.execute(f"PRAGMA user_version = {newest}")
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def _version(self) -> int:
        return self._connection.execute("PRAGMA user_version").fetchone()[0]

    def _refuse(self, found: int, newest: int) -> None:
        self._connection.close()
        raise StoreError(
            f"the store at {self.path} has schema version {found}, but this client knows versions up to "
            f"{newest}: it was written by a newer Artifacta; upgrade the artifacta package to write to it"
        )


def _execute_script(connection: sqlite3.Connection, sql: str) -> None:
    """Runs each statement of ``sql`` inside the current transaction (``executescript`` would commit it)."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            connection.execute(statement)
            statement = ""
    leftover = [line for line in statement.splitlines() if line.strip() and not line.strip().startswith("--")]
    if leftover:
        raise StoreError(f"schema.sql ends with an incomplete statement: {leftover[0][:80]}")
