"""Ingest through a peer tracker, one measurement per process: the stream of stream.py.

    python Benchmarks/peers/ingest.py --peer mlflow-log-metric|mlflow-log-batch|trackio \
        --dir DIR --steps N [--time-box SECONDS]

Logs up to N steps (three points each) or until the time box is spent, whichever comes
first, then finishes the run so that everything is on disk, and prints one JSON object:
points logged, seconds end to end (logging plus the final flush), seconds spent in the
logging calls, calls, the peer's version and the points counted back in its SQLite file.
Setup (imports, creating the database and the run) is outside the timed part. The harness
reads this process's peak memory from wait4.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stream import FIELDS, values  # noqa: E402


def mlflow_run(directory: str, steps: int, time_box: float, batch: bool) -> dict:
    import mlflow
    from mlflow.entities import Metric
    from mlflow.tracking import MlflowClient

    database = os.path.join(directory, "mlflow.db")
    uri = f"sqlite:///{database}"
    mlflow.set_tracking_uri(uri)
    client = MlflowClient(tracking_uri=uri)
    experiment = client.create_experiment("bench", artifact_location=os.path.join(directory, "artifacts"))
    run = client.create_run(experiment)
    run_id = run.info.run_id
    steps_per_batch = 1000 // len(FIELDS)  # log_batch takes at most 1,000 metrics per call
    logged_steps = 0
    calls = 0
    start = time.perf_counter()
    deadline = start + time_box
    if batch:
        while logged_steps < steps and time.perf_counter() < deadline:
            count = min(steps_per_batch, steps - logged_steps)
            timestamp = int(time.time() * 1000)
            metrics = []
            for step in range(logged_steps, logged_steps + count):
                for key, value in zip(FIELDS, values(step)):
                    metrics.append(Metric(key, value, timestamp, step))
            client.log_batch(run_id, metrics=metrics, synchronous=True)
            logged_steps += count
            calls += 1
    else:
        while logged_steps < steps and time.perf_counter() < deadline:
            for key, value in zip(FIELDS, values(logged_steps)):
                mlflow.log_metric(key, value, step=logged_steps, run_id=run_id, synchronous=True)
                calls += 1
            logged_steps += 1
    logged = time.perf_counter() - start
    client.set_terminated(run_id)
    total = time.perf_counter() - start
    with sqlite3.connect(database) as connection:
        (stored,) = connection.execute("SELECT COUNT(*) FROM metrics WHERE run_uuid = ?", (run_id,)).fetchone()
    return {"points": logged_steps * len(FIELDS), "steps": logged_steps, "calls": calls, "log_seconds": logged,
            "seconds": total, "stored_points": stored, "version": mlflow.__version__,
            "backend": "SQLite (sqlite:///mlflow.db)", "time_box_hit": logged_steps < steps}


def trackio_run(directory: str, steps: int, time_box: float) -> dict:
    os.environ["TRACKIO_DIR"] = directory
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import trackio

    trackio.init(project="bench", name="per-step", embed=False, auto_log_gpu=False, auto_log_cpu=False)
    logged_steps = 0
    start = time.perf_counter()
    deadline = start + time_box
    while logged_steps < steps and time.perf_counter() < deadline:
        # Check the clock every 1,000 steps only: trackio.log itself is fast.
        for _ in range(min(1000, steps - logged_steps)):
            step, loss, accuracy = values(logged_steps)
            trackio.log({"step": step, "loss": loss, "accuracy": accuracy}, step=logged_steps)
            logged_steps += 1
    logged = time.perf_counter() - start
    trackio.finish()
    total = time.perf_counter() - start
    stored = count_trackio_points(directory)
    return {"points": logged_steps * len(FIELDS), "steps": logged_steps, "calls": logged_steps, "log_seconds": logged,
            "seconds": total, "stored_points": stored, "version": trackio.__version__,
            "backend": "SQLite (TRACKIO_DIR/*.db)", "time_box_hit": logged_steps < steps}


def count_trackio_points(directory: str) -> int | None:
    """Points in Trackio's SQLite files: one row per log call holding a JSON object of metrics."""
    total = 0
    found = False
    for root, _, files in os.walk(directory):
        for name in files:
            if not name.endswith(".db"):
                continue
            with sqlite3.connect(os.path.join(root, name)) as connection:
                tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if "metrics" not in tables:
                    continue
                found = True
                for (metrics,) in connection.execute("SELECT metrics FROM metrics"):
                    total += sum(1 for key in json.loads(metrics) if key.lstrip("_") in FIELDS)  # "step" is stored as "__step"
    return total if found else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--peer", required=True, choices=["mlflow-log-metric", "mlflow-log-batch", "trackio"])
    parser.add_argument("--dir", required=True)
    parser.add_argument("--steps", type=int, required=True)
    parser.add_argument("--time-box", type=float, default=30.0)
    arguments = parser.parse_args()
    os.makedirs(arguments.dir, exist_ok=True)
    if arguments.peer == "trackio":
        result = trackio_run(arguments.dir, arguments.steps, arguments.time_box)
    else:
        result = mlflow_run(arguments.dir, arguments.steps, arguments.time_box, batch=arguments.peer == "mlflow-log-batch")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
