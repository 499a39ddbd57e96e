"""``ds.autolog()``: automatic checkpoint logging for training frameworks.

This client does not yet hook any framework. It says so instead of pretending: with no
supported framework installed it warns that there is nothing to hook; with one installed it
raises, pointing to ``run.log_artifact`` for checkpoints.
"""

from __future__ import annotations

import importlib.util
import warnings

#: The frameworks the guide names for autolog.
FRAMEWORKS = ("pytorch_lightning", "lightning", "tensorflow", "keras")


def autolog(log_checkpoints: bool = True) -> None:
    """Would log a checkpoint per epoch for PyTorch Lightning or Keras; see the module note.

    Args:
        log_checkpoints: ``False`` asks for no checkpoint logging, which is always honoured.

    Raises:
        NotImplementedError: a supported framework is installed; hooking it is not implemented yet.
    """
    if not log_checkpoints:
        return
    installed = [name for name in FRAMEWORKS if importlib.util.find_spec(name) is not None]
    if not installed:
        warnings.warn(
            "ds.autolog(): none of pytorch_lightning, lightning, tensorflow, keras is installed, so no "
            "checkpoints will be logged; log files with run.log_artifact(name, path)",
            RuntimeWarning,
            stacklevel=2,
        )
        return
    raise NotImplementedError(
        f"ds.autolog() cannot hook {', '.join(installed)} yet in this client; log checkpoints with "
        "run.log_artifact(name, path) from a callback"
    )
