"""The tracking server under load (issue 7), from other processes on loopback.

    python Benchmarks/server_bench.py --bin .build/release --work DIR --w1-store STORE [--seconds 10] [--soak-seconds 300]

Measures, each against a freshly started `artifacta ui` on an empty store unless said:
- `wrk` (Debian package) with 32 connections: `GET /health`, small `POST /api/runs/{id}/data`
  requests (one step of two fields each) and `POST /api/runs/{id}/batch` requests of 1,000
  steps × 2 fields (8 connections); every point answered is counted back from the store;
- the live Plots page of the W1 store in headless Chromium: from a server just started (its
  first build included) and warm (the page already built);
- the server's memory over a soak: a steady stream of small logging requests and page views,
  the resident set sampled every half second.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

STEP_BODY = json.dumps({"name": "train", "primitive_type": "Series",
                        "data": {"index": "step", "fields": {"step": [1], "loss": [0.5]}}})



# How often the soak samples the server's resident memory.
SOAK_SAMPLE_SECONDS = 0.5

def batch_body(steps: int) -> str:
    return json.dumps({"entries": [{"name": "train", "primitive_type": "Series", "data": {
        "index": "step", "fields": {"step": list(range(steps)), "loss": [1.0 / (s + 1) for s in range(steps)]}}}]})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Server:
    """`artifacta ui` on a free port; ready once /health answers."""

    def __init__(self, artifacta: Path, store: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.started = time.perf_counter()
        self.process = subprocess.Popen([str(artifacta), "ui", "--store", str(store), "--port", str(self.port)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"artifacta ui exited: {self.process.stderr.read()[-500:]}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("artifacta ui did not answer /health within 60 s")
                time.sleep(0.01)
        self.ready = time.perf_counter()

    def request(self, method: str, path: str, body: str | None = None) -> dict:
        data = body.encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"} if data else {})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def points(self, run_id: str, name: str) -> int:
        """A Series' point count (from the entries list: `/series` would send every point)."""
        entries = self.request("GET", f"/api/runs/{run_id}/entries")["entries"]
        return next(entry["point_count"] for entry in entries if entry["name"] == name)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def wrk(url: str, work: Path, *, body: str | None, connections: int, seconds: int) -> dict:
    script = work / f"wrk-{abs(hash(body))}.lua"
    if body is not None:
        script.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                          f"wrk.body = {json.dumps(body)}\n")
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"] + (["-s", str(script)] if body else []) + [url]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    latency = re.search(r"Latency\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 1e-3, "ms": 1.0, "s": 1e3}[latency.group(2)]
    return {"requests": requests, "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
            "mean_latency_ms": float(latency.group(1)) * scale, "non_2xx": int(errors.group(1)) if errors else 0,
            "connections": connections, "seconds": seconds}


def load_test(artifacta: Path, work: Path, seconds: int) -> dict:
    """Requests/s of the small routes and points/s through batches, every point counted back."""
    results = {}
    with tempfile.TemporaryDirectory(dir=work) as folder:
        server = Server(artifacta, Path(folder) / "store")
        try:
            results["health"] = wrk(server.url + "/health", work, body=None, connections=32, seconds=seconds)
            server.request("POST", "/api/runs", json.dumps({"run_id": "small", "project": "bench"}))
            small = wrk(server.url + "/api/runs/small/data", work, body=STEP_BODY, connections=32, seconds=seconds)
            # Each answered request stored one step; requests still in flight when wrk stopped may add a few.
            small["stored_steps"] = server.points("small", "train")
            small["points_per_second"] = small["requests_per_second"] * 2
            small["every_point_stored"] = small["requests"] <= small["stored_steps"] <= small["requests"] + 32
            results["small_data"] = small
            server.request("POST", "/api/runs", json.dumps({"run_id": "batched", "project": "bench"}))
            batch = wrk(server.url + "/api/runs/batched/batch", work, body=batch_body(1000), connections=8, seconds=seconds)
            batch["stored_steps"] = server.points("batched", "train")
            batch["points_per_second"] = batch["requests_per_second"] * 2000
            batch["every_point_stored"] = batch["requests"] * 1000 <= batch["stored_steps"] <= (batch["requests"] + 8) * 1000
            results["batch"] = batch
        finally:
            server.stop()
    return results


def live_plots(artifacta: Path, store: Path, project: str, repeat: int) -> dict:
    """The live Plots page in Chromium: from a server just started, then warm."""
    from browser_load import AFTER_LOAD, driver

    browser = driver(120)
    try:
        browser.get("about:blank")
        server = Server(artifacta, store)
        try:
            page = f"{server.url}/p/{project}/plots.html"
            browser.get(page)
            timing = browser.execute_async_script(AFTER_LOAD)
            drawn = time.perf_counter()
            cold = {"server_start_to_ready_s": server.ready - server.started,
                    "server_start_to_drawn_s": drawn - server.started,
                    "navigation_to_drawn_ms": timing["frame"], "navigation_to_load_ms": timing["load"]}
            warm_frames, warm_loads = [], []
            for _ in range(repeat):
                browser.get("about:blank")
                browser.get(page)
                timing = browser.execute_async_script(AFTER_LOAD)
                warm_frames.append(timing["frame"])
                warm_loads.append(timing["load"])
            warm = {"navigation_to_drawn_ms": statistics.median(warm_frames), "navigation_to_load_ms": statistics.median(warm_loads),
                    "all_drawn_ms": warm_frames}
        finally:
            server.stop()
    finally:
        browser.quit()
    return {"cold": cold, "warm": warm}


