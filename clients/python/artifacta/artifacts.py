"""Artifacts: a file or a directory copied into the blob folder, then recorded as rows.

A directory's hash is the SHA-256 of its manifest: for each regular file sorted by path
(byte order), the line ``<sha256>  <size_bytes>  <path>\\n``. Symbolic links inside a
directory are neither followed nor stored.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

from .blobs import BlobStore
from .describe import quoted
from .errors import ArtifactaError, ValidationError
from .jsontext import dumps, to_json
from .media_types import DIRECTORY, media_type_for
from .names import validate_name

ROLES = ("input", "output")


class ArtifactPathError(ArtifactaError, FileNotFoundError):
    """The path given for an artifact or an attachment holds no file or directory."""


@dataclass(frozen=True)
class ArtifactFile:
    """One file of an artifact: its relative path and the blob holding its content."""

    path: str
    hash: str
    size_bytes: int
    media_type: str


@dataclass(frozen=True)
class Artifact:
    """A logged artifact, its content already in the store's blob folder."""

    name: str
    kind: str
    hash: str
    size_bytes: int
    media_type: str
    metadata: Any
    source_path: str
    created_at: float
    files: Tuple[ArtifactFile, ...]


def validate_role(role: Any) -> str:
    """``input`` or ``output``; raises ``role must be "input" or "output", not "x"``."""
    if role not in ROLES:
        raise ValidationError(f'role must be "input" or "output", not {quoted(str(role))}')
    return role


def validate_relative_path(path: str) -> None:
    """Checks a path inside a directory artifact: ``/``-separated, no empty, ``.`` or ``..`` part."""
    if not path:
        raise ValidationError("file path must not be empty")
    if path.startswith("/"):
        raise ValidationError(f"file path {quoted(path)} is absolute")
    if "\\" in path or "\0" in path:
        raise ValidationError(f"file path {quoted(path)} contains a backslash or NUL")
    if any(part in ("", ".", "..") for part in path.split("/")):
        raise ValidationError(f"file path {quoted(path)} has an empty, '.' or '..' component")
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(f"file path {quoted(path)} is not valid UTF-8") from None
    validate_name(path, "file path")


def collect_artifact(blobs: BlobStore, name: Any, path: Any, metadata: Any, now: float) -> Artifact:
    """Validates an artifact and copies its content into ``blobs``; nothing is written to the database."""
    validate_name(name, "artifact name")
    converted = to_json({} if metadata is None else metadata, "metadata")
    if not isinstance(converted, dict):
        raise ValidationError("metadata must be a JSON object")
    source = os.fspath(path)
    if not os.path.exists(source):
        raise ArtifactPathError(f"artifact {quoted(name)}: no file or directory at {source}")
    if os.path.isdir(source):
        files = _copy_directory(blobs, source)
        manifest = "".join(f"{f.hash}  {f.size_bytes}  {f.path}\n" for f in files).encode("utf-8")
        digest, kind, media_type = hashlib.sha256(manifest).hexdigest(), "directory", DIRECTORY
    else:
        real = os.path.realpath(source)
        file_name = os.path.basename(os.path.abspath(source))
        validate_name(file_name, "file path")
        digest, size = blobs.put_file(real)
        media_type = media_type_for(file_name)
        files = [ArtifactFile(file_name, digest, size, media_type)]
        kind = "file"
    return Artifact(
        name=name, kind=kind, hash=digest, size_bytes=sum(f.size_bytes for f in files), media_type=media_type,
        metadata=converted, source_path=os.path.abspath(source), created_at=now, files=tuple(files),
    )


def _copy_directory(blobs: BlobStore, root: str) -> List[ArtifactFile]:
    found = sorted(_regular_files(root, ""), key=lambda item: item[0].encode("utf-8", "surrogateescape"))
    for relative, _ in found:
        validate_relative_path(relative)
    files = []
    for relative, absolute in found:
        digest, size = blobs.put_file(absolute)
        files.append(ArtifactFile(relative, digest, size, media_type_for(relative.rsplit("/", 1)[-1])))
    return files


def _regular_files(directory: str, prefix: str) -> List[Tuple[str, str]]:
    """(relative path, absolute path) of every regular file below ``directory``; links are skipped."""
    found = []
    with os.scandir(directory) as entries:
        for entry in entries:
            relative = f"{prefix}{entry.name}"
            if entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                found.extend(_regular_files(entry.path, relative + "/"))
            elif entry.is_file(follow_symlinks=False):
                found.append((relative, entry.path))
    return found


def insert_artifact(connection: sqlite3.Connection, run_id: str, artifact: Artifact, role: str) -> Optional[int]:
    """Writes the rows of an artifact whose blobs are in place; returns its id."""
    cursor = connection.execute(
        "INSERT INTO artifacts (run_id, name, role, kind, hash, size_bytes, media_type, metadata, source_path, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (run_id, artifact.name, role, artifact.kind, artifact.hash, artifact.size_bytes, artifact.media_type,
         dumps(artifact.metadata), artifact.source_path, artifact.created_at),
    )
    connection.executemany(
        "INSERT INTO artifact_files (artifact_id, path, hash, size_bytes, media_type) VALUES (?, ?, ?, ?, ?)",
        [(cursor.lastrowid, f.path, f.hash, f.size_bytes, f.media_type) for f in artifact.files],
    )
    return cursor.lastrowid
