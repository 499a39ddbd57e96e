"""Series: loss and accuracy over steps, logged one point per step (one line of 100 points)."""

import math

import artifacta as ds

ds.init(project="primitives", name="series")
for step in range(100):
    loss = math.exp(-step / 30)
    ds.log("training", ds.Series(index="step", fields={"step": [step], "loss": [loss], "accuracy": [1 - loss / 2]}))
