"""BarChart: values per category in one or more named groups, grouped or stacked."""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Sequence

from ..errors import ValidationError
from ..names import validate_name
from ..values import mapping, numbers_array, optional_bool, optional_string, strings
from .base import Primitive, reject_unknown, require_equal_lengths, required, validated


class BarChart(Primitive):
    """Values per category, in one or more named groups, drawn grouped or stacked."""

    __slots__ = ("categories", "groups", "x_label", "y_label", "stacked")
    primitive_type = "BarChart"

    @validated
    def __init__(
        self,
        categories: Optional[Sequence[str]] = None,
        groups: Optional[Mapping[str, Sequence[float]]] = None,
        x_label: Optional[str] = None,
        y_label: Optional[str] = None,
        stacked: bool = False,
        **unknown: Any,
    ) -> None:
        """Validates and copies the chart.

        Args:
            categories: the bar labels.
            groups: group name → one number per category, in order.
            x_label, y_label: the axis titles.
            stacked: stack the groups instead of placing them side by side.

        Raises:
            ValidationError: e.g. ``BarChart: field "f1" has 2 values but "categories" has 3``.
        """
        reject_unknown("BarChart data", unknown, ("categories", "groups", "x_label", "y_label", "stacked"))
        given = mapping(required(groups, "groups"), "groups", "name: [numbers]")
        self.groups = {name: numbers_array(values, name) for name, values in given.items()}
        self.categories = strings(required(categories, "categories"), "categories")
        self.x_label = optional_string(x_label, "x_label")
        self.y_label = optional_string(y_label, "y_label")
        self.stacked = bool(optional_bool(stacked, "stacked"))
        self._validate()

    def _validate(self) -> None:
        if not self.categories:
            raise ValidationError('field "categories" is empty')
        if not self.groups:
            raise ValidationError('field "groups" must hold at least one group')
        for name, values in self.groups.items():
            validate_name(name, "group name")
            require_equal_lengths([("categories", len(self.categories)), (name, len(values))])

    def to_wire(self) -> Dict[str, Any]:
        data: Dict[str, Any] = {"categories": list(self.categories), "groups": dict(self.groups)}
        if self.x_label is not None:
            data["x_label"] = self.x_label
        if self.y_label is not None:
            data["y_label"] = self.y_label
        data["stacked"] = self.stacked
        return data

    @property
    def value_count(self) -> int:
        return len(self.categories) * len(self.groups)
