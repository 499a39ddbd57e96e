"""A small reader of the store for tests: runs, entries and Series points as the Swift side sees them."""

from __future__ import annotations

import json
import math
import os
import sqlite3
from array import array
from typing import Dict, List


def connect(store: str) -> sqlite3.Connection:
    connection = sqlite3.connect(os.path.join(store, "artifacta.db"))
    connection.row_factory = sqlite3.Row
    return connection


def rows(store: str, sql: str, *parameters) -> List[sqlite3.Row]:
    with connect(store) as connection:
        return connection.execute(sql, parameters).fetchall()


def series_points(store: str, run_id: str, name: str) -> Dict[str, List[float]]:
    """Every field of a Series with ``point_count`` values; points absent from a chunk are NaN."""
    with connect(store) as connection:
        entry = connection.execute(
            "SELECT id, payload, point_count FROM entries WHERE run_id = ? AND name = ? AND primitive_type = 'Series'",
            (run_id, name),
        ).fetchone()
        fields = {field: [math.nan] * entry["point_count"] for field in json.loads(entry["payload"])["fields"]}
        for chunk in connection.execute(
            "SELECT field, first_point, point_count, data_values FROM series_chunks WHERE entry_id = ? "
            "ORDER BY first_point", (entry["id"],)
        ):
            values = array("d")
            values.frombytes(chunk["data_values"])
            assert len(values) == chunk["point_count"]
            fields[chunk["field"]][chunk["first_point"]:chunk["first_point"] + chunk["point_count"]] = values.tolist()
    return fields


def payload(store: str, run_id: str, name: str) -> dict:
    """The newest payload logged under ``name``, parsed (NaN tokens accepted)."""
    (row,) = rows(store, "SELECT payload FROM entries WHERE run_id = ? AND name = ? ORDER BY id DESC LIMIT 1",
                  run_id, name)
    return json.loads(row["payload"])


def only_run(store: str) -> sqlite3.Row:
    (run,) = rows(store, "SELECT * FROM runs")
    return run
