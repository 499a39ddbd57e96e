"""``ds.autolog()`` with the real frameworks: a checkpoint artifact per epoch.

These run where PyTorch Lightning and Keras are installed (``scripts/test-autolog.sh`` makes
such a venv: Debian's PyTorch, pytorch-lightning and tensorflow-cpu from PyPI, where a missing
framework is a failure) and are skipped elsewhere.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

import artifacta as ds
from conftest import CLIENT_ROOT, framework
from storeread import rows

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def checkpoints(store: str):
    """The run's checkpoint artifacts: (name, metadata, path of the stored file)."""
    found = []
    for artifact in rows(store, "SELECT * FROM artifacts WHERE name LIKE 'checkpoint-epoch-%' ORDER BY id"):
        (file,) = rows(store, "SELECT * FROM artifact_files WHERE artifact_id = ?", artifact["id"])
        found.append((artifact["name"], json.loads(artifact["metadata"]), os.path.join(store, "blobs", file["hash"][:2], file["hash"])))
    return found


def lightning_model():
    import torch

    pl = framework("pytorch_lightning")

    class Regression(pl.LightningModule):
        def __init__(self):
            super().__init__()
            self.layer = torch.nn.Linear(3, 1)

        def training_step(self, batch, _):
            x, y = batch
            loss = torch.nn.functional.mse_loss(self.layer(x), y)
            self.log("train_loss", loss)
            return loss

        def configure_optimizers(self):
            return torch.optim.SGD(self.parameters(), lr=0.1)

    generator = torch.Generator().manual_seed(0)
    x = torch.randn(64, 3, generator=generator)
    y = x @ torch.tensor([[1.0], [-2.0], [0.5]])
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=16)
    return Regression(), loader


def test_lightning_logs_a_checkpoint_per_epoch(store):
    pl = framework("pytorch_lightning")
    import torch

    model, loader = lightning_model()
    ds.init(project="autolog", name="lightning", capture=False)
    ds.autolog()
    trainer = pl.Trainer(max_epochs=3, logger=False, enable_checkpointing=False, enable_progress_bar=False,
                         enable_model_summary=False, accelerator="cpu")
    trainer.fit(model, loader)
    ds.finish()
    found = checkpoints(store)
    assert [name for name, _, _ in found] == ["checkpoint-epoch-1", "checkpoint-epoch-2", "checkpoint-epoch-3"]
    name, metadata, path = found[-1]
    assert (metadata["framework"], metadata["epoch"], metadata["global_step"]) == ("PyTorch Lightning", 3, 12)
    assert metadata["metrics"]["train_loss"] >= 0
    saved = torch.load(path)
    assert saved["epoch"] == 2 and "layer.weight" in saved["state_dict"]


def test_keras_logs_a_checkpoint_per_epoch(store):
    keras = framework("keras")
    import numpy as np

    ds.init(project="autolog", name="keras", capture=False)
    ds.autolog()
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    x = np.random.default_rng(0).normal(size=(64, 3)).astype("float32")
    model.fit(x, x @ np.array([[1.0], [-2.0], [0.5]], dtype="float32"), epochs=2, verbose=0)
    ds.finish()
    found = checkpoints(store)
    assert [name for name, _, _ in found] == ["checkpoint-epoch-1", "checkpoint-epoch-2"]
    _, metadata, path = found[-1]
    assert metadata["epoch"] == 2 and metadata["framework"].startswith("Keras") and "loss" in metadata["metrics"]
    # The stored blob has no extension: Keras' loader wants one.
    named = os.path.join(os.path.dirname(store), "restored.keras")
    os.symlink(path, named)
    assert keras.models.load_model(named).count_params() == model.count_params()


def test_checkpoint_logging_can_be_turned_off(store):
    keras = framework("keras")
    import numpy as np

    ds.init(project="autolog", name="off", capture=False)
    ds.autolog()
    ds.autolog(log_checkpoints=False)
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.zeros((8, 2), "float32"), np.zeros((8, 1), "float32"), epochs=2, verbose=0)
    ds.finish()
    assert checkpoints(store) == []


def test_autolog_before_the_import_hooks_the_framework_and_starts_a_run(tmp_path):
    """The guide's order without ds.init(): autolog, then import, then fit; a run is started."""
    framework("pytorch_lightning")
    store = str(tmp_path / "store")
    code = textwrap.dedent("""
        import artifacta as ds
        ds.autolog()
        import pytorch_lightning as pl
        import test_autolog
        model, loader = test_autolog.lightning_model()
        pl.Trainer(max_epochs=2, logger=False, enable_checkpointing=False, enable_progress_bar=False,
                   enable_model_summary=False).fit(model, loader)
    """)
    tests = os.path.dirname(__file__)
    env = dict(os.environ, ARTIFACTA_STORE=store, PYTHONPATH=os.pathsep.join([CLIENT_ROOT, tests]))
    completed = subprocess.run([sys.executable, "-c", code], env=env, cwd=str(tmp_path), capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert [name for name, _, _ in checkpoints(store)] == ["checkpoint-epoch-1", "checkpoint-epoch-2"]
    (run,) = rows(store, "SELECT * FROM runs")
    assert run["status"] == "finished"
