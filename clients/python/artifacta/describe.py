"""How values are spelled inside error messages, word for word as the Swift side does."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from typing import Any

_QUOTE_LIMIT = 80
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_string(text: str) -> str:
    """``text`` as a JSON string literal, escaped like the Swift ``JSONWriter``."""
    out = ['"']
    for ch in text:
        escaped = _ESCAPES.get(ch)
        if escaped is not None:
            out.append(escaped)
        elif ord(ch) < 0x20:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def quoted(name: str) -> str:
    """A name in double quotes, shortened to 80 characters, for messages."""
    short = name[:77] + "..." if len(name) > _QUOTE_LIMIT else name
    return json_string(short)


def number_text(value: float) -> str:
    """The JSON text of a number: ``3`` rather than ``3.0``; ``NaN``, ``Infinity``, ``-Infinity``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def is_boolean(value: Any) -> bool:
    """Whether a value is ``True``/``False``, including numpy's boolean scalars."""
    kind = type(value)
    return isinstance(value, bool) or (kind.__module__ == "numpy" and kind.__name__ in ("bool_", "bool"))


def is_array(value: Any) -> bool:
    """Whether a value counts as a JSON array: a list, tuple, range, ``array.array`` or numpy array."""
    if isinstance(value, (list, tuple, range)):
        return True
    if type(value).__name__ == "array" and type(value).__module__ == "array":
        return True
    return hasattr(value, "__array__") and getattr(value, "ndim", 1) != 0


def type_name(value: Any) -> str:
    """A short name of a value's JSON type (``a number``, ``an array``), or of its Python type."""
    if value is None:
        return "null"
    if is_boolean(value):
        return "a boolean"
    if isinstance(value, numbers.Real):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "an object"
    if is_array(value):
        return "an array"
    name = type(value).__name__
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


def describe(value: Any) -> str:
    """A value for a message: itself when it is a string, number, boolean or null, else its type."""
    if isinstance(value, str):
        return quoted(value)
    if value is None:
        return "null"
    if is_boolean(value):
        return "true" if value else "false"
    if isinstance(value, numbers.Real):
        try:
            return number_text(float(value))
        except OverflowError:
            return str(value)
    return type_name(value)
