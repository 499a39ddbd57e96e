"""The seven kinds of data Artifacta logs, validated like the Swift ``ArtifactaCore`` primitives."""

from .bar_chart import BarChart
from .base import Primitive
from .curve import Curve
from .distribution import Distribution
from .matrix import Matrix
from .scatter import Scatter
from .series import Series
from .table import Table

__all__ = ["Primitive", "Series", "Distribution", "Scatter", "Matrix", "Curve", "BarChart", "Table"]
