"""``ds.autolog()``: a model checkpoint logged as an artifact at the end of every epoch.

Supported: PyTorch Lightning (``lightning.pytorch`` or ``pytorch_lightning``: every ``Trainer``
gets a callback) and Keras (Keras 3, or ``tf.keras``: every ``Model.fit`` gets a callback). A
framework imported after ``ds.autolog()`` is hooked when it is imported; nothing is imported
that the script does not import itself.

Each checkpoint goes to the current run (one is started, as ``ds.init()`` would, when there is
none) as an output artifact named ``checkpoint-epoch-N`` (N from 1), with metadata naming the
framework, the epoch, the global step where the framework has one, and the epoch's metrics.
Metrics themselves are not logged: use ``ds.log()`` with primitives for those.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import math
import os
import shutil
import sys
import tempfile
import threading
import warnings
from typing import Any, Callable, Dict, Optional

from . import lifecycle

#: The modules autolog hooks, and what each is.
FRAMEWORKS = {
    "lightning.pytorch": "PyTorch Lightning",
    "pytorch_lightning": "PyTorch Lightning",
    "keras": "Keras",
    "tensorflow": "Keras (tf.keras)",
}

_lock = threading.Lock()
_log_checkpoints = False
_hooked: set = set()
_finder: Optional["_ImportHook"] = None


def autolog(log_checkpoints: bool = True) -> None:
    """Logs a model checkpoint every epoch for PyTorch Lightning and Keras.

    Args:
        log_checkpoints: ``False`` turns checkpoint logging off again (hooks already in place
            then do nothing).

    With none of the frameworks installed this warns that nothing will be logged.
    """
    global _log_checkpoints
    with _lock:
        _log_checkpoints = log_checkpoints
    if not log_checkpoints:
        return
    installed = [name for name in FRAMEWORKS if _installed(name)]
    if not installed:
        warnings.warn(
            "ds.autolog(): none of pytorch_lightning, lightning, tensorflow, keras is installed, so no "
            "checkpoints will be logged; log files with run.log_artifact(name, path)",
            RuntimeWarning,
            stacklevel=2,
        )
        return
    for name in FRAMEWORKS:
        if name in sys.modules:
            _hook(name)
    _install_import_hook()


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


# --- hooking -------------------------------------------------------------------------------


def _hook(name: str) -> None:
    """Patches one framework module, once."""
    with _lock:
        if name in _hooked:
            return
        _hooked.add(name)
    module = sys.modules.get(name)
    if module is None:
        return
    if name in ("lightning.pytorch", "pytorch_lightning"):
        _hook_lightning(module)
    elif name == "keras":
        _hook_keras(module)
    elif name == "tensorflow":
        keras = getattr(module, "keras", None)
        if keras is not None:
            _hook_keras(keras, label="Keras (tf.keras)")


class _ImportHook(importlib.abc.MetaPathFinder):
    """Hooks a framework right after the script imports it."""

    def find_spec(self, fullname, path, target=None):  # noqa: D401 - the finder protocol
        if fullname not in FRAMEWORKS or fullname in _hooked:
            return None
        # Let the normal finders find it, then wrap its loader to hook after execution.
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
                spec.loader = _HookingLoader(spec.loader, fullname)
                return spec
        return None


class _HookingLoader(importlib.abc.Loader):
    def __init__(self, loader, name: str) -> None:
        self.loader = loader
        self.name = name

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        self.loader.exec_module(module)
        _hook(self.name)


def _install_import_hook() -> None:
    global _finder
    with _lock:
        if _finder is None:
            _finder = _ImportHook()
            sys.meta_path.insert(0, _finder)


# --- PyTorch Lightning ---------------------------------------------------------------------


def _hook_lightning(module: Any) -> None:
    trainer_class = getattr(module, "Trainer", None)
    callback_base = getattr(module, "Callback", None)
    if trainer_class is None or callback_base is None:
        return

    class ArtifactaCheckpoints(callback_base):  # type: ignore[misc, valid-type]
        """Saves and logs a checkpoint at the end of each training epoch (rank 0 only)."""

        def on_train_epoch_end(self, trainer, pl_module) -> None:  # noqa: ANN001
            if not _log_checkpoints or getattr(trainer, "global_rank", 0) != 0 or getattr(trainer, "sanity_checking", False):
                return
            epoch = int(trainer.current_epoch) + 1
            metadata = {"framework": "PyTorch Lightning", "epoch": epoch, "global_step": int(trainer.global_step),
                        "metrics": _numbers(getattr(trainer, "callback_metrics", {}) or {})}
            _log_checkpoint(epoch, ".ckpt", trainer.save_checkpoint, metadata)

    original_init = trainer_class.__init__

    def __init__(self, *args, **kwargs):  # noqa: N807
        original_init(self, *args, **kwargs)
        callbacks = getattr(self, "callbacks", None)
        if isinstance(callbacks, list) and not any(isinstance(c, ArtifactaCheckpoints) for c in callbacks):
            callbacks.append(ArtifactaCheckpoints())

    __init__.__wrapped__ = original_init  # type: ignore[attr-defined]
    trainer_class.__init__ = __init__


# --- Keras ---------------------------------------------------------------------------------


def _hook_keras(keras: Any, label: str = "Keras") -> None:
    model_class = getattr(keras, "Model", None)
    callbacks_module = getattr(keras, "callbacks", None)
    callback_base = getattr(callbacks_module, "Callback", None) if callbacks_module else None
    if model_class is None or callback_base is None or getattr(model_class.fit, "__artifacta__", False):
        return

    class ArtifactaCheckpoints(callback_base):  # type: ignore[misc, valid-type]
        """Saves and logs the model at the end of each epoch."""

        def on_epoch_end(self, epoch, logs=None) -> None:  # noqa: ANN001
            if not _log_checkpoints:
                return
            number = int(epoch) + 1
            metadata = {"framework": label, "epoch": number, "metrics": _numbers(logs or {})}
            _log_checkpoint(number, ".keras", self.model.save, metadata)

    original_fit = model_class.fit

    def fit(self, *args, **kwargs):
        callbacks = list(kwargs.get("callbacks") or [])
        if not any(isinstance(c, ArtifactaCheckpoints) for c in callbacks):
            callbacks.append(ArtifactaCheckpoints())
        kwargs["callbacks"] = callbacks
        return original_fit(self, *args, **kwargs)

    fit.__artifacta__ = True  # type: ignore[attr-defined]
    fit.__wrapped__ = original_fit  # type: ignore[attr-defined]
    fit.__doc__ = original_fit.__doc__
    model_class.fit = fit


# --- logging -------------------------------------------------------------------------------


def _log_checkpoint(epoch: int, suffix: str, save: Callable[[str], Any], metadata: Dict[str, Any]) -> None:
    """Saves a checkpoint into a temporary folder and logs it to the current run."""
    folder = tempfile.mkdtemp(prefix="artifacta-checkpoint-")
    try:
        path = os.path.join(folder, f"checkpoint-epoch-{epoch}{suffix}")
        save(path)
        _run().log_artifact(f"checkpoint-epoch-{epoch}", path, metadata=metadata)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run():
    """The current run; one is started (as ``ds.init()`` would) when there is none."""
    try:
        return lifecycle.current()
    except Exception:  # no active run
        from .api import init

        return init()


def _numbers(metrics: Dict[str, Any]) -> Dict[str, Any]:
    """The epoch's metrics as JSON numbers (tensors and numpy scalars included); others dropped."""
    result: Dict[str, Any] = {}
    for key, value in metrics.items():
        try:
            number = float(value.item() if hasattr(value, "item") else value)
        except (TypeError, ValueError):
            continue
        result[str(key)] = number if math.isfinite(number) else str(number)
    return result
