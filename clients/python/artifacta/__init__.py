"""Artifacta's Python client: ``import artifacta as ds``.

Logs runs, primitives, artifacts and notes to a local Artifacta store (docs/STORE.md),
which ``artifacta build`` turns into a static report site. Standard library only; numpy
values are accepted when numpy is installed.
"""

from .api import create_note, finish, init, log
from .artifacts import Artifact, ArtifactFile, ArtifactPathError
from .autolog import autolog
from .environment import CAPTURE_ALL
from .errors import ArtifactaError, AuthenticationError, ServerError, StoreError, ValidationError
from .primitives import BarChart, Curve, Distribution, Matrix, Primitive, Scatter, Series, Table
from .run import Run

__version__ = "0.1.0"

__all__ = [
    "init", "log", "finish", "create_note", "autolog", "Run", "CAPTURE_ALL",
    "Primitive", "Series", "Distribution", "Scatter", "Matrix", "Curve", "BarChart", "Table",
    "Artifact", "ArtifactFile", "ArtifactaError", "ArtifactPathError", "StoreError", "ValidationError",
    "ServerError", "AuthenticationError",
]
