"""Curve: an x–y relationship such as a ROC or precision–recall curve."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Dict, Optional, Sequence

from ..describe import quoted, type_name
from ..errors import ValidationError
from ..jsontext import wire_number
from ..names import validate_name
from ..values import number, numbers_array, optional_string
from .base import Primitive, reject_unknown, require_equal_lengths, required, validated


class Curve(Primitive):
    """An x–y relationship, with an optional ``"diagonal"`` baseline and a summary metric."""

    __slots__ = ("x", "y", "x_label", "y_label", "baseline", "metric")
    primitive_type = "Curve"

    @validated
    def __init__(
        self,
        x: Optional[Sequence[float]] = None,
        y: Optional[Sequence[float]] = None,
        x_label: Optional[str] = None,
        y_label: Optional[str] = None,
        baseline: Optional[str] = None,
        metric: Optional[Mapping[str, Any]] = None,
        **unknown: Any,
    ) -> None:
        """Validates and copies the curve.

        Args:
            x, y: the coordinates, of equal length.
            x_label, y_label: the axis titles.
            baseline: a reference line; only ``"diagonal"`` is known.
            metric: a summary number shown with the curve, ``{"name": "AUC", "value": 0.93}``.

        Raises:
            ValidationError: e.g. ``Curve: field "baseline" must be "diagonal", not "flat"``.
        """
        reject_unknown("Curve data", unknown, ("x", "y", "x_label", "y_label", "baseline", "metric"))
        self.metric = _metric(metric)
        self.x = numbers_array(required(x, "x"), "x")
        self.y = numbers_array(required(y, "y"), "y")
        self.x_label = optional_string(x_label, "x_label")
        self.y_label = optional_string(y_label, "y_label")
        self.baseline = optional_string(baseline, "baseline")
        self._validate()

    def _validate(self) -> None:
        if not self.x:
            raise ValidationError('field "x" is empty')
        require_equal_lengths([("x", len(self.x)), ("y", len(self.y))])
        if self.baseline is not None and self.baseline != "diagonal":
            raise ValidationError(f'field "baseline" must be "diagonal", not {quoted(self.baseline)}')
        if self.metric is not None:
            validate_name(self.metric["name"], "metric name")

    def to_wire(self) -> Dict[str, Any]:
        data: Dict[str, Any] = {"x": self.x, "y": self.y}
        for key in ("x_label", "y_label", "baseline", "metric"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data

    @property
    def value_count(self) -> int:
        return len(self.x) * 2


def _metric(value: Any) -> Optional[Dict[str, Any]]:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValidationError(f'field "metric" must be a JSON object, not {type_name(value)}')
    reject_unknown('field "metric"', {k: v for k, v in value.items() if k not in ("name", "value")}, ("name", "value"))
    amount = number(required(value.get("value"), "value"))
    if amount is None:
        raise ValidationError('field "metric.value" must be a number')
    name = optional_string(required(value.get("name"), "name"), "name")
    return {"name": name, "value": wire_number(amount)}
