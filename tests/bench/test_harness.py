"""The benchmark harness itself: `Benchmarks/bench.py --quick --no-peers` runs end to end.

Uses the executables in ``$ARTIFACTA_BENCH_BIN``, else ``.build/release`` when
artifacta-site-bench is there (scripts/bench.sh builds it), else ``.build/debug``. Checks
the keys of results.json, that no measurement failed, that the report section of
BENCHMARKS.md is written between its markers and keeps the rest of the file, and that the
harness built its own results site.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Benchmarks"))

import report  # noqa: E402


def binaries() -> Path:
    if os.environ.get("ARTIFACTA_BENCH_BIN"):
        return Path(os.environ["ARTIFACTA_BENCH_BIN"])
    release = ROOT / ".build" / "release"
    return release if (release / "artifacta-site-bench").exists() else ROOT / ".build" / "debug"


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict:
    folder = binaries()
    for name in ("artifacta", "artifacta-site-bench", "artifacta-bench", "artifacta-test-writer"):
        if not (folder / name).exists():
            pytest.fail(f"{folder / name} is missing: run `swift build` (or scripts/bench.sh) first, or set ARTIFACTA_BENCH_BIN")
    out = tmp_path_factory.mktemp("bench")
    completed = subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "bench.py"), "--quick", "--no-peers",
                                "--bin", str(folder), "--out", str(out)], capture_output=True, text=True, timeout=900)
    assert completed.returncode == 0, completed.stderr[-4000:]
    data = json.loads((out / "results.json").read_text())
    data["_out"] = str(out)
    return data


def test_machine_and_mode(results):
    assert results["mode"] == "quick" and results["peers"] is False
    assert results["errors"] == {}
    for key in ("cpus", "cpu_model", "memory_gib", "load_average_start", "load_average_end", "swift", "date"):
        assert key in results["machine"], key


def test_ingest(results):
    swift = results["swift_ingest"]
    for key in ("batched", "per_step", "eight_processes"):
        assert swift[key]["points"] > 0 and swift[key]["points_per_second"] > 0
    assert swift["read_back"]["seconds"] > 0
    python = results["python_ingest"]
    for key in ("per-step", "log-only", "large"):
        entry = python[key]
        assert entry["stored_points"] == entry["points"] > 0
        assert entry["points_per_second"] > 0 and entry["microseconds_per_call"] > 0 and entry["peak_rss_mb"] > 0
    http = results["http_ingest"]
    for entry in http["python"].values():
        assert entry["stored_points"] == entry["points"] > 0 and entry["points_per_second"] > 0
    for key in ("health", "small_data", "batch"):
        assert http["load"][key]["requests_per_second"] > 0 and http["load"][key]["non_2xx"] == 0, key
    assert http["load"]["small_data"]["every_point_stored"] and http["load"]["batch"]["every_point_stored"]
    assert "peer_ingest" not in results and "peer_reports" not in results


def test_workloads(results):
    for key in ("w1", "w1x10"):
        workload = results[key]
        for field in ("points", "read_seconds", "build_seconds", "build_over_read", "build_peak_rss_mb",
                      "site_bytes", "site_pages", "largest_chart_bytes", "plots_page"):
            assert workload[field], (key, field)
        assert workload["points"] == workload["runs"] * workload["series_per_run"] * 3 * workload["steps"]
    assert results["w1x10"]["runs"] == 10 * results["w1"]["runs"]


def test_browser(results):
    browser = results["browser"]
    if browser["measured"]:
        assert browser["artifacta"]["median_frame_ms"] > 0
    else:  # no selenium or Chromium in this Python: the harness says so instead of failing
        assert browser["reason"].startswith("not measured")


def test_server(results):
    server = results["server"]
    live = server["live_plots"]
    assert live["cold"]["server_start_to_drawn_s"] > live["cold"]["server_start_to_ready_s"] > 0
    assert live["warm"]["navigation_to_drawn_ms"] > 0
    soak = server["soak"]
    assert soak["logged_steps"] > 0 and soak["page_requests"] > 0 and soak["page_errors"] == 0
    assert soak["growth"] is not None and len(soak["samples"]) >= 3


def test_scaling(results):
    scaling = results["scaling"]
    assert [row["runs"] for row in scaling["by_runs"]] == results["config"]["scaling_runs"]
    assert [row["steps"] for row in scaling["by_steps"]] == results["config"]["scaling_steps"]
    for row in scaling["by_runs"] + scaling["by_steps"]:
        assert row["build_seconds"] > 0 and row["build_peak_rss_mb"] > 0
    for key in ("by_runs_growth", "by_steps_growth"):
        assert scaling[key]["build_seconds"]["last"] is not None


def test_targets_and_ratios(results):
    names = [row["target"] for row in results["targets"]]
    assert any("Trackio" in name for name in names) and any("matplotlib" in name for name in names)
    by_name = {row["target"]: row for row in results["targets"]}
    assert by_name["per-step logging ≥ 3× Trackio"]["met"] is None  # no peers: not measured, not faked
    assert by_name["ds.log ≤ 20 µs per call"]["met"] in (True, False)
    assert results["ratios"]["build_over_read"] > 0


def test_results_site(results):
    site = Path(results["results_site"]["site"])
    assert (site / "index.html").exists()
    plots = (site / "p" / "benchmarks" / "plots.html").read_text()
    assert "scaling/runs" in plots and "build_seconds" in plots


def test_report_section(results):
    section = report.markdown(results)
    assert section.startswith(report.START) and section.endswith(report.END)
    assert "| 4 | W1 build ≤ 5× the time to read its data |" in section
    document = "# Benchmarks\n\nIntro.\n\n## Store\n\nHand-written.\n"
    once = report.update(document, section)
    assert "Intro." in once and "Hand-written." in once and once.index(report.START) < once.index("## Store")
    twice = report.update(once, section.replace("quick mode", "QUICK"))
    assert twice.count(report.START) == 1 and "QUICK" in twice and "Hand-written." in twice
