"""The Python client and the Swift side share one store: each reads what the other wrote."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

import artifacta as ds

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
ARTIFACTA = os.path.join(REPO_ROOT, ".build", "debug", "artifacta")
EXAMPLE = os.path.join(REPO_ROOT, ".build", "debug", "classification-example")


def artifacta(*arguments: str) -> subprocess.CompletedProcess:
    """Runs the Swift command line; `make test` builds it before the Python tests run."""
    if not os.path.exists(ARTIFACTA):
        pytest.fail(f"{ARTIFACTA} is missing: run `swift build --product artifacta` (make test does) first")
    return subprocess.run([ARTIFACTA, *arguments], capture_output=True, text=True, timeout=300)


def test_the_guides_per_epoch_loop_logged_from_python_is_one_line_of_ten_points_in_the_site(store, tmp_path):
    run = ds.init(project="my-project", name="experiment-1", config={"learning_rate": 0.001, "batch_size": 32})
    for epoch in range(10):
        train_loss = 1.0 / (epoch + 1)
        ds.log("metrics", ds.Series(index="epoch", fields={"train_loss": [train_loss], "epoch": [epoch]}))
    model = tmp_path / "model.pt"
    model.write_bytes(b"weights")
    run.log_artifact("model.pt", str(model))
    ds.finish()

    shown = artifacta("show", "--store", store, run.id)
    assert shown.returncode == 0, shown.stderr
    assert "metrics" in shown.stdout and "10 points, x: epoch" in shown.stdout
    assert "learning_rate  0.001" in shown.stdout
    assert "model.pt" in shown.stdout and "output" in shown.stdout

    site = tmp_path / "site"
    built = artifacta("build", "--store", store, "--out", str(site))
    assert built.returncode == 0, built.stderr
    plots = (site / "p" / "my-project" / "plots.html").read_text()
    groups = re.findall(r'data-run="%s"><title>.*?</title><path class="ac-line" d="([^"]*)"' % run.id, plots)
    assert len(groups) == 1, "one line, not one per log call"
    assert len(re.findall(r"-?[0-9.]+", groups[0])) == 20, "ten vertices"
    runs_page = (site / "p" / "my-project" / "index.html").read_text()
    assert "experiment-1" in runs_page and "finished" in runs_page


def test_python_appends_to_a_store_the_swift_side_created(tmp_path, monkeypatch):
    store = str(tmp_path / "store")
    made = subprocess.run([EXAMPLE, "--store", store, "--runs", "1", "--epochs", "3"], capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    monkeypatch.setenv("ARTIFACTA_STORE", store)
    run = ds.init(project="classification", name="from-python", config={"learning_rate": 0.5, "l2": 0.0})
    ds.log("metrics", ds.Series(index="epoch", fields={"epoch": [1, 2], "train_loss": [float("nan"), 0.25]}))
    ds.finish()
    listed = artifacta("runs", "--store", store)
    assert listed.returncode == 0, listed.stderr
    assert "from-python" in listed.stdout and "logreg-lr0.3" in listed.stdout
    assert "train_loss 0.25" in listed.stdout
