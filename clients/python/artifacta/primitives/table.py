"""Table: rows of typed cells under named columns."""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Any, Dict, List, Optional, Sequence

from ..describe import describe, is_boolean, quoted, type_name
from ..errors import ValidationError
from ..jsontext import wire_number
from ..names import check_text, validate_name
from ..values import number, optional_string, sequence
from .base import Primitive, reject_unknown, required, validated

_COLUMN_TYPES = ("string", "number", "boolean")


class Table(Primitive):
    """Rows of typed cells under named columns.

    A ``number`` column holds numbers (NaN and ±Infinity allowed), a ``string`` column
    strings, a ``boolean`` column ``True``/``False``; ``None`` is a missing cell in any.
    """

    __slots__ = ("columns", "data")
    primitive_type = "Table"

    @validated
    def __init__(
        self,
        columns: Optional[Sequence[Mapping[str, str]]] = None,
        data: Optional[Sequence[Sequence[Any]]] = None,
        **unknown: Any,
    ) -> None:
        """Validates and copies the table.

        Args:
            columns: ``[{"name": "Position", "type": "number"}, …]``; the type defaults to ``string``.
            data: the rows, each one cell per column.

        Raises:
            ValidationError: e.g. ``Table: row 0 column "Position" is "abc", not a number``.
        """
        reject_unknown("Table data", unknown, ("columns", "data"))
        self.columns = _columns(required(columns, "columns"))
        self.data = _rows([] if data is None else data, self.columns)
        self._validate()

    def _validate(self) -> None:
        if not self.columns:
            raise ValidationError('field "columns" is empty')
        seen = set()
        for column in self.columns:
            validate_name(column["name"], "column name")
            if column["name"] in seen:
                raise ValidationError(f"column {quoted(column['name'])} appears twice")
            seen.add(column["name"])
        for row_index, row in enumerate(self.data):
            if len(row) != len(self.columns):
                raise ValidationError(
                    f"row {row_index} has {len(row)} cells but there are {len(self.columns)} columns"
                )
            for column, cell in zip(self.columns, row):
                if not _accepts(column["type"], cell):
                    raise ValidationError(
                        f"row {row_index} column {quoted(column['name'])} is {describe(cell)}, not a {column['type']}"
                    )

    def to_wire(self) -> Dict[str, Any]:
        return {"columns": [dict(column) for column in self.columns], "data": [list(row) for row in self.data]}

    @property
    def value_count(self) -> int:
        return len(self.data) * len(self.columns)


def _columns(value: Any) -> List[Dict[str, str]]:
    elements = sequence(value)
    if elements is None:
        raise ValidationError(f'field "columns" must be an array of {{name, type}}, not {type_name(value)}')
    columns = []
    for index, column in enumerate(elements):
        if not isinstance(column, Mapping):
            raise ValidationError(f"columns[{index}] must be a JSON object, not {type_name(column)}")
        reject_unknown(f"columns[{index}]", {k: v for k, v in column.items() if k not in ("name", "type")}, ("name", "type"))
        kind = optional_string(column.get("type"), "type") or "string"
        if kind not in _COLUMN_TYPES:
            raise ValidationError(f'columns[{index}] has type {quoted(kind)}; use "string", "number" or "boolean"')
        name = optional_string(required(column.get("name"), "name"), "name")
        columns.append({"name": name, "type": kind})
    return columns


def _rows(value: Any, columns: List[Dict[str, str]]) -> List[List[Any]]:
    elements = sequence(value)
    if elements is None:
        raise ValidationError(f'field "data" must be an array of rows, not {type_name(value)}')
    if hasattr(elements, "tolist"):
        elements = elements.tolist()
    rows = []
    for index, row in enumerate(elements):
        cells = sequence(row)
        if cells is None:
            raise ValidationError(f"data row {index} must be an array, not {type_name(row)}")
        if hasattr(cells, "tolist"):
            cells = cells.tolist()
        rows.append([_cell(cell, position < len(columns) and columns[position]["type"] == "number")
                     for position, cell in enumerate(cells)])
    return rows


def _cell(cell: Any, in_number_column: bool) -> Any:
    """A cell as JSON holds it; in a number column the NaN/Infinity spellings become numbers."""
    if in_number_column or isinstance(cell, numbers.Real) and not isinstance(cell, bool):
        converted = number(cell)
        if converted is not None:
            return wire_number(converted)
    if is_boolean(cell):
        return bool(cell)
    if isinstance(cell, str):
        check_text(cell, "a table cell")
        return str(cell)
    return cell


def _accepts(kind: str, cell: Any) -> bool:
    if cell is None:
        return True
    if kind == "string":
        return isinstance(cell, str)
    if kind == "boolean":
        return isinstance(cell, bool)
    return type(cell) in (int, float)
