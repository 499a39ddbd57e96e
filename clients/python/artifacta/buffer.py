"""The log calls a run has not written yet, kept in order, merged, and bounded in memory.

The training thread adds to it; the background writer takes everything at once. Consecutive
points of one Series (with the same fields) are merged into one append, so a per-step loop
becomes a few large chunks. When the writer falls behind, :meth:`LogBuffer.add` waits for it
(backpressure) instead of letting memory grow.
"""

from __future__ import annotations

import threading
from array import array
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple, Union

from .artifacts import Artifact
from .errors import AuthenticationError, ServerError, StoreError, ValidationError
from .primitives import Primitive, Series

#: Values (numbers, cells) held before the training thread waits for the writer; 8 MB of doubles.
MAX_PENDING_VALUES = 1_000_000


@dataclass
class SeriesAppend:
    """Points to append to the Series ``name``: one column per field in ``field_names``."""

    name: str
    section: Optional[str]
    index: Optional[str]
    field_names: Tuple[str, ...]
    columns: List[array]
    point_count: int
    logged_at: float
    #: Whether ``columns`` are still the arrays of the logged Series object (not to be extended in place).
    borrowed: bool = True


@dataclass
class EntryAppend:
    """One logged primitive of any type but Series."""

    name: str
    section: Optional[str]
    primitive: Primitive
    logged_at: float


@dataclass
class ArtifactAppend:
    """An artifact whose content is already in the blob folder; only its rows remain to write."""

    record: Artifact
    role: str


@dataclass
class RequestAppend:
    """A request to the tracking server kept in logging order (a note that could not be sent at once)."""

    record: dict


Operation = Union[SeriesAppend, EntryAppend, ArtifactAppend, RequestAppend]


@dataclass
class Batch:
    """Everything taken from the buffer in one go, in logging order."""

    operations: List[Operation] = field(default_factory=list)
    open_series: Dict[str, SeriesAppend] = field(default_factory=dict)
    value_count: int = 0


class LogBuffer:
    """Thread-safe pending log calls with a bound on memory."""

    def __init__(self, max_pending_values: int = MAX_PENDING_VALUES) -> None:
        self._max = max_pending_values
        self._batch = Batch()
        self._condition = threading.Condition()
        self._closed = False
        self.failure: Optional[BaseException] = None

    def add_series(self, name: str, section: Optional[str], series: Series, now: float) -> None:
        """Queues the points of ``series``, merging them into the pending append of the same name.

        The first append borrows the Series' own arrays (they are private copies of the
        user's values); they are copied only when a later append extends them.
        """
        with self._condition:
            self._wait_for_room(series.value_count)
            batch = self._batch
            op = batch.open_series.get(name)
            names = tuple(series.fields)
            if op is not None and op.field_names == names:
                if op.borrowed:
                    op.columns = [array("d", column) for column in op.columns]
                    op.borrowed = False
                for column, values in zip(op.columns, series.fields.values()):
                    column.extend(values)
                op.point_count += series.point_count
                if op.index is None:
                    op.index = series.index
            else:
                op = SeriesAppend(name, section, series.index, names, list(series.fields.values()),
                                  series.point_count, now)
                batch.open_series[name] = op
                batch.operations.append(op)
            self._added(series.value_count)

    def add(self, operation: Union[EntryAppend, ArtifactAppend, RequestAppend], value_count: int) -> None:
        """Queues a non-Series entry or an artifact."""
        with self._condition:
            self._wait_for_room(value_count)
            self._batch.operations.append(operation)
            self._added(value_count)

    def take(self, timeout: float) -> Tuple[Batch, bool]:
        """Waits until half full, closed or ``timeout``; returns everything pending and whether it is closed."""
        with self._condition:
            if not self._closed and self._batch.value_count < self._max // 2:
                self._condition.wait(timeout)
            batch, self._batch = self._batch, Batch()
            self._condition.notify_all()
            return batch, self._closed

    def close(self) -> None:
        """Refuses further additions and wakes the writer for its last batch."""
        with self._condition:
            self._closed = True
            self._condition.notify_all()

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        with self._condition:
            return self._closed

    def wait_closed(self, timeout: float) -> bool:
        """Sleeps up to ``timeout`` seconds, waking early when the buffer is closed; returns whether it is."""
        with self._condition:
            if not self._closed:
                self._condition.wait_for(lambda: self._closed, timeout)
            return self._closed

    def fail(self, error: BaseException) -> None:
        """Records that the writer failed, so that the training thread hears of it."""
        with self._condition:
            self.failure = error
            self._condition.notify_all()

    def _wait_for_room(self, count: int) -> None:
        self._check()
        while self._batch.value_count > 0 and self._batch.value_count + count > self._max:
            self._condition.notify_all()
            self._condition.wait()
            self._check()

    def _added(self, count: int) -> None:
        self._batch.value_count += max(count, 1)
        if self._batch.value_count >= self._max // 2:
            self._condition.notify_all()

    def _check(self) -> None:
        if self.failure is not None:
            raise after_failure(self.failure)
        if self._closed:
            raise StoreError("this run is finished; start a new one with ds.init()")


def after_failure(failure: BaseException) -> Exception:
    """The error a log call raises once the writer failed: of the failure's kind when it is the server's refusal."""
    message = f"the background writer failed, so nothing more can be logged: {failure}"
    if isinstance(failure, AuthenticationError):
        return AuthenticationError(message)
    if isinstance(failure, ServerError):
        return ServerError(message, failure.status)
    if isinstance(failure, ValidationError):
        return ValidationError(message)
    return StoreError(message)
