"""Scatter: points in the plane, with optional labels, sizes and colours."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Union

from ..describe import type_name
from ..errors import ValidationError
from ..jsontext import wire_number
from ..names import check_text
from ..values import number, numbers_array, optional_numbers_array, optional_strings, sequence
from .base import Primitive, reject_unknown, require_equal_lengths, required, validated


class Scatter(Primitive):
    """Points in the plane, with optional labels, sizes and colours per point."""

    __slots__ = ("x", "y", "labels", "sizes", "colors")
    primitive_type = "Scatter"

    @validated
    def __init__(
        self,
        x: Optional[Sequence[float]] = None,
        y: Optional[Sequence[float]] = None,
        labels: Optional[Sequence[str]] = None,
        sizes: Optional[Sequence[float]] = None,
        colors: Optional[Sequence[Union[str, float]]] = None,
        **unknown: Any,
    ) -> None:
        """Validates and copies the points.

        Args:
            x, y: the coordinates, of equal length.
            labels: a label per point.
            sizes: a marker size per point.
            colors: per point, all strings (categories) or all numbers (a colour scale).

        Raises:
            ValidationError: e.g. ``Scatter: field "y" has 3 values but "x" has 4``.
        """
        reject_unknown("Scatter data", unknown, ("x", "y", "labels", "sizes", "colors"))
        self.colors = _colors(colors)
        self.x = numbers_array(required(x, "x"), "x")
        self.y = numbers_array(required(y, "y"), "y")
        self.labels = optional_strings(labels, "labels")
        self.sizes = optional_numbers_array(sizes, "sizes")
        self._validate()

    def _validate(self) -> None:
        if not self.x:
            raise ValidationError('field "x" is empty')
        lists = [("x", len(self.x)), ("y", len(self.y))]
        if self.labels is not None:
            lists.append(("labels", len(self.labels)))
        if self.sizes is not None:
            lists.append(("sizes", len(self.sizes)))
        if self.colors is not None:
            lists.append(("colors", len(self.colors)))
            all_strings = all(isinstance(color, str) for color in self.colors)
            all_numbers = all(type(color) in (int, float) for color in self.colors)
            if not all_strings and not all_numbers:
                raise ValidationError('field "colors" must be all strings (categories) or all numbers (a scale)')
        require_equal_lengths(lists)

    def to_wire(self) -> Dict[str, Any]:
        data: Dict[str, Any] = {"x": self.x, "y": self.y}
        if self.labels is not None:
            data["labels"] = list(self.labels)
        if self.sizes is not None:
            data["sizes"] = self.sizes
        if self.colors is not None:
            data["colors"] = list(self.colors)
        return data

    @property
    def value_count(self) -> int:
        return len(self.x) * 2


def _colors(value: Any) -> Optional[List[Any]]:
    """Colours with every number (or NaN/Infinity spelling) made a float; other values kept for the check."""
    if value is None:
        return None
    elements = sequence(value)
    if elements is None:
        raise ValidationError(f'field "colors" must be an array, not {type_name(value)}')
    if hasattr(elements, "tolist"):
        elements = elements.tolist()
    result = []
    for element in elements:
        converted = number(element)
        if converted is None and isinstance(element, str):
            check_text(element, 'field "colors"')
        result.append(element if converted is None else wire_number(converted))
    return result
