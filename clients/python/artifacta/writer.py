"""The background thread that drains a run's :class:`~artifacta.buffer.LogBuffer` into the store."""

from __future__ import annotations

import threading
import time

from .buffer import Batch, LogBuffer
from .entry_writer import EntryWriter
from .run_rows import heartbeat
from .store import Store

#: The longest a logged value waits before it is written.
FLUSH_INTERVAL_SECONDS = 0.5
#: How often an idle run refreshes its heartbeat (docs/STORE.md asks for at least every 30 s).
HEARTBEAT_INTERVAL_SECONDS = 10.0


class BackgroundWriter:
    """Writes a run's pending log calls at least every half second, and keeps its heartbeat fresh."""

    def __init__(self, store: Store, run_id: str, buffer: LogBuffer) -> None:
        self._store = store
        self._run_id = run_id
        self._buffer = buffer
        self._entries = EntryWriter(run_id)
        self._last_heartbeat = time.time()
        self._thread = threading.Thread(target=self._loop, name=f"artifacta-writer-{run_id}", daemon=True)

    def start(self) -> None:
        """Starts the thread."""
        self._thread.start()

    def stop(self) -> None:
        """Closes the buffer and waits until everything in it is written."""
        self._buffer.close()
        self._thread.join()

    def _loop(self) -> None:
        while True:
            batch, closed = self._buffer.take(FLUSH_INTERVAL_SECONDS)
            try:
                if batch.operations:
                    self._write(batch)
                elif time.time() - self._last_heartbeat >= HEARTBEAT_INTERVAL_SECONDS:
                    self._beat()
            except Exception as error:  # reported to the training thread through the buffer
                self._buffer.fail(error)
                return
            if closed:
                return

    def _write(self, batch: Batch) -> None:
        now = time.time()
        with self._store.transaction() as connection:
            self._entries.write(connection, batch)
            heartbeat(connection, self._run_id, now)
        self._entries.commit()
        self._last_heartbeat = now

    def _beat(self) -> None:
        now = time.time()
        with self._store.transaction() as connection:
            heartbeat(connection, self._run_id, now)
        self._last_heartbeat = now
