"""Every Python snippet of the user guide runs verbatim against the client.

The snippets are read from shared/reference/artifacta-guide.rst (or $ARTIFACTA_GUIDE) at test
time. What they leave to the reader is provided around them, never edited into them:
``train_model()``, the files they log, and ``y_true``/``y_scores`` for the ROC snippet (with a
small stand-in for ``sklearn.metrics`` when scikit-learn is not installed).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
import textwrap
import types
import warnings

import pytest

import artifacta as ds
from conftest import framework as require_framework, run_child
from storeread import only_run, payload, rows, series_points

GUIDE = os.environ.get("ARTIFACTA_GUIDE", "/work/shared/reference/artifacta-guide.rst")


def snippets():
    if not os.path.exists(GUIDE):
        pytest.skip(f"the guide is not at {GUIDE}; set ARTIFACTA_GUIDE")
    text = open(GUIDE, encoding="utf-8").read()
    blocks = re.findall(r"\.\. code-block:: python\n\n((?:(?:   .*)?\n)+)", text)
    return [re.sub(r"^   ", "", block, flags=re.M).strip() + "\n" for block in blocks]


def snippet(containing: str) -> str:
    (found,) = [s for s in snippets() if containing in s]
    return found


def test_the_guide_has_the_snippets_this_file_runs():
    assert len(snippets()) == 12


def test_basic_usage_runs_verbatim_and_finishes_at_exit(store, tmp_path):
    (tmp_path / "path" / "to").mkdir(parents=True)
    (tmp_path / "path" / "to" / "model.pt").write_bytes(b"model")
    prelude = "import random\ndef train_model():\n    return random.random()\n"
    result = run_child(prelude + snippet("Initialize a run"), store, cwd=str(tmp_path))
    assert result.returncode == 0, result.stderr
    run = only_run(store)
    assert (run["name"], run["status"], run["config"]) == ("experiment-1", "finished", '{"learning_rate":0.001,"batch_size":32}')
    (entry,) = rows(store, "SELECT * FROM entries")
    assert (entry["name"], entry["point_count"]) == ("metrics", 10)
    assert series_points(store, run["id"], "metrics")["epoch"] == [float(e) for e in range(10)]
    assert rows(store, "SELECT name, kind FROM artifacts")[0]["name"] == "model.pt"


def fake_sklearn_metrics(np):
    """roc_curve and auc computed directly, for when scikit-learn is not installed."""
    def roc_curve(y_true, y_scores):
        order = np.argsort(-np.asarray(y_scores), kind="stable")
        truth = np.asarray(y_true)[order]
        tps, fps = np.cumsum(truth), np.cumsum(1 - truth)
        return (np.concatenate([[0], fps / fps[-1]]), np.concatenate([[0], tps / tps[-1]]), None)

    def auc(x, y):
        return float(np.sum((x[1:] - x[:-1]) * (y[1:] + y[:-1]) / 2))

    module = types.ModuleType("sklearn.metrics")
    module.roc_curve, module.auc = roc_curve, auc
    return module


PRIMITIVES = {
    "ds.Series(": ("training", "Series"),
    "ds.Distribution(": ("weights", "Distribution"),
    "ds.Scatter(": ("embeddings", "Scatter"),
    "ds.Matrix(": ("confusion_matrix", "Matrix"),
    "ds.Curve(": ("roc_curve", "Curve"),
    "ds.BarChart(": ("model_comparison", "BarChart"),
    "ds.Table(": ("top_variants", "Table"),
}


@pytest.mark.parametrize("marker", list(PRIMITIVES))
def test_each_primitive_snippet_runs_verbatim(run, store, monkeypatch, marker):
    code = [s for s in snippets() if marker in s and "ds.init" not in s][0]
    namespace = {"ds": ds}
    if "numpy" in code or "sklearn" in code:
        np = pytest.importorskip("numpy")
        namespace.update(y_true=[0, 0, 1, 1, 0, 1], y_scores=[0.1, 0.4, 0.35, 0.8, 0.2, 0.9])
        if "sklearn" in code and importlib.util.find_spec("sklearn") is None:
            monkeypatch.setitem(sys.modules, "sklearn", types.ModuleType("sklearn"))
            monkeypatch.setitem(sys.modules, "sklearn.metrics", fake_sklearn_metrics(np))
    exec(compile(code, "guide", "exec"), namespace)
    run.finish()
    name, kind = PRIMITIVES[marker]
    (entry,) = rows(store, "SELECT name, primitive_type FROM entries")
    assert tuple(entry) == (name, kind)
    if kind == "Curve":
        assert payload(store, run.id, name)["baseline"] == "diagonal"


def test_the_artifact_snippet_runs_verbatim(run, store, tmp_path):
    (tmp_path / "checkpoints").mkdir()
    (tmp_path / "checkpoints" / "resnet50_best.pt").write_bytes(b"w")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "train.py").write_text("pass\n")
    exec(compile(snippet("run.log_artifact(\"training_code\""), "guide", "exec"), {"run": run, "ds": ds})
    run.finish()
    assert [tuple(r) for r in rows(store, "SELECT name, kind FROM artifacts ORDER BY id")] == [
        ("model_checkpoint", "file"), ("training_code", "directory")]


def test_the_autolog_options_snippet_runs_verbatim(run):
    """Both calls run; without a framework the first warns that nothing will be logged."""
    autolog = importlib.import_module("artifacta.autolog")  # the module (``ds.autolog`` is the function)
    code = snippet("ds.autolog(log_checkpoints=False)")
    installed = any(importlib.util.find_spec(name) for name in ("pytorch_lightning", "lightning", "tensorflow", "keras"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(compile(code, "guide", "exec"), {"ds": ds})
    messages = [str(warning.message) for warning in caught if "autolog" in str(warning.message)]
    assert messages == ([] if installed else [messages[0]]) and all("no checkpoints will be logged" in m for m in messages)
    assert autolog._log_checkpoints is False


# What the framework snippets leave to the reader: a model and its data, made before the
# snippet runs verbatim in its own process (PyTorch and TensorFlow cannot share one).
FRAMEWORK_PRELUDES = {
    "pytorch_lightning": """
        import torch, pytorch_lightning
        class Regression(pytorch_lightning.LightningModule):
            def __init__(self):
                super().__init__()
                self.layer = torch.nn.Linear(3, 1)
            def training_step(self, batch, _):
                x, y = batch
                return torch.nn.functional.mse_loss(self.layer(x), y)
            def configure_optimizers(self):
                return torch.optim.SGD(self.parameters(), lr=0.1)
        x = torch.randn(32, 3)
        train_loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, x.sum(1, keepdim=True)), batch_size=8)
        model = Regression()
    """,
    "tensorflow": """
        import numpy, tensorflow
        model = tensorflow.keras.Sequential([tensorflow.keras.Input(shape=(3,)), tensorflow.keras.layers.Dense(1)])
        x_train = numpy.random.default_rng(0).normal(size=(32, 3)).astype("float32")
        y_train = x_train.sum(axis=1, keepdims=True)
    """,
}


@pytest.mark.parametrize("framework, marker", [("pytorch_lightning", "import pytorch_lightning as pl"),
                                               ("tensorflow", "import tensorflow as tf")])
def test_the_framework_autolog_snippets_run_verbatim(framework, marker, tmp_path):
    require_framework(framework)  # skipped where not installed; scripts/test-autolog.sh runs it with it
    code = textwrap.dedent(FRAMEWORK_PRELUDES[framework]) + snippet(marker)
    store = str(tmp_path / "store")
    child = run_child(code, store, cwd=str(tmp_path), timeout=600)
    assert child.returncode == 0, child.stderr[-3000:]
    names = [row["name"] for row in rows(store, "SELECT name FROM artifacts ORDER BY id")]
    assert names == [f"checkpoint-epoch-{epoch}" for epoch in range(1, 11)]
    assert only_run(store)["status"] == "finished"
