"""How runs end without being told: finished at exit, failed on an uncaught exception.

``atexit`` finishes every run this process started and did not finish. ``sys.excepthook``
is chained so that an uncaught exception ends them as ``failed`` with ``"TypeName: message"``.
A process killed outright (SIGKILL) runs neither; its runs are later seen as crashed through
the heartbeat and pid rule of docs/STORE.md.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING, List, Optional, Type

from .errors import ArtifactaError

if TYPE_CHECKING:
    from .run import Run

_lock = threading.Lock()
_active: List["Run"] = []
_failure: Optional[str] = None
_installed = False


def activate(run: "Run") -> None:
    """Makes ``run`` the current run, to be ended at exit."""
    _install()
    with _lock:
        _active.append(run)


def forget(run: "Run") -> None:
    """Drops a run that has ended."""
    with _lock:
        if run in _active:
            _active.remove(run)


def current() -> "Run":
    """The most recently started run that has not ended."""
    with _lock:
        if not _active:
            raise ArtifactaError("no active run: call ds.init(project=..., name=...) first")
        return _active[-1]


def failure_text(error: BaseException) -> str:
    """``"ValueError: bad shape"``, or just the type name when the message is empty."""
    message = str(error)
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    atexit.register(_end_all)
    previous = sys.excepthook

    def excepthook(kind: Type[BaseException], error: BaseException, traceback: Optional[TracebackType]) -> None:
        global _failure
        _failure = failure_text(error)
        previous(kind, error, traceback)

    sys.excepthook = excepthook
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_forget_all)


def _end_all() -> None:
    with _lock:
        runs = list(reversed(_active))
    for run in runs:
        if _failure is None:
            run._end("finished", None)
        else:
            run._end("failed", _failure)


def _forget_all() -> None:
    """In a forked child: the parent's runs are the parent's to end."""
    with _lock:
        _active.clear()
