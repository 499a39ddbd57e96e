"""Ingest benchmark of the Python client: points per second, ds.log cost on the training thread, peak memory.

Run:  python clients/python/bench/ingest.py [--steps N] [--large-points N]

Each scenario runs in its own process (so that peak memory is its own) against a fresh
store in a temporary directory, and counts the points in the store afterwards. With
``--url`` the client sends the run to that tracking server instead (HTTP transport), and the
points are counted back through its API. A point
is one value of one field (3 fields × 1 step = 3 points), as in DESIGN.md §9.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

FIELDS = ("step", "loss", "accuracy")


def begin_run(name: str, target: dict):
    """A run in the store or on the server of ``target``."""
    import artifacta as ds

    return ds.init(project="bench", name=name, capture=False, **target)


def per_step(target: dict, steps: int) -> dict:
    """One ds.log(Series) of one point per field per step, as in a training loop."""
    import artifacta as ds

    run = begin_run("per-step", target)
    start = time.perf_counter()
    for step in range(steps):
        loss = 1.0 / (step + 1)
        ds.log("train", ds.Series(index="step", fields={"step": [step], "loss": [loss], "accuracy": [1.0 - loss]}))
    logged = time.perf_counter() - start
    run.finish()
    total = time.perf_counter() - start
    return {"points": steps * len(FIELDS), "calls": steps, "log_seconds": logged, "total_seconds": total, "run_id": run.id}


def log_only(target: dict, steps: int) -> dict:
    """ds.log of an already built one-point Series: the cost of the call itself."""
    import artifacta as ds

    run = begin_run("log-only", target)
    series = ds.Series(index="step", fields={"step": [0], "loss": [0.5], "accuracy": [0.5]})
    start = time.perf_counter()
    for _ in range(steps):
        ds.log("train", series)
    logged = time.perf_counter() - start
    run.finish()
    total = time.perf_counter() - start
    return {"points": steps * len(FIELDS), "calls": steps, "log_seconds": logged, "total_seconds": total, "run_id": run.id}


def large(target: dict, points: int, chunk: int) -> dict:
    """Series of ``chunk`` points per call, given as Python lists, up to ``points`` per field."""
    import artifacta as ds

    run = begin_run("large", target)
    calls = points // chunk
    elapsed_build = 0.0
    start = time.perf_counter()
    for call in range(calls):
        base = call * chunk
        t0 = time.perf_counter()
        steps = list(range(base, base + chunk))
        loss = [1.0 / (s + 1) for s in steps]
        accuracy = [1.0 - v for v in loss]
        elapsed_build += time.perf_counter() - t0
        ds.log("train", ds.Series(index="step", fields={"step": steps, "loss": loss, "accuracy": accuracy}))
    run.finish()
    total = time.perf_counter() - start - elapsed_build
    return {"points": calls * chunk * len(FIELDS), "calls": calls, "log_seconds": total, "total_seconds": total, "run_id": run.id}


def count_points(store: str) -> int:
    with sqlite3.connect(os.path.join(store, "artifacta.db")) as connection:
        (count,) = connection.execute("SELECT COALESCE(SUM(point_count), 0) FROM series_chunks").fetchone()
    return count


def count_points_on(url: str, run_id: str) -> int:
    """Points stored on the server: the Series' point count from its entries list (``/series``
    would send every point back, and the answer's size would count as this process's memory)."""
    with urllib.request.urlopen(f"{url}/api/runs/{run_id}/entries", timeout=60) as response:
        entries = json.loads(response.read())["entries"]
    return next(entry["point_count"] for entry in entries if entry["name"] == "train") * len(FIELDS)


def run_scenario(name: str, arguments: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory() as directory:
        store = os.path.join(directory, "store")
        target = {"url": arguments.url} if arguments.url else {"store": store}
        if name == "per-step":
            result = per_step(target, arguments.steps)
        elif name == "log-only":
            result = log_only(target, arguments.steps)
        else:
            result = large(target, arguments.large_points, arguments.chunk)
        result["stored_points"] = count_points_on(arguments.url, result["run_id"]) if arguments.url else count_points(store)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=300_000, help="per-step calls (default 300000)")
    parser.add_argument("--large-points", type=int, default=5_000_000, help="points per field of the large Series")
    parser.add_argument("--chunk", type=int, default=100_000, help="points per field per call of the large Series")
    parser.add_argument("--url", help="log to this tracking server (artifacta ui) instead of a local store")
    parser.add_argument("--scenario", choices=["per-step", "log-only", "large"], help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.scenario:
        print(json.dumps(run_scenario(arguments.scenario, arguments)))
        return
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    for name in ("per-step", "log-only", "large"):
        command = [sys.executable, __file__, "--scenario", name, "--steps", str(arguments.steps),
                   "--large-points", str(arguments.large_points), "--chunk", str(arguments.chunk)]
        if arguments.url:
            command += ["--url", arguments.url]
        result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        assert result["stored_points"] == result["points"], result
        print(
            f"{name:9} {result['points']:>10,} points  {result['points'] / result['total_seconds']:>12,.0f} points/s "
            f"(end to end)  {result['log_seconds'] / result['calls'] * 1e6:8.2f} µs/call on the training thread  "
            f"peak {result['peak_rss_mb']:.1f} MB"
        )


if __name__ == "__main__":
    main()
