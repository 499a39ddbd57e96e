"""The module-level functions of ``import artifacta as ds``."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Union

from . import lifecycle
from .primitives import Primitive
from .run import Run


def init(
    project: str = "default",
    name: Optional[str] = None,
    config: Optional[Dict[str, Any]] = None,
    *,
    tags: Optional[List[str]] = None,
    run_id: Optional[str] = None,
    store: Optional[str] = None,
    capture: Union[bool, Iterable[str]] = True,
    url: Optional[str] = None,
    token: Optional[str] = None,
) -> Run:
    """Starts a run and makes it the current one for :func:`log`.

    Args:
        project: the project the run belongs to (created on first use).
        name: the display name; defaults to the run id.
        config: the run's parameters, a JSON-like dict (numpy values allowed); key order is kept.
        tags: strings to label the run.
        run_id: 1–128 of letters, digits, ``.``, ``_``, ``-``; default 16 random hex digits.
        store: the store directory; default ``$ARTIFACTA_STORE``, else ``./.artifacta``.
        capture: what to record about the code and machine: ``True`` (all), ``False`` (none),
            or names from :data:`artifacta.CAPTURE_ALL` (``git``, ``os``, ``host``, ``interpreter``,
            ``cpu_count``, ``gpus``, ``packages``, ``command``), e.g. ``ds.CAPTURE_ALL - {"packages"}``.
            Not recorded over HTTP: the server's ``POST /api/runs`` takes no environment.
        url: a tracking server (``artifacta ui``) to send the run to instead of the store, e.g.
            ``http://127.0.0.1:8000``; default ``$ARTIFACTA_URL``, else the local store. Data the
            server cannot take in time is kept and retried, and at exit saved under
            ``<store>/unsent/<run_id>.jsonl`` for ``python -m artifacta.replay``.
        token: the server's access token, sent as ``Authorization: Bearer``; default ``$ARTIFACTA_TOKEN``.

    Returns:
        The run; it finishes by itself when the script exits (``failed`` if an exception escapes).

    Raises:
        ValidationError: a bad argument; nothing is stored.
        StoreError: the store was written by a newer Artifacta.
        AuthenticationError: the server refused the token.
    """
    run = Run.start(project=project, name=name, config=config, tags=tags, run_id=run_id, store=store, capture=capture,
                    url=url, token=token)
    lifecycle.activate(run)
    return run


def log(name: str, primitive: Primitive, section: Optional[str] = None) -> None:
    """Logs a primitive to the current run; see :meth:`Run.log`."""
    lifecycle.current().log(name, primitive, section)


def finish() -> None:
    """Finishes the current run: writes everything pending and marks it ``finished``."""
    lifecycle.current().finish()


def create_note(
    title: str, markdown: str, attachments: Optional[Iterable[Any]] = None, project: Optional[str] = None
) -> Optional[int]:
    """Adds a Markdown note to a project, copying the attached files into the store.

    Args:
        title: the note's title.
        markdown: its body; refer to an attachment by its file name, e.g. ``![plot](loss.png)``.
        attachments: paths of files to attach.
        project: the project; defaults to the current run's, whose store is used.

    Returns:
        The note's id; ``None`` when the tracking server could not be reached (the note is sent later).
    """
    return lifecycle.current().create_note(title, markdown, attachments, project)
