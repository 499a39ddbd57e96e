"""Reads a W1 store (DESIGN.md §9) with Python's sqlite3 and numpy, per docs/STORE.md.

The peers' report scripts chart the same data Artifacta's site draws; this is their
(untimed) input. Series chunks are packed little-endian float64 blobs, concatenated in
``first_point`` order per field.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass, field

import numpy as np


@dataclass
class RunData:
    id: str
    name: str
    config: dict
    series: dict = field(default_factory=dict)  # entry name -> {"index": str|None, "fields": {name: ndarray}}
    curves: dict = field(default_factory=dict)  # entry name -> wire data (newest)
    matrices: dict = field(default_factory=dict)
    distributions: dict = field(default_factory=dict)


def load(store: str) -> list[RunData]:
    """Every run of the store (oldest first) with its Series, Curves, Matrices and Distributions."""
    connection = sqlite3.connect(f"file:{os.path.join(store, 'artifacta.db')}?mode=ro", uri=True)
    try:
        runs = [RunData(id=row[0], name=row[1], config=json.loads(row[2]))
                for row in connection.execute("SELECT id, name, config FROM runs ORDER BY created_at, id")]
        by_id = {run.id: run for run in runs}
        chunks: dict[tuple[int, str], list[tuple[int, bytes]]] = {}
        for entry_id, name, first, data in connection.execute(
                "SELECT entry_id, field, first_point, data_values FROM series_chunks"):
            chunks.setdefault((entry_id, name), []).append((first, data))
        for entry_id, run_id, name, kind, payload, count in connection.execute(
                "SELECT id, run_id, name, primitive_type, payload, point_count FROM entries ORDER BY id"):
            run = by_id[run_id]
            data = json.loads(payload)
            if kind == "Series":
                fields = {}
                for field_name in data["fields"]:
                    values = np.full(count, np.nan)
                    for first, blob in chunks.get((entry_id, field_name), []):
                        part = np.frombuffer(blob, dtype="<f8")
                        values[first:first + len(part)] = part
                    fields[field_name] = values
                run.series[name] = {"index": data.get("index"), "fields": fields}
            elif kind == "Curve":
                run.curves[name] = data
            elif kind == "Matrix":
                run.matrices[name] = data
            elif kind == "Distribution":
                run.distributions[name] = data
        return runs
    finally:
        connection.close()


def overlays(runs: list[RunData]) -> list[tuple[str, str]]:
    """(Series name, field) pairs drawn as overlays, as Artifacta's Plots page does: every field but the index."""
    pairs: list[tuple[str, str]] = []
    for run in runs:
        for name, series in run.series.items():
            for field_name in series["fields"]:
                if field_name == series["index"] and len(series["fields"]) > 1:
                    continue
                if (name, field_name) not in pairs:
                    pairs.append((name, field_name))
    return pairs


def final_metric(run: RunData, pair: tuple[str, str]) -> float:
    """The last value of a Series field (the metric of the parallel-coordinates chart)."""
    series = run.series.get(pair[0])
    if series is None:
        return float("nan")
    values = series["fields"][pair[1]]
    return float(values[-1]) if len(values) else float("nan")
