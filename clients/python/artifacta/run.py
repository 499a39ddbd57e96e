"""A run being logged: what ``ds.init`` returns."""

from __future__ import annotations

import os
import secrets
import threading
import time
from typing import Any, Dict, Iterable, Optional, Tuple, Union

from . import lifecycle
from .artifacts import Artifact, collect_artifact, validate_role
from .buffer import ArtifactAppend, EntryAppend, LogBuffer, after_failure
from .describe import quoted, type_name
from .environment import capture_environment, capture_set, host_name
from .errors import StoreError, ValidationError
from .jsontext import dumps, to_json
from .names import validate_name, validate_run_id
from .primitives import Primitive
from .http_client import HttpClient, resolve_url
from .run_rows import insert_run, mark_crashed_runs
from .store import Store
from .transport import HttpTransport, LocalTransport, spill_root

_KINDS = "Series, Distribution, Scatter, Matrix, Curve, BarChart or Table"


class Run:
    """A run being logged to a local store, or to a tracking server over HTTP.

    Create one with :func:`artifacta.init`. Log calls return at once: a background thread
    writes (or sends) them at least every half second, and everything is written when the run
    finishes (``run.finish()``, or automatically when the script exits).
    """

    def __init__(
        self, transport: Any, buffer: LogBuffer, run_id: str, project: str, name: str, config: Dict[str, Any]
    ) -> None:
        """Internal: use :func:`artifacta.init`, which also records the run (locally or on the server)."""
        #: The local store, or ``None`` when the run is sent to a tracking server.
        self.store: Optional[Store] = transport.store
        #: The run's id (``run_id`` on the wire).
        self.id = run_id
        self.project = project
        self.name = name
        #: The parameters given to ``ds.init``, as stored (JSON values).
        self.config = config
        #: The tracking server's address when the run is logged over HTTP, else ``None``.
        self.url: Optional[str] = getattr(getattr(transport, "client", None), "url", None)
        self._pid = os.getpid()
        self._kinds: Dict[str, str] = {}
        self._series: Dict[str, Tuple[Optional[str], Optional[str]]] = {}
        self._buffer = buffer
        self._transport = transport
        self._end_lock = threading.Lock()
        self._ended = False

    @classmethod
    def start(
        cls, *, project: Any, name: Any, config: Any, tags: Any, run_id: Optional[str], store: Optional[str],
        capture: Union[bool, Iterable[str]], url: Optional[str] = None, token: Optional[str] = None,
    ) -> "Run":
        """Validates the arguments, then records the run in the store, or on the server when ``url`` is set."""
        run_id = secrets.token_hex(8) if run_id is None else run_id
        validate_run_id(run_id)
        validate_name(project, "project")
        name = run_id if name is None else name
        validate_name(name, "run name")
        config = to_json({} if config is None else config, "config")
        if not isinstance(config, dict):
            raise ValidationError(f"config must be a JSON object, not {type_name(config)}")
        tags = list(tags or [])
        for tag in tags:
            validate_name(tag, "tag")
        buffer = LogBuffer()
        url = resolve_url(url)
        if url is not None:
            client = HttpClient(url, token if token is not None else os.environ.get("ARTIFACTA_TOKEN"))
            body = {"run_id": run_id, "project": project, "name": name, "config": config, "tags": tags,
                    "environment": capture_environment(capture_set(capture))}
            transport: Any = HttpTransport.start(client, body, buffer, spill_root(store))
            return cls(transport, buffer, run_id, project, name, config)
        environment = capture_environment(capture_set(capture))
        opened = Store(store)
        host, now = host_name(), time.time()
        with opened.transaction() as connection:
            mark_crashed_runs(connection, host, now)
            insert_run(
                connection, run_id=run_id, project=project, name=name, config=dumps(config), tags=dumps(tags),
                environment=dumps(environment), host=host, pid=os.getpid(), now=now,
            )
        return cls(LocalTransport(opened, run_id, buffer), buffer, run_id, project, name, config)

    def log(self, name: str, primitive: Primitive, section: Optional[str] = None) -> None:
        """Logs a primitive under ``name``; returns without waiting for the disk.

        A Series logged again under the same name appends its points. Other primitives add
        a new value each call; the newest is the current one.

        Args:
            name: the entry name, e.g. ``"metrics"`` or ``"train/loss"``.
            primitive: a ``Series``, ``Distribution``, ``Scatter``, ``Matrix``, ``Curve``, ``BarChart`` or ``Table``.
            section: the section of the report page; defaults to the name's prefix before ``/``.

        Raises:
            ValidationError: a bad name, or a name already used by another type in this run.
            StoreError: the run is finished, or the background writer failed.
        """
        self._check_owner()
        if not isinstance(primitive, Primitive):
            raise ValidationError(f"ds.log needs a {_KINDS}, not {type(primitive).__name__}")
        kind = primitive.primitive_type
        try:
            validate_name(name, "entry name")
            if section is not None:
                validate_name(section, "section")
        except ValidationError as error:
            raise error.prefixed(kind) from None
        known = self._kinds.get(name)
        if known is not None and known != kind:
            raise ValidationError(f"{kind} {quoted(name)}: the name is already used by a {known} in this run")
        now = time.time()
        if kind == "Series":
            self._check_series(name, section, primitive)
            self._buffer.add_series(name, section, primitive, now)
        else:
            self._buffer.add(EntryAppend(name, section, primitive, now), primitive.value_count)
        self._kinds[name] = kind

    def log_artifact(
        self, name: str, path: Union[str, "os.PathLike[str]"], metadata: Optional[Dict[str, Any]] = None,
        role: str = "output",
    ) -> Artifact:
        """Copies a file or a directory (recursively, symbolic links skipped) into the store.

        The content is copied before this returns, so the file may change afterwards; the
        path is kept only as provenance.

        Args:
            name: the artifact name, e.g. ``"model.pt"``.
            path: a file or a directory.
            metadata: a JSON object describing it.
            role: ``"output"`` (the run made it) or ``"input"`` (the run read it).

        Raises:
            ArtifactPathError: nothing exists at ``path`` (also a ``FileNotFoundError``).
            ValidationError: a bad name, role or metadata.
        """
        self._check_owner()
        validate_role(role)
        artifact = collect_artifact(self._transport.blobs, name, path, metadata, time.time())
        self._transport.check_artifact(artifact)
        self._buffer.add(ArtifactAppend(artifact, role), len(artifact.files))
        return artifact

    def log_input(
        self, name: str, path: Union[str, "os.PathLike[str]"], metadata: Optional[Dict[str, Any]] = None
    ) -> Artifact:
        """Logs a file or directory the run read (a data set, a base model): ``log_artifact(..., role="input")``."""
        return self.log_artifact(name, path, metadata, role="input")

    def finish(self) -> None:
        """Writes everything still pending and marks the run ``finished``. Later calls do nothing."""
        self._end("finished", None)

    def create_note(
        self, title: str, markdown: str, attachments: Optional[Iterable[Any]] = None, project: Optional[str] = None
    ) -> Optional[int]:
        """Adds a Markdown note to a project (default: this run's); see :func:`artifacta.create_note`."""
        return self._transport.create_note(project or self.project, title, markdown, attachments)

    def _end(self, status: str, error: Optional[str]) -> None:
        with self._end_lock:
            if self._ended or os.getpid() != self._pid:
                return
            self._ended = True
        lifecycle.forget(self)
        self._transport.stop()
        failure = self._buffer.failure
        if failure is not None:
            kind = "StoreError" if self.store is not None else type(after_failure(failure)).__name__
            status, error = "failed", f"{kind}: the background writer failed: {failure}"
        self._transport.end(status, error)
        if failure is not None:
            if self.store is None:
                raise after_failure(failure) from failure
            raise StoreError(f"run {self.id}: some logged data could not be written: {failure}") from failure

    def _check_owner(self) -> None:
        if os.getpid() != self._pid:
            raise StoreError(
                f"run {self.id} belongs to process {self._pid}; a forked child cannot log to it, call ds.init() there"
            )

    def _check_series(self, name: str, section: Optional[str], series: Any) -> None:
        first_index, first_section = self._series.get(name, (series.index, section))
        if series.index is not None and first_index is not None and series.index != first_index:
            raise ValidationError(
                f"Series {quoted(name)}: this Series was logged with index {quoted(first_index)}, "
                f"not {quoted(series.index)}"
            )
        if section is not None and name in self._series and section != first_section:
            raise ValidationError(
                f"Series {quoted(name)}: section {quoted(section)} differs from "
                f"{'none' if first_section is None else quoted(first_section)}, the section it was first logged with"
            )
        self._series[name] = (first_index if first_index is not None else series.index, first_section)

    def __repr__(self) -> str:
        return f"<Run {self.id} {quoted(self.name)} of project {quoted(self.project)}>"

