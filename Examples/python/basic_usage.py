"""The guide's Basic Usage: a run, a per-epoch Series, an artifact; the run finishes at exit.

    python Examples/python/basic_usage.py     # writes ./.artifacta (or $ARTIFACTA_STORE)
"""

import math
import os
import random
import tempfile

import artifacta as ds


def train_model(epoch: int) -> float:
    """A stand-in for training: a loss that decays with noise."""
    return 2.0 * math.exp(-0.3 * epoch) + random.uniform(0, 0.05)


run = ds.init(
    project="my-project",
    name="experiment-1",
    config={"learning_rate": 0.001, "batch_size": 32},
)

for epoch in range(10):
    train_loss = train_model(epoch)
    ds.log("metrics", ds.Series(index="epoch", fields={"train_loss": [train_loss], "epoch": [epoch]}))

model_path = os.path.join(tempfile.mkdtemp(), "model.pt")
with open(model_path, "wb") as handle:
    handle.write(os.urandom(1024))
run.log_artifact("model.pt", model_path)
print(f"logged run {run.id} to the store")
