"""Compact JSON text for the store, and conversion of user values (config, metadata) to JSON.

NaN and ±Infinity are written as the bare tokens ``NaN``, ``Infinity``, ``-Infinity``;
whole numbers below 10¹⁵ as integers (``3``, not ``3.0``), as the Swift ``JSONWriter`` does.
"""

from __future__ import annotations

import json
import numbers
from array import array
from collections.abc import Mapping
from typing import Any, List

from .describe import is_array, is_boolean, quoted, type_name
from .errors import ValidationError
from .names import check_text

_LIMIT = 1e15


def wire_number(value: float) -> Any:
    """A float as JSON should carry it: an int when it is whole and below 10¹⁵."""
    if value.is_integer() and -_LIMIT < value < _LIMIT:
        return int(value)
    return value


def wire_numbers(values: array) -> List[Any]:
    """An ``array('d')`` as a list for JSON, whole numbers as ints."""
    return [int(v) if v.is_integer() and -_LIMIT < v < _LIMIT else v for v in values]


def _encode_array(value: Any) -> Any:
    if isinstance(value, array):
        return wire_numbers(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def dumps(value: Any) -> str:
    """Compact JSON text; ``array('d')`` values are written as lists of numbers."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=True, default=_encode_array)


def to_json(value: Any, what: str) -> Any:
    """A copy of a user value made of dicts, lists, strings, numbers, booleans and ``None``.

    numpy scalars and arrays become numbers and lists. Raises a ``ValidationError`` naming the
    key path of anything JSON cannot hold, e.g. ``config "optimizer.betas" is a set, not JSON``.
    """
    return _convert(value, what, "")


def _convert(value: Any, what: str, path: str) -> Any:
    if type(value) is str or isinstance(value, str):
        check_text(value, f"{what} {_where(path)}")
        return str(value)
    if value is None or type(value) is bool:
        return value
    if is_boolean(value):
        return bool(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, Mapping):
        result = {}
        for key, element in value.items():
            if not isinstance(key, str):
                raise ValidationError(f"{what} key {quoted(repr(key))} at {_where(path)} must be a string")
            check_text(key, f"{what} key at {_where(path)}")
            result[str(key)] = _convert(element, what, f"{path}.{key}" if path else key)
        return result
    if is_array(value):
        elements = value.tolist() if hasattr(value, "tolist") else value
        return [_convert(element, what, f"{path}[{i}]") for i, element in enumerate(elements)]
    raise ValidationError(f"{what} {_where(path)} is {type_name(value)}, not JSON")


def _where(path: str) -> str:
    return quoted(path) if path else "value"