def soak(artifacta: Path, work: Path, seconds: int, project: str | None = None, store: Path | None = None) -> dict:
    """The server's resident memory while clients log and read pages without pause.

    With a store (a copy of it: the soak logs into it), the pages read include its project's
    Plots page, and each logged step makes the live site rebuild that project.
    """
    with tempfile.TemporaryDirectory(dir=work) as folder:
        soak_store = Path(folder) / "store"
        if store:
            shutil.copytree(store, soak_store)
        server = Server(artifacta, soak_store)
        stop = threading.Event()
        counts = {"requests": 0, "errors": 0}

        def pages() -> None:
            paths = ["/", "/api/runs?limit=50", "/health"] + ([f"/p/{project}/plots.html"] if project else [])
            index = 0
            while not stop.is_set():
                try:
                    with urllib.request.urlopen(server.url + paths[index % len(paths)], timeout=60) as response:
                        response.read()
                    counts["requests"] += 1
                except OSError:
                    counts["errors"] += 1
                index += 1
                time.sleep(0.05)

        # A steady stream rather than a flood (a 5 ms pause per request and connection): the
        # soak is about memory over time, not load.
        script = work / "soak.lua"
        script.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                          f"wrk.body = {json.dumps(STEP_BODY)}\nfunction delay() return 5 end\n")
        try:
            server.request("POST", "/api/runs", json.dumps({"run_id": "soak", "project": project or "soak"}))
            logger = subprocess.Popen(["wrk", "-t1", "-c8", f"-d{seconds}s", "-s", str(script), server.url + "/api/runs/soak/data"],
                                      stdout=subprocess.PIPE, text=True)
            reader = threading.Thread(target=pages, daemon=True)
            reader.start()
            samples = []
            started = time.monotonic()
            while time.monotonic() - started < seconds:
                samples.append({"t": round(time.monotonic() - started, 1), "rss_mb": round(rss_mb(server.process.pid), 1)})
                # Often enough that each minute's samples catch the builds' peaks, not only the floor.
                time.sleep(SOAK_SAMPLE_SECONDS)
            stop.set()
            reader.join()
            logged = logger.communicate()[0]
            steps = server.points("soak", "train")
            samples.append({"t": round(time.monotonic() - started, 1), "rss_mb": round(rss_mb(server.process.pid), 1)})
        finally:
            server.stop()
    # Flat: the second minute (after caches and the first builds) against the last one. The
    # live site rebuilds all the time, so samples land during builds (the peak) or between them
    # (the floor): both are compared.
    def window(lower: float, upper: float) -> list[float]:
        return [sample["rss_mb"] for sample in samples if lower <= sample["t"] < upper] or [samples[-1]["rss_mb"]]

    minute = min(60.0, seconds / 4)
    early, late = window(minute, 2 * minute), window(seconds - minute, seconds + 60)
    growth = max(max(late) / max(early), min(late) / min(early)) - 1
    # A sample lands anywhere in a build or between two, so the floor moves by a few MB from
    # minute to minute: flat means within 10 % or 16 MB, for the floor and for the peak.
    flat = all(last <= max(first * 1.10, first + 16) for first, last in ((min(early), min(late)), (max(early), max(late))))
    return {"seconds": seconds, "samples": samples, "page_requests": counts["requests"], "page_errors": counts["errors"],
            "logged_steps": steps, "logging_requests": int(re.search(r"(\d+) requests in", logged).group(1)),
            "early_window_mb": [min(early), max(early)], "late_window_mb": [min(late), max(late)],
            "rss_max_mb": max(sample["rss_mb"] for sample in samples), "growth": growth, "flat": flat}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=str(HERE.parent / ".build" / "release"))
    parser.add_argument("--work", default=tempfile.gettempdir())
    parser.add_argument("--w1-store", help="a W1 store for the live Plots page (skipped without one)")
    parser.add_argument("--project", default="w1")
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--soak-seconds", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    artifacta = Path(arguments.bin) / "artifacta"
    work = Path(arguments.work)
    work.mkdir(parents=True, exist_ok=True)
    results = {"load": load_test(artifacta, work, arguments.seconds)}
    if arguments.w1_store:
        results["live_plots"] = live_plots(artifacta, Path(arguments.w1_store), arguments.project, arguments.repeat)
    if arguments.soak_seconds > 0:
        results["soak"] = soak(artifacta, work, arguments.soak_seconds,
                               project=arguments.project if arguments.w1_store else None,
                               store=Path(arguments.w1_store) if arguments.w1_store else None)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
