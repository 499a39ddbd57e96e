"""What the seven primitives share: the base class and the checks of the Swift ``Primitive``."""

from __future__ import annotations

import functools
from typing import Any, Callable, ClassVar, Dict, Iterable, Sequence, Tuple

from ..describe import quoted
from ..errors import ValidationError


class Primitive:
    """One loggable value of any of the seven kinds; validated and copied when constructed."""

    __slots__ = ()
    #: The kind as named on the wire (``primitive_type``), e.g. ``"Series"``.
    primitive_type: ClassVar[str] = ""

    def to_wire(self) -> Dict[str, Any]:
        """The wire ``data`` object (DESIGN.md §4); number lists are ``array('d')`` values."""
        raise NotImplementedError

    @property
    def value_count(self) -> int:
        """How many values this holds, for bounding the memory of unwritten entries."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{self.primitive_type} with {self.value_count} values>"


def validated(init: Callable[..., None]) -> Callable[..., None]:
    """Wraps a primitive's ``__init__`` so that its errors start with the type, e.g. ``Series: …``."""

    @functools.wraps(init)
    def wrapper(self: Primitive, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except ValidationError as error:
            raise error.prefixed(self.primitive_type) from None

    return wrapper


def reject_unknown(what: str, unknown: Dict[str, Any], allowed: Sequence[str]) -> None:
    """Raises ``unknown field "x" in Series data (expected: index, fields)`` for a stray keyword."""
    if unknown:
        key = next(iter(unknown))
        raise ValidationError(f"unknown field {quoted(key)} in {what} (expected: {', '.join(allowed)})")


def required(value: Any, key: str) -> Any:
    """``value``, or ``missing field "key"`` when it is ``None``."""
    if value is None:
        raise ValidationError(f'missing field "{key}"')
    return value


def require_equal_lengths(lists: Iterable[Tuple[str, int]]) -> None:
    """Raises unless every named list has the length of the first."""
    lists = list(lists)
    if not lists:
        return
    first_name, first_count = lists[0]
    for name, count in lists[1:]:
        if count != first_count:
            raise ValidationError(
                f"field {quoted(name)} has {count} values but {quoted(first_name)} has {first_count}"
            )
