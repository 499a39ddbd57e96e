"""The background thread that sends a run's :class:`~artifacta.buffer.LogBuffer` to the tracking server.

It is the HTTP twin of :class:`~artifacta.writer.BackgroundWriter`: the same buffer (so the
same merging of Series appends and the same bound on memory), drained at least every half
second into requests — ``POST /api/runs/{id}/batch`` for entries, ``POST /api/artifacts``
then ``PUT /api/artifacts/{aid}/content`` for artifacts — sent in logging order.

When the server cannot be reached the requests are kept and retried with a growing pause;
nothing more is taken from the buffer meanwhile, so it fills up to its limit and ``ds.log``
then waits, as it does when the disk is slow. A warning is printed once. At the end of the
run the unsent requests are retried for :data:`FINAL_RETRY_SECONDS`; what is still unsent
is written as JSON lines to a spill file that ``python -m artifacta.replay`` sends later.
"""

from __future__ import annotations

import collections
import os
import sys
import threading
import time
import urllib.parse
from typing import Any, Callable, Deque, Dict, Iterator, List, Optional

from .artifacts import Artifact
from .buffer import ArtifactAppend, Batch, EntryAppend, LogBuffer, RequestAppend, SeriesAppend
from .errors import ArtifactaError, ServerError
from .http_client import HttpClient, ServerUnavailable
from .jsontext import dumps

#: The longest a logged value waits before it is sent (the local writer's interval too).
FLUSH_INTERVAL_SECONDS = 0.5
#: How often an idle run sends a heartbeat (the server reads a run silent for 90 s as crashed).
HEARTBEAT_INTERVAL_SECONDS = 10.0
#: At the end of a run, how long unsent requests are retried before they are spilled to a file.
FINAL_RETRY_SECONDS = 10.0
#: Pauses between retries grow from the first to the last, doubling.
RETRY_PAUSES = (0.25, 8.0)
#: About this many values go into one batch request (a long Series is cut into several appends).
VALUES_PER_REQUEST = 250_000

Record = Dict[str, Any]


def final_retry_seconds() -> float:
    """:data:`FINAL_RETRY_SECONDS`, or ``$ARTIFACTA_RETRY_SECONDS`` when set."""
    text = os.environ.get("ARTIFACTA_RETRY_SECONDS")
    try:
        return max(0.0, float(text)) if text else FINAL_RETRY_SECONDS
    except ValueError:
        return FINAL_RETRY_SECONDS


def run_path(run_id: str, suffix: str = "") -> str:
    """``/api/runs/{id}{suffix}`` with the id quoted."""
    return f"/api/runs/{urllib.parse.quote(run_id, safe='')}{suffix}"


def deliver(client: HttpClient, record: Record, timeout: Optional[float] = None) -> Any:
    """Sends one request record; answers that mean "already done" by an earlier attempt count as success.

    Raises:
        ServerUnavailable: retry later.
        ValidationError, ServerError, AuthenticationError: the server refused it.
    """
    op, run_id = record["op"], record.get("run_id", "")
    if op == "run":
        try:
            return client.post("/api/runs", record["body"], timeout)
        except ServerError as error:
            if error.status == 409 and record.get("retried"):
                return None  # an earlier attempt created it and its answer was lost
            raise
    if op == "batch":
        return client.post(run_path(run_id, "/batch"), record["body"], timeout)
    if op == "artifact":
        if record.get("artifact_id") is None:
            record["artifact_id"] = client.post("/api/artifacts", record["body"], timeout)["id"]
        if "uploads" in record:
            return send_directory_files(client, record, timeout)
        upload = record["upload"]
        with open(upload["blob"], "rb") as content:
            try:
                return client.request(
                    "PUT", f"/api/artifacts/{record['artifact_id']}/content", content, "application/octet-stream",
                    query={"file_name": upload["file_name"]}, length=upload["size_bytes"], timeout=timeout,
                )
            except ServerError as error:
                if error.status == 409:
                    return None  # the content arrived with an earlier attempt
                raise
    if op == "note":
        return client.post("/api/notes", record["body"], timeout)
    if op == "finish":
        try:
            return client.post(run_path(run_id, "/finish"), record["body"], timeout)
        except ServerError as error:
            if error.status == 409:
                return None  # already ended
            raise
    if op == "heartbeat":
        return client.post(run_path(run_id, "/heartbeat"), {}, timeout)
    raise ValueError(f"unknown request record {op!r}")


def send_directory_files(client: Any, record: Record, timeout: float) -> Any:
    """Uploads a registered directory's files one by one (``?path=``), remembering in the
    record which are done, so that a retry after a failure sends only the others."""
    done = record.setdefault("uploaded", [])
    answer = None
    for upload in record["uploads"]:
        if upload["path"] in done:
            continue
        with open(upload["blob"], "rb") as content:
            answer = client.request(
                "PUT", f"/api/artifacts/{record['artifact_id']}/content", content, "application/octet-stream",
                query={"path": upload["path"]}, length=upload["size_bytes"], timeout=timeout,
            )
        done.append(upload["path"])
    return answer


