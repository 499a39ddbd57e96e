"""Where a run's data goes: the local store (the default) or a tracking server over HTTP.

Both take the same :class:`~artifacta.buffer.LogBuffer`, so logging, merging and the bound on
memory behave alike; only the background writer differs.
"""

from __future__ import annotations

import base64
import os
import shutil
import time
from typing import Any, Dict, Iterable, List, Optional

from .artifacts import Artifact, ArtifactPathError
from .blobs import BlobStore
from .buffer import LogBuffer, RequestAppend
from .describe import quoted, type_name
from .errors import ServerError, ValidationError
from .http_client import HttpClient, ServerUnavailable
from .http_writer import HttpWriter, deliver, describe_records, stderr_warning
from .names import validate_name
from .notes import create_note, safe_file_name
from .run_rows import end_run
from .store import Store, resolve_path
from .writer import BackgroundWriter

#: How long ``ds.init`` waits for the server to create the run before going on and retrying in the background.
START_TIMEOUT_SECONDS = 10.0
UNSENT_FOLDER = "unsent"


class LocalTransport:
    """Writes into a store directory on this machine."""

    def __init__(self, store: Store, run_id: str, buffer: LogBuffer) -> None:
        self.store = store
        self.run_id = run_id
        self._writer = BackgroundWriter(store, run_id, buffer)
        self._writer.start()

    @property
    def blobs(self) -> BlobStore:
        return self.store.blobs

    def check_artifact(self, artifact: Artifact) -> None:
        """Nothing more to check locally."""

    def stop(self) -> None:
        self._writer.stop()

    def end(self, status: str, error: Optional[str]) -> None:
        with self.store.transaction() as connection:
            end_run(connection, self.run_id, status, error, time.time())
        self.store.close()

    def create_note(self, project: str, title: Any, markdown: Any, attachments: Optional[Iterable[Any]]) -> Optional[int]:
        return create_note(self.store, project, title, markdown, attachments, time.time())


class HttpTransport:
    """Sends to a tracking server (``artifacta ui``); see :mod:`artifacta.http_writer`."""

    store = None

    def __init__(
        self, client: HttpClient, run_id: str, buffer: LogBuffer, spill_root: str, first: Optional[dict],
        failure: Optional[Exception],
    ) -> None:
        self.client = client
        self.run_id = run_id
        self.spill_root = spill_root
        self._buffer = buffer
        self._staging: Optional[BlobStore] = None
        self._writer = HttpWriter(client, run_id, buffer, _LazyBlobs(self), os.path.join(spill_root, f"{run_id}.jsonl"),
                                  stderr_warning)
        self._writer.start(first, failure)

    @classmethod
    def start(cls, client: HttpClient, body: Dict[str, Any], buffer: LogBuffer, spill_root: str) -> "HttpTransport":
        """Creates the run on the server (``POST /api/runs``); an unreachable server is retried in the background.

        Raises:
            ValidationError: the server refused the run (e.g. its id exists already).
            AuthenticationError: the server refused the token.
        """
        record = {"op": "run", "run_id": body["run_id"], "body": body}
        first, failure = None, None
        try:
            deliver(client, record, timeout=START_TIMEOUT_SECONDS)
        except ServerUnavailable as unavailable:
            first, failure = record, unavailable
        except ServerError as error:
            if error.status == 409:
                raise ValidationError(f"run_id {quoted(body['run_id'])} already exists on the tracking server "
                                      f"at {client.url}") from None
            raise
        return cls(client, body["run_id"], buffer, spill_root, first, failure)

    @property
    def blobs(self) -> BlobStore:
        """Where artifact content waits to be uploaded: ``<store>/unsent/<run_id>.blobs``."""
        if self._staging is None:
            self._staging = BlobStore(os.path.join(self.spill_root, f"{self.run_id}.blobs"))
        return self._staging

    def check_artifact(self, artifact: Artifact) -> None:
        """A directory is sent as one artifact per file, named ``name/path``: each name must be valid."""
        if artifact.kind == "directory":
            for file in artifact.files:
                validate_name(f"{artifact.name}/{file.path}", "artifact name")

    def stop(self) -> None:
        self._unsent = self._writer.stop()

    def end(self, status: str, error: Optional[str]) -> None:
        unsent = self._unsent
        spilled = self._writer.finish_or_spill(unsent, status, error)
        if spilled is None:
            if self._staging is not None:
                shutil.rmtree(self._staging.root, ignore_errors=True)
            for folder in (self.spill_root, os.path.dirname(self.spill_root)):
                try:
                    os.rmdir(folder)  # only when empty: what this run made and nothing else
                except OSError:
                    break
            return
        stderr_warning(
            f"artifacta: run {self.run_id}: what could not be sent to {self.client.url} ({describe_records(unsent)}) "
            f"is saved in {spilled}. Send it when the server is up with: "
            f"python -m artifacta.replay {spilled} --url {self.client.url}"
        )

    def create_note(self, project: str, title: Any, markdown: Any, attachments: Optional[Iterable[Any]]) -> Optional[int]:
        """Posts the note at once; when the server cannot be reached it is sent later (or spilled) and None returned."""
        validate_name(project, "project")
        validate_name(title, "note title")
        if not isinstance(markdown, str):
            raise ValidationError(f"markdown must be a string, not {type_name(markdown)}")
        body = {"project": project, "title": title, "markdown": markdown, "attachments": _attachments(attachments or [])}
        record = {"op": "note", "run_id": self.run_id, "body": body}
        try:
            return deliver(self.client, record)["id"]
        except ServerUnavailable as failure:
            self._writer.warn_once(failure)
            stderr_warning(f"artifacta: note {quoted(title)} will be sent with the run's data")
            self._buffer.add(RequestAppend(record), 1)
            return None


class _LazyBlobs:
    """The staging folder of an :class:`HttpTransport`, created only when an artifact is logged."""

    def __init__(self, transport: HttpTransport) -> None:
        self._transport = transport

    def path_of(self, digest: str) -> str:
        return self._transport.blobs.path_of(digest)


def _attachments(paths: Iterable[Any]) -> List[Dict[str, str]]:
    sources = [os.fspath(path) for path in paths]
    names = [safe_file_name(os.path.basename(os.path.abspath(source))) for source in sources]
    for source, name in zip(sources, names):
        if not os.path.isfile(source):
            raise ArtifactPathError(f"attachment {quoted(name)}: no file at {source}")
        if names.count(name) > 1:
            raise ValidationError(f"attachment {quoted(name)} appears twice")
    attached = []
    for source, name in zip(sources, names):
        with open(source, "rb") as reader:
            attached.append({"name": name, "content_base64": base64.b64encode(reader.read()).decode("ascii")})
    return attached


def spill_root(store: Optional[str]) -> str:
    """``<store>/unsent``: the store directory (``store``, ``$ARTIFACTA_STORE`` or ``./.artifacta``) holds unsent data."""
    return os.path.join(resolve_path(store), UNSENT_FOLDER)

