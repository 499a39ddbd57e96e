"""Reads numbers and strings out of Python, ``array`` and numpy values, with Swift's error messages.

numpy is never imported here: its arrays and scalars are recognised by what they offer.
"""

from __future__ import annotations

import math
import numbers
import sys
from array import array
from collections.abc import Mapping
from typing import Any, List, Optional

from .describe import describe, is_array, is_boolean, quoted, type_name
from .errors import ValidationError
from .names import check_text

_NON_FINITE = {
    "NaN": math.nan, "nan": math.nan,
    "Infinity": math.inf, "inf": math.inf,
    "-Infinity": -math.inf, "-inf": -math.inf,
}
_PLAIN_NUMBERS = frozenset((float, int))
_NUMERIC_TYPECODES = frozenset("bBhHiIlLqQfd")
_NUMERIC_DTYPE_KINDS = frozenset("fiu")


def number(value: Any) -> Optional[float]:
    """A number as a float; the strings ``NaN``, ``Infinity``, ``-Infinity`` too. ``None`` if not a number."""
    kind = type(value)
    if kind is float:
        return value
    if kind is int:
        return _int_to_float(value)
    if kind is str:
        return _NON_FINITE.get(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    if isinstance(value, numbers.Integral):
        return _int_to_float(int(value))
    return float(value)


def _int_to_float(value: int) -> Optional[float]:
    try:
        return float(value)
    except OverflowError:
        return None


def sequence(value: Any) -> Optional[Any]:
    """The elements of an array-like value, or ``None`` when it is not an array."""
    if not is_array(value):
        return None
    if hasattr(value, "__array__") and not hasattr(value, "tolist"):
        value = _as_numpy(value)
    return value


def _as_numpy(value: Any) -> Any:
    import numpy  # only reached for objects that offer __array__, so numpy is present

    return numpy.asarray(value)


def numbers_array(value: Any, field: str) -> array:
    """An array of numbers as ``array('d')``, a fresh copy; NaN and ±Infinity allowed.

    Raises ``field "x" must be an array of numbers, not …`` or ``field "x" value 3 is …, not a number``.
    """
    if type(value) is list and _PLAIN_NUMBERS.issuperset(map(type, value)):
        try:
            return array("d", value)
        except OverflowError:
            pass
    elements = sequence(value)
    if elements is None:
        raise ValidationError(f"field {quoted(field)} must be an array of numbers, not {type_name(value)}")
    if hasattr(elements, "dtype"):
        if elements.ndim == 1 and elements.dtype.kind in _NUMERIC_DTYPE_KINDS:
            return array("d", elements.astype("=f8").tobytes())
        elements = elements.tolist()
    elif type(elements) is array and elements.typecode in _NUMERIC_TYPECODES:
        return array("d", elements)
    if set(map(type, elements)) <= _PLAIN_NUMBERS:
        try:
            return array("d", elements)
        except OverflowError:
            pass
    result = array("d")
    for position, element in enumerate(elements):
        converted = number(element)
        if converted is None:
            raise ValidationError(f"field {quoted(field)} value {position} is {describe(element)}, not a number")
        result.append(converted)
    return result


def optional_numbers_array(value: Any, field: str) -> Optional[array]:
    """Like :func:`numbers_array`, ``None`` when the value is ``None``."""
    return None if value is None else numbers_array(value, field)


def strings(value: Any, field: str) -> List[str]:
    """An array of strings as a new list; raises ``field "x" value 2 is 3, not a string``."""
    elements = sequence(value)
    if elements is None:
        raise ValidationError(f"field {quoted(field)} must be an array of strings, not {type_name(value)}")
    if hasattr(elements, "tolist"):
        elements = elements.tolist()
    result = []
    for position, element in enumerate(elements):
        if not isinstance(element, str):
            raise ValidationError(f"field {quoted(field)} value {position} is {describe(element)}, not a string")
        check_text(element, f"field {quoted(field)} value {position}")
        result.append(str(element))
    return result


def optional_strings(value: Any, field: str) -> Optional[List[str]]:
    """Like :func:`strings`, ``None`` when the value is ``None``."""
    return None if value is None else strings(value, field)


def optional_string(value: Any, field: str) -> Optional[str]:
    """A string or ``None``; raises ``field "x" must be a string, not a number``."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(f'field "{field}" must be a string, not {type_name(value)}')
    check_text(value, f'field "{field}"')
    return str(value)


def optional_bool(value: Any, field: str) -> Optional[bool]:
    """``True``, ``False`` or ``None``; raises ``field "x" must be true or false, not …``."""
    if value is None:
        return None
    if not is_boolean(value):
        raise ValidationError(f'field "{field}" must be true or false, not {type_name(value)}')
    return bool(value)


def mapping(value: Any, field: str, shape: str) -> Mapping:
    """A mapping with string keys; raises ``field "x" must be an object of …, not …``."""
    if not isinstance(value, Mapping):
        raise ValidationError(f'field "{field}" must be an object of {shape}, not {type_name(value)}')
    for key in value:
        if not isinstance(key, str):
            raise ValidationError(f'field "{field}" has the key {describe(key)}; keys must be strings')
    return value


def little_endian(values: array) -> array:
    """An ``array('d')`` whose buffer is little-endian IEEE-754 binary64: itself on little-endian machines."""
    if sys.byteorder == "little":
        return values
    swapped = array("d", values)
    swapped.byteswap()
    return swapped