def describe_records(records: List[Record]) -> str:
    """What unsent requests hold, e.g. ``the run's creation, 12 entries, 1 artifact file, the run's end``."""
    entries = sum(len(r["body"]["entries"]) for r in records if r["op"] == "batch")
    parts = ["the run's creation"] if any(r["op"] == "run" for r in records) else []
    files = sum(len(r.get("uploads", [None])) for r in records if r["op"] == "artifact")
    for count, what in ((entries, "entr"), (files, "artifact file"),
                        (sum(r["op"] == "note" for r in records), "note")):
        if count:
            plural = ("ies" if count > 1 else "y") if what == "entr" else ("s" if count > 1 else "")
            parts.append(f"{count} {what}{plural}")
    if any(r["op"] == "finish" for r in records):
        parts.append("the run's end")
    return ", ".join(parts) or "nothing"


class HttpWriter:
    """Sends a run's pending log calls to the server; keeps, retries and finally spills what cannot be sent."""

    def __init__(
        self, client: HttpClient, run_id: str, buffer: LogBuffer, staging: Any, spill_path: str,
        warn: Callable[[str], None],
    ) -> None:
        self.client = client
        self.run_id = run_id
        self.staging = staging
        self.spill_path = spill_path
        self._buffer = buffer
        self._warn = warn
        #: Requests taken from the buffer and not yet sent, oldest first; only this thread touches it until stop().
        self._queue: Deque[Record] = collections.deque()
        self._pause = RETRY_PAUSES[0]
        self._warned = False
        self._unreachable = False
        self._last_contact = time.time()
        self._deadline: Optional[float] = None
        self._thread = threading.Thread(target=self._loop, name=f"artifacta-http-{run_id}", daemon=True)

    def start(self, first: Optional[Record] = None, failure: Optional[Exception] = None) -> None:
        """Starts the thread; ``first`` (the run's creation, which failed with ``failure``) is sent first."""
        if first is not None:
            first["retried"] = True
            self._queue.append(first)
        if failure is not None:
            self.warn_once(failure)
        self._thread.start()

    def stop(self) -> List[Record]:
        """Closes the buffer, sends what is left (retrying for a bounded time) and returns what is still unsent."""
        self._deadline = time.time() + final_retry_seconds()
        self._buffer.close()
        self._thread.join()
        batch, _ = self._buffer.take(0)
        self._queue.extend(self._records(batch))
        unsent = list(self._queue)
        self._queue.clear()
        return unsent

    def finish_or_spill(self, unsent: List[Record], status: str, error: Optional[str]) -> Optional[str]:
        """Ends the run on the server, or writes ``unsent`` and the end to the spill file; returns its path if written."""
        finish = {"op": "finish", "run_id": self.run_id, "body": {"status": status, **({"error": error} if error else {})}}
        # Unsent requests with a reachable server were refused: the run still ends there, and they are kept.
        if not unsent or not self._unreachable:
            try:
                remaining = max(1.0, (self._deadline or time.time()) - time.time())
                deliver(self.client, finish, timeout=min(remaining, self.client.timeout))
                finish = None
            except ServerUnavailable as failure:
                self.warn_once(failure)
            except ArtifactaError as failure:
                self._warn(f"artifacta: run {self.run_id} could not be ended on the server: {failure}")
        spilled = unsent + ([finish] if finish else [])
        if not spilled:
            return None
        self._spill(spilled)
        return self.spill_path

    # The thread.

    def _loop(self) -> None:
        try:
            while True:
                if not self._queue:
                    batch, closed = self._buffer.take(FLUSH_INTERVAL_SECONDS)
                    self._queue.extend(self._records(batch))
                else:
                    closed = self._buffer.closed
                if self._queue:
                    if self._send_queue():
                        continue
                    if closed and time.time() >= (self._deadline or 0):
                        return
                    self._rest(closed)
                    continue
                if closed:
                    return
                if time.time() - self._last_contact >= HEARTBEAT_INTERVAL_SECONDS:
                    self._heartbeat()
        except Exception as error:  # a refusal by the server; reported to the training thread
            self._buffer.fail(error)

    def _send_queue(self) -> bool:
        """Sends queued records in order; False when the server is unavailable (the rest stays queued)."""
        while self._queue:
            record = self._queue[0]
            try:
                deliver(self.client, record, self._timeout())
            except ServerUnavailable as failure:
                record["retried"] = True
                self.warn_once(failure)
                return False
            self._queue.popleft()
            self._contact()
        return True

    def _heartbeat(self) -> None:
        try:
            deliver(self.client, {"op": "heartbeat", "run_id": self.run_id})
            self._contact()
        except ServerUnavailable as failure:
            self.warn_once(failure)
            self._last_contact = time.time()  # try again one interval later

    def _rest(self, closed: bool) -> None:
        pause = self._pause
        self._pause = min(self._pause * 2, RETRY_PAUSES[1])
        if closed:
            time.sleep(max(0.0, min(pause, (self._deadline or 0) - time.time())))
        elif self._buffer.wait_closed(pause):
            self._pause = RETRY_PAUSES[0]  # the run ended: retry at once, then within the final window

    def _timeout(self) -> Optional[float]:
        if self._deadline is None:
            return None
        return max(1.0, min(self.client.timeout, self._deadline - time.time()))

    def _contact(self) -> None:
        self._last_contact = time.time()
        self._pause = RETRY_PAUSES[0]
        if self._unreachable:
            self._unreachable = False
            self._warn(f"artifacta: the tracking server at {self.client.url} is reachable again; sending what was kept")

    def warn_once(self, failure: Exception) -> None:
        """Says once per run that the server cannot be reached and what happens to the data."""
        self._unreachable = True
        if not self._warned:
            self._warned = True
            self._warn(
                f"artifacta: {failure}. Run {self.run_id}: it and its logged data are kept and retried "
                f"(ds.log waits once {self._buffer._max:,} values are pending); what is still unsent when the "
                f"run ends is saved under {os.path.dirname(self.spill_path)}"
            )

    def _spill(self, records: List[Record]) -> None:
        os.makedirs(os.path.dirname(self.spill_path), exist_ok=True)
        with open(self.spill_path, "a", encoding="utf-8") as spill:
            for record in records:
                record.pop("retried", None)
                spill.write(dumps(record) + "\n")
            spill.flush()
            os.fsync(spill.fileno())

    # Turning a taken batch into request records.

    def _records(self, batch: Batch) -> List[Record]:
        records: List[Record] = []
        entries: List[Dict[str, Any]] = []
        count = 0
        for operation in batch.operations:
            if isinstance(operation, (ArtifactAppend, RequestAppend)):
                if entries:
                    records.append(self._batch_record(entries))
                    entries, count = [], 0
                if isinstance(operation, RequestAppend):
                    records.append(operation.record)
                else:
                    records.extend(self.artifact_records(operation.record, operation.role))
                continue
            for entry, values in self._entries(operation):
                entries.append(entry)
                count += values
                if count >= VALUES_PER_REQUEST:
                    records.append(self._batch_record(entries))
                    entries, count = [], 0
        if entries:
            records.append(self._batch_record(entries))
        return records

    def _batch_record(self, entries: List[Dict[str, Any]]) -> Record:
        return {"op": "batch", "run_id": self.run_id, "body": {"entries": entries}}

    def _entries(self, operation: Any) -> Iterator[tuple]:
        if isinstance(operation, EntryAppend):
            entry = {"name": operation.name, "primitive_type": operation.primitive.primitive_type}
            if operation.section is not None:
                entry["section"] = operation.section
            entry["data"] = operation.primitive.to_wire()
            yield entry, max(operation.primitive.value_count, 1)
        elif isinstance(operation, SeriesAppend):
            width = max(len(operation.field_names), 1)
            step = max(VALUES_PER_REQUEST // width, 1)
            for first in range(0, operation.point_count, step):
                last = min(first + step, operation.point_count)
                data: Dict[str, Any] = {} if operation.index is None else {"index": operation.index}
                data["fields"] = {name: column[first:last] for name, column in zip(operation.field_names, operation.columns)}
                entry = {"name": operation.name, "primitive_type": "Series"}
                if operation.section is not None:
                    entry["section"] = operation.section
                entry["data"] = data
                yield entry, (last - first) * width

    def artifact_records(self, artifact: Artifact, role: str) -> List[Record]:
        """The register-and-upload record of an artifact: a file is registered by its hash and
        uploaded; a directory is registered with its files (one artifact, as in the store) and
        each file uploaded by its path."""
        body = {"run_id": self.run_id, "name": artifact.name, "metadata": artifact.metadata, "role": role,
                "storage_path": artifact.source_path}
        if artifact.kind == "directory":
            body["hash"] = artifact.hash
            body["files"] = [{"path": f.path, "hash": f.hash, "size_bytes": f.size_bytes} for f in artifact.files]
            uploads = [{"path": f.path, "blob": self.staging.path_of(f.hash), "size_bytes": f.size_bytes} for f in artifact.files]
            return [{"op": "artifact", "run_id": self.run_id, "body": body, "uploads": uploads}]
        records = []
        for file in artifact.files:
            body = {**body, "hash": file.hash, "size_bytes": file.size_bytes}
            upload = {"file_name": file.path.rsplit("/", 1)[-1], "blob": self.staging.path_of(file.hash),
                      "size_bytes": file.size_bytes}
            records.append({"op": "artifact", "run_id": self.run_id, "body": body, "upload": upload})
        return records


def stderr_warning(message: str) -> None:
    """Prints a message of the client on standard error."""
    try:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
