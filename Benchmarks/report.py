"""Writes the harness's tables into BENCHMARKS.md between `<!-- bench:start -->` and `<!-- bench:end -->`.

    python Benchmarks/report.py [bench-out/results.json] [BENCHMARKS.md]

Everything outside the markers (the hand-written sections) is kept; without markers the
section is inserted after the file's introduction (before its first `## ` heading).
Also usable as a module: `markdown(results)` returns the section's text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

START = "<!-- bench:start -->"
END = "<!-- bench:end -->"


def number(value, digits=2, unit="") -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}{unit}"


def rate(value) -> str:
    if not value:
        return "—"
    if value >= 1e6:
        return f"{value / 1e6:.2f} M points/s"
    if value >= 1e3:
        return f"{value / 1e3:.1f} k points/s"
    return f"{value:.0f} points/s"


def megabytes(value) -> str:
    return "—" if value is None else f"{value / 1e6:.1f} MB"


def times(value) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}×" if value >= 0.95 else f"{value:.2g}×"


def cpu_cell(workload: dict) -> str:
    read, build = workload.get("read_cpu_seconds"), workload.get("build_cpu_seconds")
    if read and build:
        return f"{read:.2f} s, {build:.1f} s ({build / read:.1f}×)"
    return f"—, {build:.1f} s" if build else "—"


def verdict(met) -> str:
    return {True: "met", False: "**missed**", None: "not measured"}[met]


def scaling_rows(lines: list[str], rows: list[dict], growth: dict, key: str) -> None:
    def exponent(measure, index):
        steps = (growth.get(measure) or {}).get("between_sizes") or []
        return number(steps[index - 1]) if index and index - 1 < len(steps) else "—"

    for index, row in enumerate(rows):
        cpu = row.get("build_cpu_seconds")
        lines.append(f"| {row[key]:,} | {row['points']:,} | {row['read_seconds']:.3f} s | {row['build_seconds']:.2f} s | "
                     f"{exponent('build_seconds', index)} | {number(cpu, 2, ' s')} | {exponent('build_cpu_seconds', index)} | "
                     f"{row['build_peak_rss_mb']:.0f} MB | {exponent('build_peak_rss_mb', index)} |")


def load_range(results: dict) -> str:
    loads = list((results.get("load_average") or {}).values())
    return f"; one-minute load average {min(loads):.1f}–{max(loads):.1f} across the measurements" if loads else ""


def markdown(results: dict) -> str:
    machine = results["machine"]
    config = results["config"]
    lines = [START, "", "## One run of the harness (`make bench`)", "",
             "Written by `Benchmarks/report.py` from `bench-out/results.json`; do not edit between the markers.",
             "Every measurement ran in its own process, one after the other, in one run of `scripts/bench.sh`"
             f"{' (quick mode: small workloads, for testing the harness)' if results['mode'] == 'quick' else ''}.", "",
             f"Machine: {machine['cpus']} CPUs ({machine['cpu_model']}), {machine['memory_gib']} GiB, "
             f"{machine['os']}; {machine['swift']}; Python {machine['python']}; {machine.get('chromium') or 'no Chromium'}. "
             f"Load average at start {', '.join(f'{v:.2f}' for v in machine['load_average_start'])}"
             + (f", at the end {', '.join(f'{v:.2f}' for v in machine['load_average_end'])}" if machine.get("load_average_end") else "")
             + load_range(results)
             + f" (a shared machine: compare ratios within the run). Commit {machine['commit']}, {machine['date']}; "
             f"the whole run took {results.get('seconds', 0) / 60:.1f} min.", ""]

    # Targets
    lines += ["### Targets", "", "| issue | target | measured | |", "|---|---|---|---|"]
    for row in results.get("targets", []):
        lines.append(f"| {row['issue']} | {row['target']} | {row['measured'] or '—'} | {verdict(row['met'])} |")
    lines.append("")

    # Ingest
    swift = results.get("swift_ingest") or {}
    python = results.get("python_ingest") or {}
    peers = results.get("peer_ingest") or {}
    http = results.get("http_ingest") or {}
    trackio = peers.get("trackio") or {}
    trackio_rate = trackio.get("points_per_second")
    lines += ["### Ingest: the same stream (step, loss, accuracy per step; a point is one value of one field)", "",
              "| writer | call | points | points/s | vs Trackio | µs per call | peak memory |",
              "|---|---|---|---|---|---|---|"]

    def ingest_row(name, call, entry, fields=3):
        if not entry:
            return
        if "error" in entry:
            lines.append(f"| {name} | {call} | failed: {entry['error'].splitlines()[0][:120]} | | | | |")
            return
        per_call = entry.get("microseconds_per_call")
        vs = times(entry["points_per_second"] / trackio_rate) if trackio_rate else "—"
        boxed = " (time-boxed)" if entry.get("time_box_hit") else ""
        lines.append(f"| {name} | {call} | {entry['points']:,}{boxed} | {rate(entry['points_per_second'])} | {vs} | "
                     f"{(number(per_call, 1) if per_call < 1000 else number(per_call / 1000, 1, ' ms')) if per_call else '—'} | {number(entry.get('peak_rss_mb'), 0, ' MB')} |")

    ingest_row("Artifacta Python client", "`ds.log(Series)`, 1 step per call", python.get("per-step"))
    ingest_row("Artifacta Python client", "`ds.log` of a prebuilt 1-step Series (the call alone)", python.get("log-only"))
    chunk = config.get("python_chunk")
    ingest_row("Artifacta Python client", f"large Series, {chunk:,} steps per call", python.get("large"))
    ingest_row("MLflow (SQLite)", "`log_metric`, 1 value per call", peers.get("mlflow-log-metric"))
    ingest_row("MLflow (SQLite)", "`log_batch`, 333 steps × 3 per call", peers.get("mlflow-log-batch"))
    ingest_row("Trackio (SQLite)", "`trackio.log`, 1 step per call", peers.get("trackio"))
    if swift and "per_step" in swift:
        for key, call in (("per_step", "`run.log(Series)`, 1 step × 4 fields per call"),
                          ("batched", "1,000 steps × 4 fields per call"),
                          ("eight_processes", "8 processes into one store, 1,000 steps × 2 fields per call")):
            entry = swift[key]
            vs = times(entry["points_per_second"] / trackio_rate) if trackio_rate else "—"
            lines.append(f"| Artifacta Swift library | {call} | {entry['points']:,} | {rate(entry['points_per_second'])} | {vs} | — | "
                         f"{number(swift.get('peak_rss_mb'), 0, ' MB') if key == 'batched' else ''} |")
    http_python = http.get("python") or {}
    ingest_row("Artifacta over HTTP (Python client, `url=`)", "`ds.log(Series)`, 1 step per call", http_python.get("per-step"))
    ingest_row("Artifacta over HTTP (Python client, `url=`)", f"large Series, {chunk:,} steps per call", http_python.get("large"))
    if not http_python:
        lines.append(f"| Artifacta over HTTP | — | {http.get('reason') or (results.get('errors') or {}).get('http_ingest') or 'not measured'} | | | | |")
    lines.append("")
    versions = [f"{name} {entry['version']}" for name, entry in (("MLflow", peers.get("mlflow-log-batch")), ("Trackio", trackio))
                if entry and entry.get("version")]
    lines += [
        "End to end: from the first call to the run finished and everything on disk, counted back "
        "from each tool's SQLite file. MLflow is time-boxed "
        f"({config['peer_time_box']:.0f} s of logging) because `log_metric` writes one transaction per value; "
        f"the others log {config['peer_steps']:,} steps. Peak memory is the process's maximum resident set "
        "(Swift's row: the benchmark process with its eight writer children, all scenarios). "
        + (f"Versions: {', '.join(versions)}." if versions else ""), ""]
    if swift.get("read_back"):
        lines += [f"Swift store read-back of {swift['read_back']['points']:,} points: {swift['read_back']['seconds']:.3f} s, "
                  f"the same bytes from a file {swift['read_file']['seconds']:.3f} s "
                  f"({swift['read_back']['seconds'] / swift['read_file']['seconds']:.2f}×).", ""]

    # Report generation
    lines += ["### The report: W1 and ten times its runs", "",
              "| workload | points | read from the store | `artifacta build` | build / read | CPU time: read, build (ratio) | peak memory | site | pages | largest page | largest chart |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
    for key in ("w1", "w1x10"):
        w = results.get(key)
        if not w:
            continue
        lines.append(f"| {'W1' if key == 'w1' else 'W1 × 10 runs'}: {w['runs']} runs × {w['series_per_run']} Series × 3 fields × {w['steps']:,} steps "
                     f"| {w['points']:,} | {w['read_seconds']:.3f} s | {w['build_seconds']:.2f} s | {w['build_over_read']:.1f}× "
                     f"| {cpu_cell(w)} | {w['build_peak_rss_mb']:.0f} MB | {megabytes(w['site_bytes'])} "
                     f"| {w['site_pages']} | {w['largest_page_bytes'] / 1e3:.0f} KB | {w['largest_chart_bytes'] / 1e3:.0f} KB |")
    lines.append("")
    w1 = results.get("w1") or {}
    if w1:
        lines += [f"Read: every Series point and artifact row of the store through `ArtifactaStore` "
                  f"(`artifacta-site-bench --read-only`, in-process time). Build: `artifacta build` as a command, wall time "
                  f"from start to exit into an empty folder (median of {config['repeat']} for W1), CPU time of both cores.", ""]
    reports = results.get("peer_reports") or {}
    browser = results.get("browser") or {}
    if reports or browser:
        lines += ["Side by side on W1 (the same data, read from the store with Python's sqlite3 before timing):", "",
                  "| tool | output | charts | time | time ÷ `artifacta build` | CPU time (÷ build's) | peak memory | size | largest chart | Chromium load |",
                  "|---|---|---|---|---|---|---|---|---|---|"]

        def load(name):
            entry = browser.get(name) or {}
            if "error" in entry:
                return f"did not load in {config['browser_timeout']:.0f} s ({entry['error'][:60]})"
            if entry.get("median_frame_ms") is not None:
                return f"{entry['median_frame_ms'] / 1e3:.2f} s (load event {entry['median_load_ms'] / 1e3:.2f} s)"
            return browser.get("reason", "—")

        if w1:
            lines.append(f"| Artifacta | whole site: {w1['site_pages']} pages, {w1['inline_charts']} inline charts | all of the site's "
                         f"| {w1['build_seconds']:.2f} s | 1× | {w1['build_cpu_seconds']:.1f} s | {w1['build_peak_rss_mb']:.0f} MB | {megabytes(w1['site_bytes'])} "
                         f"(Plots page {megabytes(w1.get('plots_page_bytes'))}) | {w1['largest_chart_bytes'] / 1e3:.0f} KB | Plots page: {load('artifacta')} |")
        for name, output in (("matplotlib", "SVG files"), ("plotly", "one offline HTML (plotly.js inline)")):
            entry = reports.get(name)
            if not entry:
                continue
            if "error" in entry:
                lines.append(f"| {name} | {output} | failed: {entry['error'].splitlines()[0][:120]} | | | | | | | |")
                continue
            slower = entry["seconds"] / w1["build_seconds"] if w1 else None
            cpu = entry.get("cpu_seconds")
            cpu_text = f"{cpu:.1f} s ({times(cpu / w1['build_cpu_seconds'])})" if cpu and w1.get("build_cpu_seconds") else "—"
            largest = f"{entry['largest_chart_bytes'] / 1e3:.0f} KB" if entry.get("largest_chart_bytes") else "—"
            lines.append(f"| {name} {entry.get('version', '')} | {output} | {entry['charts']} | {entry['seconds']:.2f} s "
                         f"| {times(slower)} | {cpu_text} | {entry['peak_rss_mb']:.0f} MB | {megabytes(entry['bytes'])} | {largest} "
                         f"| {load('plotly') if name == 'plotly' else 'n/a (files)'} |")
        lines += ["", "The peers draw what the site's Plots and Sweeps pages draw: one overlay per Series field "
                  f"across the {w1.get('runs', 64)} runs, the ROC overlay, a heatmap per Matrix, a histogram per Distribution and the "
                  "parallel coordinates; Artifacta's time is the whole site (run pages, variants, tables, sweeps, "
                  "lineage, artifacts) and so does more. The site draws no overlay of a Series' index field against "
                  "itself, so W1 has 8 Series overlays (4 Series × loss, accuracy), not 12; the peers draw the same "
                  "charts as the site. Chromium: headless, from file://, median of "
                  f"{config['browser_repeat']} loads; the time is to the second animation frame after the load event "
                  "(navigation start to the page drawn).", ""]

    # The tracking server
    load = (results.get("http_ingest") or {}).get("load") or {}
    server = results.get("server") or {}
    if load or server:
        lines += ["### The tracking server (`artifacta ui`)", "",
                  "Load from `wrk` in another process on loopback, sharing the two cores with the server; "
                  "each run against a server just started on an empty store.", "",
                  "| route | connections | requests/s | mean latency | points/s | every point stored |", "|---|---|---|---|---|---|"]
        for key, route in (("health", "`GET /health`"), ("small_data", "`POST /api/runs/{id}/data`, 1 step × 2 fields"),
                           ("batch", "`POST /api/runs/{id}/batch`, 1,000 steps × 2 fields")):
            entry = load.get(key)
            if not entry:
                continue
            points = rate(entry["points_per_second"]) if entry.get("points_per_second") else ""
            stored = {True: "yes", False: "**no**", None: ""}[entry.get("every_point_stored")]
            lines.append(f"| {route} | {entry['connections']} | {entry['requests_per_second']:,.0f} | {entry['mean_latency_ms']:.1f} ms "
                         f"| {points} | {stored} |")
        lines.append("")
        live = server.get("live_plots") or {}
        if live:
            cold, warm = live["cold"], live["warm"]
            lines += [f"W1's live Plots page in headless Chromium: from a server just started, "
                      f"{cold['server_start_to_drawn_s']:.2f} s from starting `artifacta ui` to the page drawn "
                      f"(ready after {cold['server_start_to_ready_s']:.2f} s; the first request waits for the first build; "
                      f"navigation to drawn {cold['navigation_to_drawn_ms'] / 1e3:.2f} s); warm, "
                      f"{warm['navigation_to_drawn_ms'] / 1e3:.2f} s (load event {warm['navigation_to_load_ms'] / 1e3:.2f} s, "
                      f"median of {len(warm['all_drawn_ms'])}).", ""]
        soak = server.get("soak") or {}
        if soak:
            samples = soak["samples"]
            stride = max(1, len(samples) // 12)
            trace = ", ".join(f"{sample['rss_mb']:.0f}" for sample in samples[::stride])
            sample_every = round((samples[-2]["t"] - samples[0]["t"]) / max(1, len(samples) - 2), 1) if len(samples) > 2 else 0
            shown_every = sample_every * stride
            lines += [f"Memory soak: {soak['seconds'] / 60:.1f} min of logging (wrk, 8 connections, a 5 ms pause per request: "
                      f"{soak['logging_requests']:,} requests, {soak['logged_steps']:,} steps stored) and page views "
                      f"({soak['page_requests']:,}, {soak['page_errors']} failed) on a copy of the W1 store, each step "
                      f"making the live site rebuild (a 0.6 s build at most every other 1.2 s). Resident memory (MB), "
                      f"sampled every {sample_every:g} s, shown every {shown_every:.0f} s: {trace}. Second minute "
                      f"{soak['early_window_mb'][0]:.0f}–{soak['early_window_mb'][1]:.0f} MB, last minute "
                      f"{soak['late_window_mb'][0]:.0f}–{soak['late_window_mb'][1]:.0f} MB (between builds – during one), "
                      f"at most {soak['rss_max_mb']:.0f} MB.", ""]

    # Scaling
    scaling = results.get("scaling") or {}
    if scaling:
        lines += ["### Scaling", "",
                  f"Build time and peak memory of `artifacta build` as the runs grow (4 Series × 3 fields × "
                  f"{config['scaling_runs_steps']:,} steps each) and as one run's Series grows (1 Series × 3 fields). "
                  "The exponent is log(ratio of times) / log(ratio of sizes) from the previous size: 1 is linear.", "",
                  "| runs | points | read | build (wall) | exponent | build (CPU) | exponent | peak memory | exponent |",
                  "|---|---|---|---|---|---|---|---|---|"]
        scaling_rows(lines, scaling["by_runs"], scaling["by_runs_growth"], "runs")
        lines += ["", "| steps per Series | points | read | build (wall) | exponent | build (CPU) | exponent | peak memory | exponent |",
                  "|---|---|---|---|---|---|---|---|---|"]
        scaling_rows(lines, scaling["by_steps"], scaling["by_steps_growth"], "steps")
        lines += ["", "The same numbers are logged as runs into `bench-out/results-store` and drawn by Artifacta in "
                  "`bench-out/site` (project *benchmarks*: Plots shows build time and memory against runs and "
                  "against steps, and the ingest and report comparisons as bar charts).", ""]
    if results.get("errors"):
        lines += ["### Failed measurements", ""]
        for name, error in results["errors"].items():
            lines.append(f"- {name}: {error.splitlines()[0][:200]}")
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def update(document: str, section: str) -> str:
    if START in document and END in document:
        before = document[:document.index(START)]
        after = document[document.index(END) + len(END):]
        return before + section + after
    heading = document.find("\n## ")
    if heading < 0:
        return document.rstrip("\n") + "\n\n" + section + "\n"
    return document[:heading + 1] + section + "\n\n" + document[heading + 1:]


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "bench-out/results.json")
    target = Path(sys.argv[2] if len(sys.argv) > 2 else "BENCHMARKS.md")
    results = json.loads(source.read_text())
    target.write_text(update(target.read_text() if target.exists() else "# Benchmarks\n", markdown(results)))
    print(f"wrote the harness section of {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
