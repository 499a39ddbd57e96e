"""The errors the client raises."""

from __future__ import annotations


class ArtifactaError(Exception):
    """Base of every error Artifacta raises on purpose."""


class ValidationError(ArtifactaError, ValueError):
    """Input that breaks one of Artifacta's rules; nothing of it was stored.

    The message names the field and the index, with the same words as the Swift side,
    e.g. ``Series: field "accuracy" has 2 values but "loss" has 3``.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def prefixed(self, context: str) -> "ValidationError":
        """The same error with ``context`` in front, e.g. ``Series "training": …``."""
        return ValidationError(f"{context}: {self.message}")


class StoreError(ArtifactaError):
    """The store cannot be used: a newer schema, a failed write, a closed run."""


class ServerError(ArtifactaError):
    """The tracking server refused a request (an unknown run, a conflict); ``status`` is the HTTP status."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


class AuthenticationError(ServerError):
    """The tracking server refused the access token (HTTP 401)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, 401)
