"""The rules every user-given name obeys: runs, projects, entries, sections, fields, artifacts."""

from __future__ import annotations

import re
from typing import Any

from .describe import quoted, type_name
from .errors import ValidationError

MAXIMUM_LENGTH = 256
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_RUN_ID = re.compile(r"[A-Za-z0-9._-]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_valid_names: set = set()
_CACHE_LIMIT = 10_000


def validate_name(name: Any, what: str) -> None:
    """Checks that ``name`` is a non-empty string of at most 256 characters without control characters.

    ``what`` is how the name is called in the message, e.g. ``run name``.
    """
    if type(name) is str and name in _valid_names:
        return
    if not isinstance(name, str):
        raise ValidationError(f"{what} must be a string, not {type_name(name)}")
    if not name:
        raise ValidationError(f"{what} must not be empty")
    if len(name) > MAXIMUM_LENGTH:
        raise ValidationError(f"{what} is {len(name)} characters long; the limit is {MAXIMUM_LENGTH}")
    bad = _CONTROL.search(name)
    if bad:
        raise ValidationError(f"{what} {quoted(name)} contains the control character U+{ord(bad.group()):04X}")
    check_text(name, what)
    if len(_valid_names) < _CACHE_LIMIT:
        _valid_names.add(name)


def check_text(text: str, what: str) -> None:
    """Raises unless ``text`` is Unicode text: a lone surrogate (``"\\ud800"``) cannot be stored as UTF-8.

    Checked when logging, so that such a string is refused at once instead of failing the write.
    """
    bad = _SURROGATE.search(text)
    if bad:
        raise ValidationError(f"{what} contains U+{ord(bad.group()):04X}, a lone surrogate that is not Unicode text")


def validate_run_id(run_id: Any) -> None:
    """Checks a run id: 1 to 128 of letters, digits, ``.``, ``_`` and ``-``, not starting with ``.``."""
    if not isinstance(run_id, str):
        raise ValidationError(f"run_id must be a string, not {type_name(run_id)}")
    if not run_id:
        raise ValidationError("run_id must not be empty")
    if len(run_id.encode("utf-8")) > 128:
        raise ValidationError("run_id is longer than 128 characters")
    if not _RUN_ID.fullmatch(run_id) or run_id.startswith("."):
        raise ValidationError(
            f"run_id {quoted(run_id)} may hold only letters, digits, '.', '_' and '-', and not start with '.'"
        )
