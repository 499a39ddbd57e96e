"""What is captured about the code and the machine when a run starts (the ``environment`` JSON).

Every aspect can be switched off through ``ds.init(capture=…)``. Git is asked through the
``git`` command; everything else comes from the standard library, without subprocesses.
"""

from __future__ import annotations

import glob
import os
import platform
import socket
import subprocess
import sys
from importlib import metadata
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Union

from .describe import quoted
from .errors import ValidationError

#: Every aspect ``capture=`` can name; each is one key of the environment JSON.
CAPTURE_ALL: FrozenSet[str] = frozenset(
    {"git", "os", "host", "interpreter", "cpu_count", "gpus", "packages", "command"}
)
#: The most diff text kept; a longer diff is cut and says so.
MAX_DIFF_BYTES = 1 << 20
_GIT_TIMEOUT_SECONDS = 10


def capture_set(capture: Union[bool, Iterable[str]]) -> FrozenSet[str]:
    """The aspects to capture: ``True`` for all, ``False`` for none, or an iterable of names."""
    if capture is True:
        return CAPTURE_ALL
    if capture is False or capture is None:
        return frozenset()
    if isinstance(capture, str):
        capture = [capture]
    chosen = frozenset(capture)
    unknown = sorted(chosen - CAPTURE_ALL)
    if unknown:
        raise ValidationError(
            f"capture names unknown aspect {quoted(str(unknown[0]))} (known: {', '.join(sorted(CAPTURE_ALL))})"
        )
    return chosen


def host_name() -> str:
    """This machine's host name, also stored in ``runs.host`` for crash detection."""
    return socket.gethostname()


def capture_environment(aspects: FrozenSet[str]) -> Dict[str, Any]:
    """The environment JSON object with the chosen aspects, keys as docs/STORE.md names them."""
    readers = {
        "git": _git,
        "os": lambda: {"name": platform.system(), "version": platform.release(), "machine": platform.machine()},
        "host": host_name,
        "interpreter": lambda: {
            "name": platform.python_implementation(),
            "version": platform.python_version(),
            "executable": sys.executable,
        },
        "cpu_count": os.cpu_count,
        "gpus": _gpus,
        "packages": _packages,
        "command": _command,
    }
    environment = {}
    for key in sorted(aspects):
        value = readers[key]()
        if value is not None:
            environment[key] = value
    return environment


def _command() -> List[str]:
    return list(getattr(sys, "orig_argv", [sys.executable, *sys.argv]))


def _packages() -> Dict[str, str]:
    """Installed distributions as ``{name: version}``, sorted; the first found on ``sys.path`` wins."""
    found: Dict[str, str] = {}
    for distribution in metadata.distributions():
        name = distribution.metadata["Name"]
        if name and name not in found:
            found[name] = distribution.version
    return dict(sorted(found.items(), key=lambda item: item[0].lower()))


def _gpus() -> Optional[List[str]]:
    """NVIDIA GPUs the driver lists under ``/proc``; ``None`` when none is visible."""
    names = []
    for information in sorted(glob.glob("/proc/driver/nvidia/gpus/*/information")):
        try:
            with open(information, encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    if line.startswith("Model:"):
                        names.append(line.split(":", 1)[1].strip())
        except OSError:
            continue
    return names or None


def _code_directory() -> str:
    script = sys.argv[0] if sys.argv else ""
    return os.path.dirname(os.path.abspath(script)) if script and os.path.isfile(script) else os.getcwd()


def _git() -> Optional[Dict[str, Any]]:
    """Commit, branch, dirty flag and the diff of tracked files; ``None`` outside a repository or without git."""
    directory = _code_directory()
    commit = _run_git(directory, "rev-parse", "HEAD")
    if commit is None:
        return None
    branch = _run_git(directory, "rev-parse", "--abbrev-ref", "HEAD")
    status = _run_git(directory, "status", "--porcelain", "--untracked-files=no") or ""
    diff = _run_git(directory, "diff", "HEAD") or ""
    if len(diff.encode("utf-8")) > MAX_DIFF_BYTES:
        diff = diff.encode("utf-8")[:MAX_DIFF_BYTES].decode("utf-8", "ignore") + f"\n[diff cut at {MAX_DIFF_BYTES} bytes]\n"
    return {
        "commit": commit.strip(),
        "branch": None if branch is None or branch.strip() == "HEAD" else branch.strip(),
        "dirty": bool(status.strip()),
        "diff": diff,
    }


def _run_git(directory: str, *arguments: str) -> Optional[str]:
    try:
        completed = subprocess.run(
            ["git", *arguments], cwd=directory, capture_output=True, timeout=_GIT_TIMEOUT_SECONDS,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    return completed.stdout.decode("utf-8", "replace")
