"""kill -9 at random moments: the store always opens whole, nothing acknowledged is lost, and
the previous site is always intact. A full disk gives a clear error and no corruption."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import TRIALS, binary, check_store

RANDOM = random.Random(int(os.environ.get("ARTIFACTA_FAULT_SEED", "7")))


def kill_after(process: subprocess.Popen, seconds: float) -> None:
    time.sleep(seconds)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()


def test_a_writer_killed_at_random_moments_leaves_a_whole_store(tmp_path):
    store = tmp_path / "store"
    for trial in range(TRIALS):
        writer = subprocess.Popen([binary("artifacta-test-writer"), "--store", str(store), "--run-id", f"w{trial}",
                                   "--points", "5000000", "--batch", "500"], stderr=subprocess.PIPE)
        kill_after(writer, RANDOM.uniform(0.2, 2.5))
        check_store(store, only=f"w{trial}")
    listed = subprocess.run([binary("artifacta"), "runs", "--store", str(store)], capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    assert "crashed" in listed.stdout or "finished" in listed.stdout


def snapshot(folder: Path) -> dict:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_build_killed_at_random_moments_leaves_the_previous_site_intact(tmp_path):
    store, site = tmp_path / "store", tmp_path / "site"
    subprocess.run([binary("classification-example"), "--store", str(store), "--runs", "6"], check=True, capture_output=True)
    subprocess.run([binary("artifacta"), "build", "--store", str(store), "--out", str(site)], check=True, capture_output=True)
    before = snapshot(site)
    assert "index.html" in before
    for _ in range(TRIALS):
        build = subprocess.Popen([binary("artifacta"), "build", "--store", str(store), "--out", str(site)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kill_after(build, RANDOM.uniform(0.0, 1.5))
        # Either the old site or a finished new one (the same bytes: builds are deterministic).
        assert snapshot(site) == before
    after = subprocess.run([binary("artifacta"), "build", "--store", str(store), "--out", str(site)], capture_output=True, text=True)
    assert after.returncode == 0, after.stderr
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name], "a later build sweeps away killed builds' folders"


def start_server(store: Path) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen([binary("artifacta"), "ui", "--store", str(store), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = server.stdout.readline()
        found = re.search(r"serving at (http://127\.0\.0\.1:\d+)/", line)
        if found:
            return server, found.group(1)
    server.kill()
    raise AssertionError("artifacta ui did not say where it serves")


def post(url: str, path: str, body: dict) -> int:
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status


def test_the_server_killed_at_random_moments_loses_nothing_it_acknowledged(tmp_path):
    store = tmp_path / "store"
    for trial in range(TRIALS):
        server, url = start_server(store)
        run_id = f"s{trial}"
        assert post(url, "/api/runs", {"run_id": run_id, "project": "faults", "name": run_id}) == 201
        acknowledged = [0]

        def log_until_gone() -> None:
            step = 0
            while True:
                steps = list(range(step, step + 200))
                body = {"entries": [{"name": "metrics", "primitive_type": "Series",
                                     "data": {"index": "step", "fields": {"step": steps, "value": [2 * s for s in steps]}}}]}
                try:
                    post(url, f"/api/runs/{run_id}/batch", body)
                except Exception:
                    return
                step += 200
                acknowledged[0] = step

        logger = threading.Thread(target=log_until_gone)
        logger.start()
        kill_after(server, RANDOM.uniform(0.3, 2.0))
        logger.join(timeout=30)
        stored = check_store(store, only=run_id)
        assert stored.get(run_id, 0) >= acknowledged[0], f"trial {trial}: {acknowledged[0]} points acknowledged, {stored.get(run_id, 0)} stored"


def test_a_full_disk_is_a_clear_error_and_corrupts_nothing(tmp_path):
    disk = tmp_path / "small-disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)], capture_output=True, text=True)
    assert mounted.returncode == 0, f"this test mounts a small tmpfs and needs root: {mounted.stderr}"
    try:
        store = disk / "store"
        writer = subprocess.run([binary("artifacta-test-writer"), "--store", str(store), "--run-id", "full",
                                 "--points", "2000000", "--batch", "20000"], capture_output=True, text=True, timeout=300)
        assert writer.returncode != 0, "2 million points cannot fit in 3 MB"
        assert re.search(r"full|space", writer.stderr, re.IGNORECASE), writer.stderr
        check_store(store)
        listed = subprocess.run([binary("artifacta"), "runs", "--store", str(store)], capture_output=True, text=True)
        assert listed.returncode == 0, listed.stderr
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)
