"""Writes a taken :class:`~artifacta.buffer.Batch` into the store's tables, in one transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import Dict, Optional

from .artifacts import insert_artifact
from .buffer import ArtifactAppend, Batch, EntryAppend, SeriesAppend
from .jsontext import dumps
from .values import little_endian


@dataclass(frozen=True)
class SeriesState:
    """What the store holds of one Series entry of this run."""

    entry_id: int
    point_count: int
    index: Optional[str]
    fields: tuple

    @property
    def payload(self) -> str:
        return dumps({"index": self.index, "fields": list(self.fields)})


class EntryWriter:
    """Writes batches of one run; remembers its Series entries, since only this process writes them."""

    def __init__(self, run_id: str) -> None:
        self.run_id = run_id
        self._series: Dict[str, SeriesState] = {}
        self._pending: Dict[str, SeriesState] = {}

    def write(self, connection: sqlite3.Connection, batch: Batch) -> None:
        """Applies every operation of ``batch`` in order, inside the caller's transaction.

        The remembered Series state changes only through :meth:`commit` once the transaction succeeded.
        """
        self._pending = dict(self._series)
        for operation in batch.operations:
            if isinstance(operation, SeriesAppend):
                self._append_series(connection, operation)
            elif isinstance(operation, EntryAppend):
                self._insert_entry(connection, operation)
            elif isinstance(operation, ArtifactAppend):
                insert_artifact(connection, self.run_id, operation.record, operation.role)

    def commit(self) -> None:
        """Keeps the Series state of the last :meth:`write`, after its transaction committed."""
        self._series = self._pending

    def _insert_entry(self, connection: sqlite3.Connection, entry: EntryAppend) -> None:
        connection.execute(
            "INSERT INTO entries (run_id, name, section, primitive_type, logged_at, payload, point_count) "
            "VALUES (?, ?, ?, ?, ?, ?, 0)",
            (self.run_id, entry.name, entry.section, entry.primitive.primitive_type, entry.logged_at,
             dumps(entry.primitive.to_wire())),
        )

    def _append_series(self, connection: sqlite3.Connection, append: SeriesAppend) -> None:
        state = self._pending.get(append.name)
        if state is None:
            state = SeriesState(0, 0, append.index, ())
            cursor = connection.execute(
                "INSERT INTO entries (run_id, name, section, primitive_type, logged_at, payload, point_count) "
                "VALUES (?, ?, ?, 'Series', ?, ?, 0)",
                (self.run_id, append.name, append.section, append.logged_at, state.payload),
            )
            state = replace(state, entry_id=cursor.lastrowid)
        first = state.point_count
        connection.executemany(
            "INSERT INTO series_chunks (entry_id, field, first_point, point_count, data_values) VALUES (?, ?, ?, ?, ?)",
            [(state.entry_id, name, first, append.point_count, little_endian(column))
             for name, column in zip(append.field_names, append.columns)],
        )
        new_fields = tuple(name for name in append.field_names if name not in state.fields)
        updated = replace(
            state,
            point_count=first + append.point_count,
            index=state.index if state.index is not None else append.index,
            fields=state.fields + new_fields,
        )
        connection.execute(
            "UPDATE entries SET point_count = ?, payload = ? WHERE id = ?",
            (updated.point_count, updated.payload, updated.entry_id),
        )
        self._pending[append.name] = updated

