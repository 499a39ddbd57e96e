"""A sweep: 16 configurations trained as parallel processes writing one store.

    python Examples/python/sweep.py          # launches 16 copies of itself with --worker
"""

import argparse
import itertools
import json
import math
import random
import subprocess
import sys

import artifacta as ds

GRID = {"learning_rate": [0.001, 0.003, 0.01, 0.03], "batch_size": [16, 32, 64, 128]}


def train(config: dict) -> None:
    """One run: a synthetic loss curve shaped by the learning rate and batch size."""
    ds.init(project="sweep", name=f"lr{config['learning_rate']}-bs{config['batch_size']}", config=config)
    rng = random.Random(json.dumps(config, sort_keys=True))
    rate = config["learning_rate"] * 100 / math.sqrt(config["batch_size"] / 16)
    for epoch in range(50):
        loss = math.exp(-rate * epoch / 10) + 0.05 * rng.random()
        accuracy = 1 - loss / 2
        ds.log("metrics", ds.Series(index="epoch", fields={"epoch": [epoch], "loss": [loss], "accuracy": [accuracy]}))


def launch() -> int:
    """Starts every configuration at once and waits; returns how many failed."""
    configs = [dict(zip(GRID, values)) for values in itertools.product(*GRID.values())]
    children = [subprocess.Popen([sys.executable, __file__, "--worker", json.dumps(c)]) for c in configs]
    failed = sum(child.wait() != 0 for child in children)
    print(f"{len(configs) - failed} of {len(configs)} runs finished")
    return failed


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--worker", help="a JSON config to train (used by the launcher)")
    arguments = parser.parse_args()
    if arguments.worker:
        train(json.loads(arguments.worker))
    else:
        sys.exit(1 if launch() else 0)
