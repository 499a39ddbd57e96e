"""The one logging stream every ingest measurement writes: per step, the fields step, loss and accuracy.

A point is one value of one field (DESIGN.md §9), so one step is three points.
"""

from __future__ import annotations

FIELDS = ("step", "loss", "accuracy")


def values(step: int) -> tuple[float, float, float]:
    """The three values logged at ``step`` (the same formula as clients/python/bench/ingest.py)."""
    loss = 1.0 / (step + 1)
    return float(step), loss, 1.0 - loss
