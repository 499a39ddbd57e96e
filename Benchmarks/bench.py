"""The benchmark harness of DESIGN.md §9: Artifacta and its peers, same data, one run.

    scripts/bench.sh [--quick] [--no-peers]          # what `make bench` runs
    python Benchmarks/bench.py --bin .build/release [--quick] [--no-peers] [--out bench-out]

Measures, each in its own process (peak memory is that process's maximum resident set, from
wait4):

- ingest: the Swift library (batched, one step per call, eight processes), the Python client
  (one step per call, the bare ds.log call, large Series), the HTTP server when it exists,
  and beside them MLflow's log_metric and log_batch (SQLite backend) and Trackio's log, on
  the same stream (step, loss, accuracy per step);
- the report: W1 and a workload ten times its runs — time to read the data from the store,
  `artifacta build` time, peak memory, site size, largest chart — and on W1 a matplotlib
  script drawing the same charts as SVG files, plotly's offline HTML of them, and Chromium's
  load time of Artifacta's Plots page and plotly's page;
- scaling: build time and peak memory at 16, 64, 256 and 1,024 runs and at 10^3 … 10^7 steps
  per Series.

Writes OUT/results.json (every raw number), logs the results as runs into OUT/results-store
and builds OUT/site from it with Artifacta (the scaling charts). Benchmarks/report.py turns
results.json into the tables of BENCHMARKS.md. Workload stores are kept under OUT/work and
reused by later runs with the same parameters (generation is not what is measured).
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent

FULL = {
    "swift_ingest_points": 10_000_000,
    "python_steps": 300_000,
    "python_large_points": 5_000_000,
    "python_chunk": 100_000,
    "peer_steps": 300_000,
    "peer_time_box": 25.0,
    "w1": {"runs": 64, "steps": 20_000, "series": 4},
    "w1x10": {"runs": 640, "steps": 20_000, "series": 4},
    "repeat": 3,
    "scaling_runs": [16, 64, 256, 1024],
    "scaling_runs_steps": 20_000,
    "scaling_steps": [1_000, 10_000, 100_000, 1_000_000, 10_000_000],
    "browser_repeat": 3,
    "browser_timeout": 180.0,
    "wrk_seconds": 10,
    "soak_seconds": 300,
}
QUICK = {
    "swift_ingest_points": 200_000,
    "python_steps": 20_000,
    "python_large_points": 300_000,
    "python_chunk": 50_000,
    "peer_steps": 20_000,
    "peer_time_box": 3.0,
    "w1": {"runs": 8, "steps": 1_000, "series": 4},
    "w1x10": {"runs": 80, "steps": 1_000, "series": 4},
    "repeat": 1,
    "scaling_runs": [4, 8, 16, 32],
    "scaling_runs_steps": 200,
    "scaling_steps": [1_000, 10_000, 100_000],
    "browser_repeat": 1,
    "browser_timeout": 60.0,
    "wrk_seconds": 2,
    "soak_seconds": 15,
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Failed(Exception):
    pass


def measured(command: list[str], *, cwd: Path | None = None, env: dict | None = None, timeout: float | None = None) -> dict:
    """Runs a command; returns wall time, peak memory (MB), CPU time, output and exit code.

    Peak memory comes from GNU time around the command: Linux counts a child's resident set at
    its fork in its maximum, so the rusage of a child of this (large) Python process would
    report at least this process's own size.
    """
    gnu_time = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        wrapper = [gnu_time, "-f", "%M", "-o", peak.name] if gnu_time else []
        process = subprocess.Popen(wrapper + [str(part) for part in command], stdout=out, stderr=err, cwd=cwd,
                                   env={**os.environ, **(env or {})}, start_new_session=True)
        # Killing on timeout takes the command's whole process group (GNU time and what it runs).
        timer = threading.Timer(timeout, lambda: os.killpg(process.pid, signal.SIGKILL)) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            if timer:
                timer.cancel()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        peak_kib = peak.read().strip().splitlines()[-1:] if gnu_time else []
        peak_mb = int(peak_kib[0]) / 1024 if peak_kib and peak_kib[0].isdigit() else usage.ru_maxrss / 1024
        result = {"wall_seconds": wall, "peak_rss_mb": peak_mb,
                  "cpu_seconds": usage.ru_utime + usage.ru_stime, "returncode": process.returncode,
                  "stdout": out.read().decode(errors="replace"), "stderr": err.read().decode(errors="replace")}
    if result["returncode"] != 0:
        tail = "\n".join(result["stderr"].strip().splitlines()[-15:])
        raise Failed(f"{' '.join(map(str, command))} exited with {result['returncode']}"
                     f"{' (killed after ' + str(timeout) + ' s)' if timeout and wall >= timeout else ''}:\n{tail}")
    return result


def last_json(text: str):
    """The last line of a program's output that is a JSON value."""
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{") or line.startswith("["):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                continue
    # Multi-line JSON (the Swift store bench prints an indented object)
    start = text.find("{")
    return json.loads(text[start:])


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip() if shutil.which("chromium") else None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    return {"cpus": os.cpu_count(), "cpu_model": cpu, "memory_gib": memory_gib, "load_average_start": os.getloadavg(),
            "kernel": platform.release(), "os": platform.platform(), "python": platform.python_version(),
            "swift": swift[0] if swift else None, "chromium": chromium, "commit": commit,
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


class Harness:
    def __init__(self, arguments: argparse.Namespace) -> None:
        self.arguments = arguments
        self.config = QUICK if arguments.quick else FULL
        self.bin = Path(arguments.bin).resolve()
        self.out = Path(arguments.out).resolve()
        self.work = self.out / "work"
        self.work.mkdir(parents=True, exist_ok=True)
        self.python = sys.executable
        self.python_env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "clients" / "python"), os.environ.get("PYTHONPATH")]))}
        self.results: dict = {"mode": "quick" if arguments.quick else "full", "peers": not arguments.no_peers,
                              "machine": machine(), "config": self.config, "errors": {}}

    # --- helpers -------------------------------------------------------------------------

    def section(self, name: str, body) -> None:
        log(f"{name}…")
        self.results.setdefault("load_average", {})[name] = os.getloadavg()[0]
        started = time.perf_counter()
        try:
            self.results[name] = body()
        except Exception as error:  # recorded, and the other measurements go on
            log(f"{name} failed: {error}")
            self.results["errors"][name] = str(error)
        log(f"{name} done in {time.perf_counter() - started:.1f} s")
        # Partial results survive an interrupted run.
        (self.out / "results.partial.json").write_text(json.dumps(self.results, indent=2, default=str) + "\n")

    def tool(self, name: str) -> Path:
        path = self.bin / name
        if not path.exists():
            raise Failed(f"{path} is missing (scripts/bench.sh builds it)")
        return path

    def store_for(self, runs: int, steps: int, series: int) -> Path:
        """A workload store, generated once (into a temporary folder renamed when complete)."""
        folder = self.work / f"w1-{runs}x{series}x{steps}"
        store = folder / "store"
        if (store / "artifacta.db").exists():
            return store
        partial = folder / "store.partial"
        shutil.rmtree(partial, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        log(f"  generating {runs} runs × {series} Series × {steps} steps")
        measured([self.tool("artifacta-site-bench"), "--generate-only", "--store", partial,
                  "--runs", runs, "--steps", steps, "--series", series])
        partial.rename(store)
        return store

    def read(self, store: Path) -> dict:
        run = measured([self.tool("artifacta-site-bench"), "--read-only", "--store", store])
        return {**last_json(run["stdout"]), "peak_rss_mb": run["peak_rss_mb"]}

    def build(self, store: Path, site: Path) -> dict:
        # A full build: no previous site, and no spare kept beside one (README, "A rebuild").
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(site.parent / f".{site.name}.spare", ignore_errors=True)
        run = measured([self.tool("artifacta"), "build", "--store", store, "--out", site], cwd=site.parent)
        return {"seconds": run["wall_seconds"], "peak_rss_mb": run["peak_rss_mb"], "cpu_seconds": run["cpu_seconds"],
                "output": run["stderr"].strip().splitlines()[-3:]}

    # --- ingest ---------------------------------------------------------------------------

    def swift_ingest(self) -> dict:
        run = measured([self.tool("artifacta-bench"), "--json", "--points", self.config["swift_ingest_points"]],
                       cwd=self.work, env={"TMPDIR": str(self.work)})
        data = last_json(run["stdout"])
        for key in ("batched", "per_step", "eight_processes"):
            data[key]["points_per_second"] = data[key]["points"] / data[key]["seconds"]
        data["peak_rss_mb"] = run["peak_rss_mb"]
        return data

    def python_ingest(self) -> dict:
        script = ROOT / "clients" / "python" / "bench" / "ingest.py"
        results = {}
        for scenario in ("per-step", "log-only", "large"):
            run = measured([self.python, script, "--scenario", scenario, "--steps", self.config["python_steps"],
                            "--large-points", self.config["python_large_points"], "--chunk", self.config["python_chunk"]],
                           env={**self.python_env, "TMPDIR": str(self.work)})
            data = last_json(run["stdout"])
            if data["stored_points"] != data["points"]:
                raise Failed(f"Python client {scenario}: {data['points']} points logged, {data['stored_points']} stored")
            data["points_per_second"] = data["points"] / data["total_seconds"]
            data["microseconds_per_call"] = data["log_seconds"] / data["calls"] * 1e6
            data["peak_rss_mb"] = run["peak_rss_mb"]
            results[scenario] = data
        return results

    def http_ingest(self) -> dict:
        """The Python client over HTTP (the same stream as direct), then wrk against the API."""
        import server_bench

        script = ROOT / "clients" / "python" / "bench" / "ingest.py"
        results: dict = {"python": {}}
        with tempfile.TemporaryDirectory(dir=self.work) as folder:
            server = server_bench.Server(self.tool("artifacta"), Path(folder) / "store")
            try:
                for scenario in ("per-step", "large"):
                    run = measured([self.python, script, "--scenario", scenario, "--url", server.url, "--steps", self.config["python_steps"],
                                    "--large-points", self.config["python_large_points"], "--chunk", self.config["python_chunk"]],
                                   env=self.python_env)
                    data = last_json(run["stdout"])
                    if data["stored_points"] != data["points"]:
                        raise Failed(f"Python client over HTTP, {scenario}: {data['points']} points logged, {data['stored_points']} stored")
                    data["points_per_second"] = data["points"] / data["total_seconds"]
                    data["microseconds_per_call"] = data["log_seconds"] / data["calls"] * 1e6
                    data["peak_rss_mb"] = run["peak_rss_mb"]
                    results["python"][scenario] = data
                results["server_peak_rss_mb"] = server_bench.rss_mb(server.process.pid)
            finally:
                server.stop()
        results["load"] = server_bench.load_test(self.tool("artifacta"), self.work, self.config["wrk_seconds"])
        return results

    def server(self) -> dict:
        """The live Plots page of W1 in Chromium (cold and warm) and the server's memory over a soak."""
        import server_bench

        w1 = self.config["w1"]
        store = self.store_for(w1["runs"], w1["steps"], w1["series"])
        return {"live_plots": server_bench.live_plots(self.tool("artifacta"), store, "w1", self.config["browser_repeat"]),
                "soak": server_bench.soak(self.tool("artifacta"), self.work, self.config["soak_seconds"], project="w1", store=store)}

    def peer_ingest(self) -> dict:
        results = {}
        for peer in ("mlflow-log-metric", "mlflow-log-batch", "trackio"):
            folder = self.work / f"peer-{peer}"
            shutil.rmtree(folder, ignore_errors=True)
            try:
                run = measured([self.python, HERE / "peers" / "ingest.py", "--peer", peer, "--dir", folder,
                                "--steps", self.config["peer_steps"], "--time-box", self.config["peer_time_box"]],
                               timeout=self.config["peer_time_box"] * 4 + 120)
                data = last_json(run["stdout"])
                data["points_per_second"] = data["points"] / data["seconds"]
                data["microseconds_per_call"] = data["log_seconds"] / data["calls"] * 1e6
                data["peak_rss_mb"] = run["peak_rss_mb"]
                results[peer] = data
            except Exception as error:
                results[peer] = {"error": str(error)}
            shutil.rmtree(folder, ignore_errors=True)
        return results

    # --- the report -----------------------------------------------------------------------

    def workload(self, key: str) -> dict:
        shape = self.config[key]
        store = self.store_for(shape["runs"], shape["steps"], shape["series"])
        repeat = self.config["repeat"] if key == "w1" else 1
        reads = [self.read(store) for _ in range(repeat)]
        site = store.parent / "site"
        builds = [self.build(store, site) for _ in range(repeat)]
        read_seconds = statistics.median(read["read_seconds"] for read in reads)
        read_cpu_seconds = statistics.median(read["read_cpu_seconds"] for read in reads)
        build_cpu_seconds = statistics.median(build["cpu_seconds"] for build in builds)
        build_seconds = statistics.median(build["seconds"] for build in builds)
        result = {"runs": shape["runs"], "steps": shape["steps"], "series_per_run": shape["series"],
                  "points": reads[0]["points"], "store_bytes": folder_bytes(store),
                  "read_seconds": read_seconds, "read_seconds_all": [read["read_seconds"] for read in reads],
                  "build_seconds": build_seconds, "build_seconds_all": [build["seconds"] for build in builds],
                  "read_cpu_seconds": read_cpu_seconds, "build_cpu_seconds": build_cpu_seconds,
                  "build_cpu_over_read_cpu": build_cpu_seconds / read_cpu_seconds if read_cpu_seconds else None,
                  "build_peak_rss_mb": max(build["peak_rss_mb"] for build in builds),
                  "build_output": builds[-1]["output"], "build_over_read": build_seconds / read_seconds,
                  "store": str(store), "site": str(site)}
        result.update(site_stats(site))
        return result

    def peer_reports(self) -> dict:
        w1 = self.results.get("w1")
        if not w1:
            raise Failed("W1 was not measured")
        store = Path(w1["store"])
        results = {}
        try:
            folder = self.work / "matplotlib-svg"
            shutil.rmtree(folder, ignore_errors=True)
            run = measured([self.python, HERE / "peers" / "report_matplotlib.py", "--store", store, "--out", folder])
            results["matplotlib"] = {**last_json(run["stdout"]), "peak_rss_mb": run["peak_rss_mb"],
                                     "wall_seconds": run["wall_seconds"], "out": str(folder)}
        except Exception as error:
            results["matplotlib"] = {"error": str(error)}
        try:
            page = self.work / "plotly-w1.html"
            run = measured([self.python, HERE / "peers" / "report_plotly.py", "--store", store, "--out", page])
            results["plotly"] = {**last_json(run["stdout"]), "peak_rss_mb": run["peak_rss_mb"],
                                 "wall_seconds": run["wall_seconds"], "page": str(page)}
        except Exception as error:
            results["plotly"] = {"error": str(error)}
        return results

    def browser(self) -> dict:
        try:
            import selenium  # noqa: F401
        except ImportError:
            return {"measured": False, "reason": "not measured: selenium is not installed in this Python"}
        if not shutil.which("chromium") or not shutil.which("chromedriver"):
            return {"measured": False, "reason": "not measured: chromium or chromedriver is missing"}
        pages = {}
        w1 = self.results.get("w1")
        if w1 and w1.get("plots_page"):
            pages["artifacta"] = w1["plots_page"]
        plotly_page = self.results.get("peer_reports", {}).get("plotly", {}).get("page")
        if plotly_page and os.path.exists(plotly_page):
            pages["plotly"] = plotly_page
        if not pages:
            raise Failed("no page to load")
        run = measured([self.python, HERE / "browser_load.py", "--repeat", self.config["browser_repeat"],
                        "--timeout", self.config["browser_timeout"], *pages.values()],
                       timeout=self.config["browser_timeout"] * (self.config["browser_repeat"] + 2) * len(pages) + 60)
        timings = last_json(run["stdout"])
        return {"measured": True, **{name: timings[path] | {"page": path} for name, path in pages.items()}}

    # --- scaling --------------------------------------------------------------------------

    def scaling(self) -> dict:
        # The sites are removed after the whole series, not between sizes: ext4 allocates inodes
        # slowly for a while after thousands were freed, which would bill the next size's build
        # for the previous one's deletion.
        built = []
        by_runs = []
        for runs in self.config["scaling_runs"]:
            store = self.store_for(runs, self.config["scaling_runs_steps"], 4)
            read = self.read(store)
            build = self.build(store, store.parent / "site")
            built.append(store.parent / "site")
            by_runs.append({"runs": runs, "steps": self.config["scaling_runs_steps"], "points": read["points"],
                            "read_seconds": read["read_seconds"], "build_seconds": build["seconds"],
                            "build_cpu_seconds": build["cpu_seconds"], "build_peak_rss_mb": build["peak_rss_mb"]})
        by_steps = []
        for steps in self.config["scaling_steps"]:
            store = self.store_for(1, steps, 1)
            read = self.read(store)
            build = self.build(store, store.parent / "site")
            built.append(store.parent / "site")
            by_steps.append({"runs": 1, "steps": steps, "points": read["points"], "read_seconds": read["read_seconds"],
                             "build_seconds": build["seconds"], "build_cpu_seconds": build["cpu_seconds"],
                             "build_peak_rss_mb": build["peak_rss_mb"]})
        for site in built:
            shutil.rmtree(site, ignore_errors=True)
        return {"by_runs": by_runs, "by_steps": by_steps,
                "by_runs_growth": growth(by_runs, "runs"), "by_steps_growth": growth(by_steps, "steps")}

    # --- the benchmark's own site -------------------------------------------------------------

    def results_site(self) -> dict:
        sys.path.insert(0, str(ROOT / "clients" / "python"))
        import artifacta as ds

        store = self.out / "results-store"
        site = self.out / "site"
        shutil.rmtree(store, ignore_errors=True)
        scaling = self.results.get("scaling") or {}
        stamp = self.results["machine"]["date"]
        if scaling.get("by_runs"):
            run = ds.init(project="benchmarks", name="scaling-runs", store=str(store), capture=False,
                          config={"steps_per_series": self.config["scaling_runs_steps"], "series_per_run": 4, "date": stamp})
            rows = scaling["by_runs"]
            run.log("scaling/runs", ds.Series(index="runs", fields={
                "runs": [row["runs"] for row in rows], "build_seconds": [row["build_seconds"] for row in rows],
                "read_seconds": [row["read_seconds"] for row in rows],
                "build_cpu_seconds": [row["build_cpu_seconds"] for row in rows],
                "peak_memory_mb": [row["build_peak_rss_mb"] for row in rows]}))
            run.finish()
        if scaling.get("by_steps"):
            run = ds.init(project="benchmarks", name="scaling-steps", store=str(store), capture=False,
                          config={"runs": 1, "series_per_run": 1, "date": stamp})
            rows = scaling["by_steps"]
            run.log("scaling/steps", ds.Series(index="steps", fields={
                "steps": [row["steps"] for row in rows], "build_seconds": [row["build_seconds"] for row in rows],
                "read_seconds": [row["read_seconds"] for row in rows],
                "build_cpu_seconds": [row["build_cpu_seconds"] for row in rows],
                "peak_memory_mb": [row["build_peak_rss_mb"] for row in rows]}))
            run.finish()
        run = ds.init(project="benchmarks", name="comparison", store=str(store), capture=False, config={"date": stamp})
        ingest = ingest_rates(self.results)
        if ingest:
            run.log("ingest/points_per_second", ds.BarChart(categories=[name for name, _ in ingest],
                                                           groups={"points/s": [rate for _, rate in ingest]},
                                                           y_label="points/s"))
        report = report_times(self.results)
        if report:
            run.log("report/seconds", ds.BarChart(categories=[name for name, _ in report],
                                                 groups={"seconds": [value for _, value in report]}, y_label="s"))
        run.finish()
        build = self.build(store, site)
        return {"store": str(store), "site": str(site), "build_seconds": build["seconds"]}

    # --- everything -------------------------------------------------------------------------

    def run(self) -> dict:
        started = time.perf_counter()
        peers = not self.arguments.no_peers
        self.section("swift_ingest", self.swift_ingest)
        self.section("python_ingest", self.python_ingest)
        self.section("http_ingest", self.http_ingest)
        if peers:
            self.section("peer_ingest", self.peer_ingest)
        self.section("w1", lambda: self.workload("w1"))
        if peers:
            self.section("peer_reports", self.peer_reports)
        self.section("browser", self.browser)
        self.section("server", self.server)
        self.section("w1x10", lambda: self.workload("w1x10"))
        self.section("scaling", self.scaling)
        self.results["ratios"] = ratios(self.results)
        self.results["targets"] = targets(self.results)
        self.section("results_site", self.results_site)
        self.results["seconds"] = time.perf_counter() - started
        self.results["machine"]["load_average_end"] = os.getloadavg()
        path = self.out / "results.json"
        path.write_text(json.dumps(self.results, indent=2, default=str) + "\n")
        (self.out / "results.partial.json").unlink(missing_ok=True)
        log(f"wrote {path} ({self.results['seconds']:.0f} s)")
        return self.results


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


SVG = re.compile(rb"<svg[\s>].*?</svg>", re.DOTALL)


def site_stats(site: Path) -> dict:
    """Files, pages and bytes of a built site, its largest page and its largest chart (inline or .svg file)."""
    files = pages = total = 0
    largest_page = ("", 0)
    largest_chart = ("", 0)
    charts = 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        files += 1
        size = path.stat().st_size
        total += size
        relative = str(path.relative_to(site))
        if path.suffix == ".html":
            pages += 1
            if size > largest_page[1]:
                largest_page = (relative, size)
            for match in SVG.finditer(path.read_bytes()):
                length = match.end() - match.start()
                if length > 2000:  # icons are small; charts are not
                    charts += 1
                if length > largest_chart[1]:
                    largest_chart = (relative, length)
        elif path.suffix == ".svg" and size > largest_chart[1]:
            largest_chart = (relative, size)
    plots = sorted(site.glob("p/*/plots.html"))
    return {"site_bytes": total, "site_files": files, "site_pages": pages, "inline_charts": charts,
            "largest_page": largest_page[0], "largest_page_bytes": largest_page[1],
            "largest_chart": largest_chart[0], "largest_chart_bytes": largest_chart[1],
            "plots_page": str(plots[0]) if plots else None,
            "plots_page_bytes": plots[0].stat().st_size if plots else None}


def growth(rows: list[dict], key: str) -> dict:
    """Exponents of build time and memory against size: per step between sizes and a least-squares fit of the top half."""
    def exponents(measure: str) -> dict:
        pairs = [(row[key], row[measure]) for row in rows if row.get(measure)]
        steps = [math.log(b[1] / a[1]) / math.log(b[0] / a[0]) for a, b in zip(pairs, pairs[1:])]
        return {"between_sizes": steps, "last": steps[-1] if steps else None}
    return {"build_seconds": exponents("build_seconds"), "build_cpu_seconds": exponents("build_cpu_seconds"),
            "build_peak_rss_mb": exponents("build_peak_rss_mb")}


def rate(entry: dict | None) -> float | None:
    return entry.get("points_per_second") if entry and "error" not in entry else None


def ingest_rates(results: dict) -> list[tuple[str, float]]:
    rows = []
    swift = results.get("swift_ingest") or {}
    python = results.get("python_ingest") or {}
    peers = results.get("peer_ingest") or {}
    for name, value in (("Swift, 1 step/call", rate(swift.get("per_step"))),
                        ("Swift, 1,000 steps/call", rate(swift.get("batched"))),
                        ("Python ds.log, 1 step/call", rate(python.get("per-step"))),
                        ("Python, large Series", rate(python.get("large"))),
                        ("MLflow log_metric", rate(peers.get("mlflow-log-metric"))),
                        ("MLflow log_batch", rate(peers.get("mlflow-log-batch"))),
                        ("Trackio log", rate(peers.get("trackio")))):
        if value:
            rows.append((name, value))
    return rows


def report_times(results: dict) -> list[tuple[str, float]]:
    rows = []
    w1 = results.get("w1") or {}
    reports = results.get("peer_reports") or {}
    if w1.get("read_seconds"):
        rows.append(("read W1 from the store", w1["read_seconds"]))
    if w1.get("build_seconds"):
        rows.append(("artifacta build (whole site)", w1["build_seconds"]))
    for name in ("matplotlib", "plotly"):
        if reports.get(name, {}).get("seconds"):
            rows.append((f"{name} (same charts)", reports[name]["seconds"]))
    return rows


def ratio(a, b):
    return a / b if a and b else None


def ratios(results: dict) -> dict:
    python = results.get("python_ingest") or {}
    peers = results.get("peer_ingest") or {}
    w1 = results.get("w1") or {}
    reports = results.get("peer_reports") or {}
    browser = results.get("browser") or {}
    per_step = rate(python.get("per-step"))
    large = rate(python.get("large"))
    return {
        "python_per_step_vs_trackio": ratio(per_step, rate(peers.get("trackio"))),
        "python_per_step_vs_mlflow_log_metric": ratio(per_step, rate(peers.get("mlflow-log-metric"))),
        "python_large_vs_mlflow_log_batch": ratio(large, rate(peers.get("mlflow-log-batch"))),
        "python_per_step_memory_vs_trackio": ratio(python.get("per-step", {}).get("peak_rss_mb"),
                                                   (peers.get("trackio") or {}).get("peak_rss_mb")),
        "build_over_read": w1.get("build_over_read"),
        "build_cpu_over_read_cpu": w1.get("build_cpu_over_read_cpu"),
        "matplotlib_over_build": ratio((reports.get("matplotlib") or {}).get("seconds"), w1.get("build_seconds")),
        "matplotlib_cpu_over_build_cpu": ratio((reports.get("matplotlib") or {}).get("cpu_seconds"), w1.get("build_cpu_seconds")),
        "plotly_over_build": ratio((reports.get("plotly") or {}).get("seconds"), w1.get("build_seconds")),
        "plotly_page_over_plots_page_bytes": ratio((reports.get("plotly") or {}).get("bytes"), w1.get("plots_page_bytes")),
        "plotly_load_over_plots_load": ratio((browser.get("plotly") or {}).get("median_frame_ms"),
                                             (browser.get("artifacta") or {}).get("median_frame_ms")),
    }


def targets(results: dict) -> list[dict]:
    """Each target of the issues with the measured value and whether it is met (None: not measured)."""
    python = results.get("python_ingest") or {}
    w1 = results.get("w1") or {}
    browser = results.get("browser") or {}
    scaling = results.get("scaling") or {}
    found = ratios(results)
    rows = []

    def add(issue, target, value, text, met):
        rows.append({"issue": issue, "target": target, "value": value, "measured": text, "met": met})

    def check(value, predicate):
        return None if value is None else bool(predicate(value))

    value = found["python_per_step_vs_trackio"]
    add(5, "per-step logging ≥ 3× Trackio", value, f"{value:.1f}×" if value else None, check(value, lambda v: v >= 3))
    value = python.get("per-step", {}).get("peak_rss_mb")
    add(5, "peak memory of per-step logging ≤ 100 MB", value, f"{value:.0f} MB" if value else None, check(value, lambda v: v <= 100))
    value = rate(python.get("large"))
    add(5, "large Series ≥ 1 M points/s", value, f"{value / 1e6:.2f} M points/s" if value else None, check(value, lambda v: v >= 1e6))
    value = python.get("log-only", {}).get("microseconds_per_call")
    add(5, "ds.log ≤ 20 µs per call", value, f"{value:.1f} µs" if value else None, check(value, lambda v: v <= 20))
    def with_cpu(value, cpu):
        return f"{value:.1f}× (CPU time: {cpu:.1f}×)" if value and cpu else (f"{value:.1f}×" if value else None)

    http = results.get("http_ingest") or {}
    load = http.get("load") or {}
    server = results.get("server") or {}
    value = (load.get("small_data") or {}).get("requests_per_second")
    stored = (load.get("small_data") or {}).get("every_point_stored")
    add(7, "≥ 10,000 small `POST /api/runs/{id}/data` requests/s (32 connections)", value,
        f"{value:,.0f}/s{'' if stored else ' (NOT every point stored)'}" if value else None, check(value, lambda v: v >= 10_000 and stored))
    value = (load.get("batch") or {}).get("points_per_second")
    add(7, "≥ 2 M points/s through batch requests", value, f"{value / 1e6:.2f} M/s" if value else None, check(value, lambda v: v >= 2e6))
    live = server.get("live_plots") or {}
    value = (live.get("warm") or {}).get("navigation_to_drawn_ms")
    add(7, "W1's live Plots page ≤ 1 s from a warm server", value, f"{value / 1e3:.2f} s drawn" if value else None,
        check(value, lambda v: v <= 1000))
    value = (live.get("cold") or {}).get("server_start_to_drawn_s")
    add(7, "W1's live Plots page ≤ 3 s from a server just started", value,
        f"{value:.2f} s from the server's start to the page drawn (its first build included)" if value else None, check(value, lambda v: v <= 3))
    soak = server.get("soak") or {}
    value = soak.get("growth")
    add(7, "server memory flat over a 5-minute soak", value,
        f"second minute {soak['early_window_mb'][0]:.0f}–{soak['early_window_mb'][1]:.0f} MB, last minute "
        f"{soak['late_window_mb'][0]:.0f}–{soak['late_window_mb'][1]:.0f} MB (between builds – during one; "
        f"{soak['logging_requests']:,} logging requests, {soak['page_requests']:,} page requests; flat: within 10% or 16 MB)"
        if value is not None else None, soak.get("flat"))
    value = found["build_over_read"]
    add(4, "W1 build ≤ 5× the time to read its data", value, with_cpu(value, found["build_cpu_over_read_cpu"]),
        check(value, lambda v: v <= 5))
    value = found["matplotlib_over_build"]
    add(4, "W1 build ≥ 20× faster than matplotlib", value, with_cpu(value, found["matplotlib_cpu_over_build_cpu"]),
        check(value, lambda v: v >= 20))
    value = w1.get("build_peak_rss_mb")
    add(4, "peak memory of the W1 build ≤ 500 MB", value, f"{value:.0f} MB" if value else None, check(value, lambda v: v <= 500))
    value = w1.get("site_bytes")
    add(4, "W1 site ≤ 30 MB", value, f"{value / 1e6:.1f} MB" if value else None, check(value, lambda v: v <= 30e6))
    value = w1.get("largest_chart_bytes")
    add(4, "no chart over 250 KB", value, f"{value / 1e3:.0f} KB" if value else None, check(value, lambda v: v <= 250e3))
    value = (browser.get("artifacta") or {}).get("median_frame_ms")
    load_event = (browser.get("artifacta") or {}).get("median_load_ms")
    add(4, "Plots page loads in Chromium in ≤ 1 s", value,
        f"{value / 1e3:.2f} s drawn (load event {load_event / 1e3:.2f} s)" if value else None, check(value, lambda v: v <= 1000))
    for key, label in (("by_runs_growth", "runs"), ("by_steps_growth", "steps per Series")):
        exponents = scaling.get(key) or {}

        def last(measure):
            return (exponents.get(measure) or {}).get("last")

        # "Linear or better": the exponent between the two largest sizes, with 15 % for noise. Build time
        # is judged on CPU time: wall time on this shared machine moves with the other builds' load.
        value, wall = last("build_cpu_seconds"), last("build_seconds")
        add(8, f"build time grows linearly or better with {label}", value,
            f"exponent {value:.2f} in CPU time (wall time: {wall:.2f}) between the two largest sizes" if value is not None else None,
            check(value, lambda v: v <= 1.15))
        value = last("build_peak_rss_mb")
        add(8, f"peak memory grows linearly or better with {label}", value,
            f"exponent {value:.2f} between the two largest sizes" if value is not None else None,
            check(value, lambda v: v <= 1.15))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=str(ROOT / ".build" / "release"), help="folder of the release executables")
    parser.add_argument("--out", default=str(ROOT / "bench-out"))
    parser.add_argument("--quick", action="store_true", help="small workloads, a few seconds per measurement")
    parser.add_argument("--no-peers", action="store_true", help="Artifacta only (no MLflow, Trackio, matplotlib, plotly)")
    arguments = parser.parse_args()
    results = Harness(arguments).run()
    if results["errors"]:
        log(f"{len(results['errors'])} measurement(s) failed: {', '.join(results['errors'])}")
        sys.exit(1)


if __name__ == "__main__":
    main()
