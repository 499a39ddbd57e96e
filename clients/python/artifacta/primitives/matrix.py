"""Matrix: a labelled grid of numbers, such as a confusion matrix or a heatmap."""

from __future__ import annotations

from typing import Any, Dict, Optional, Sequence

from ..describe import type_name
from ..errors import ValidationError
from ..values import numbers_array, sequence, strings
from .base import Primitive, reject_unknown, required, validated


class Matrix(Primitive):
    """A labelled grid of numbers: ``values[r][c]`` is the cell of row ``r``, column ``c``."""

    __slots__ = ("rows", "cols", "values")
    primitive_type = "Matrix"

    @validated
    def __init__(
        self,
        rows: Optional[Sequence[str]] = None,
        cols: Optional[Sequence[str]] = None,
        values: Optional[Sequence[Sequence[float]]] = None,
        **unknown: Any,
    ) -> None:
        """Validates and copies the grid.

        Args:
            rows: the row labels.
            cols: the column labels.
            values: one list of numbers per row (or a 2-D numpy array).

        Raises:
            ValidationError: e.g. ``Matrix: field "values" row 1 has 3 columns but "cols" has 2 labels``.
        """
        reject_unknown("Matrix data", unknown, ("rows", "cols", "values"))
        given = required(values, "values")
        row_values = sequence(given)
        if row_values is None:
            raise ValidationError(f'field "values" must be an array of rows, not {type_name(given)}')
        self.values = [numbers_array(row, f"values[{index}]") for index, row in enumerate(row_values)]
        self.rows = strings(required(rows, "rows"), "rows")
        self.cols = strings(required(cols, "cols"), "cols")
        self._validate()

    def _validate(self) -> None:
        if not self.rows or not self.cols:
            raise ValidationError("a matrix needs at least one row and one column")
        if len(self.values) != len(self.rows):
            raise ValidationError(
                f'field "values" has {len(self.values)} rows but "rows" has {len(self.rows)} labels'
            )
        for index, row in enumerate(self.values):
            if len(row) != len(self.cols):
                raise ValidationError(
                    f'field "values" row {index} has {len(row)} columns but "cols" has {len(self.cols)} labels'
                )

    def to_wire(self) -> Dict[str, Any]:
        return {"rows": list(self.rows), "cols": list(self.cols), "values": list(self.values)}

    @property
    def value_count(self) -> int:
        return len(self.rows) * len(self.cols)
