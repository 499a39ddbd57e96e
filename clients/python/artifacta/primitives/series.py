"""Series: points over a step, one or more named numeric fields of equal length."""

from __future__ import annotations

from array import array
from typing import Any, Dict, Mapping, Optional, Sequence

from ..errors import ValidationError
from ..names import validate_name
from ..values import mapping, numbers_array, optional_string
from .base import Primitive, reject_unknown, require_equal_lengths, required, validated


class Series(Primitive):
    """Points over a step: named numeric fields of equal length.

    Logging a Series under the same name again appends its points, so one point per call
    in a loop makes one line. When ``index`` names one of the fields, that field is the
    x-axis; otherwise x is the running point number.

    >>> Series(index="epoch", fields={"loss": [0.5], "epoch": [1]})
    <Series with 2 values>
    """

    __slots__ = ("index", "fields", "point_count")
    primitive_type = "Series"

    @validated
    def __init__(
        self,
        index: Optional[str] = None,
        fields: Optional[Mapping[str, Sequence[float]]] = None,
        **unknown: Any,
    ) -> None:
        """Validates and copies the fields.

        Args:
            index: the field that is the x-axis, if any.
            fields: field name → numbers (lists, tuples, ``array`` or numpy arrays, any
                numeric dtype); NaN and ±Infinity are kept.

        Raises:
            ValidationError: e.g. ``Series: field "accuracy" has 2 values but "loss" has 3``.
        """
        reject_unknown("Series data", unknown, ("index", "fields"))
        self.index: Optional[str] = optional_string(index, "index")
        given = mapping(required(fields, "fields"), "fields", "name: [numbers]")
        self.fields: Dict[str, array] = {name: numbers_array(values, name) for name, values in given.items()}
        self.point_count: int = self._validate()

    def _validate(self) -> int:
        if self.index is not None:
            validate_name(self.index, "index")
        if not self.fields:
            raise ValidationError("fields must hold at least one field")
        for name in self.fields:
            validate_name(name, "field name")
        lengths = {len(values) for values in self.fields.values()}
        if len(lengths) > 1:
            require_equal_lengths((name, len(values)) for name, values in self.fields.items())
        (count,) = lengths
        if count == 0:
            raise ValidationError("fields hold no values")
        return count

    def to_wire(self) -> Dict[str, Any]:
        data: Dict[str, Any] = {} if self.index is None else {"index": self.index}
        data["fields"] = dict(self.fields)
        return data

    @property
    def value_count(self) -> int:
        return self.point_count * len(self.fields)
