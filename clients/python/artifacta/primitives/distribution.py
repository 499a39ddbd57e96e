"""Distribution: a sample of values drawn as a histogram, optionally split into groups."""

from __future__ import annotations

from typing import Any, Dict, Optional, Sequence

from ..errors import ValidationError
from ..values import numbers_array, optional_strings
from .base import Primitive, reject_unknown, require_equal_lengths, required, validated


class Distribution(Primitive):
    """A sample of values to be drawn as a histogram, optionally split into named groups."""

    __slots__ = ("values", "groups")
    primitive_type = "Distribution"

    @validated
    def __init__(
        self, values: Optional[Sequence[float]] = None, groups: Optional[Sequence[str]] = None, **unknown: Any
    ) -> None:
        """Validates and copies the sample.

        Args:
            values: the numbers (list, ``array`` or numpy array of any numeric dtype).
            groups: the group of each value, parallel to ``values``.

        Raises:
            ValidationError: e.g. ``Distribution: field "values" is empty``.
        """
        reject_unknown("Distribution data", unknown, ("values", "groups"))
        self.values = numbers_array(required(values, "values"), "values")
        self.groups = optional_strings(groups, "groups")
        if not self.values:
            raise ValidationError('field "values" is empty')
        if self.groups is not None:
            require_equal_lengths([("values", len(self.values)), ("groups", len(self.groups))])
            for position, group in enumerate(self.groups):
                if not group:
                    raise ValidationError(f'field "groups" value {position} is an empty name')

    def to_wire(self) -> Dict[str, Any]:
        data: Dict[str, Any] = {"values": self.values}
        if self.groups is not None:
            data["groups"] = list(self.groups)
        return data

    @property
    def value_count(self) -> int:
        return len(self.values)
