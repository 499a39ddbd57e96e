"""Notes: a project's Markdown documents and the files they show."""

from __future__ import annotations

import os
import re
from typing import Any, Iterable, List, Optional, Tuple

from .artifacts import ArtifactPathError
from .describe import quoted, type_name
from .errors import ValidationError
from .media_types import media_type_for
from .names import check_text, validate_name
from .store import Store

_UNSAFE = re.compile('[/\\\\:*?"<>|\x00-\x1f\x7f-\x9f]')


def safe_file_name(name: str) -> str:
    """A name safe as one file name: separators, NUL and control characters replaced, no leading dots."""
    result = _UNSAFE.sub("_", name).lstrip(".")
    return (result or "file")[:120]


def create_note(
    store: Store, project: str, title: Any, markdown: Any, attachments: Optional[Iterable[Any]], now: float
) -> int:
    """Copies the attachments into the blob folder, then writes the note; returns its id."""
    validate_name(project, "project")
    validate_name(title, "note title")
    if not isinstance(markdown, str):
        raise ValidationError(f"markdown must be a string, not {type_name(markdown)}")
    check_text(markdown, "markdown")
    # NUL is stored as U+FFFD, as the Swift side does (CommonMark shows it so anyway).
    markdown = markdown.replace("\0", "\ufffd")
    copied = _copy_attachments(store, attachments or [])
    with store.transaction() as connection:
        connection.execute(
            "INSERT INTO projects (name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING", (project, now)
        )
        (project_id,) = connection.execute("SELECT id FROM projects WHERE name = ?", (project,)).fetchone()
        note_id = connection.execute(
            "INSERT INTO notes (project_id, title, markdown, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (project_id, title, markdown, now, now),
        ).lastrowid
        connection.executemany(
            "INSERT INTO note_attachments (note_id, name, hash, size_bytes, media_type) VALUES (?, ?, ?, ?, ?)",
            [(note_id, *attachment) for attachment in copied],
        )
    return note_id


def _copy_attachments(store: Store, paths: Iterable[Any]) -> List[Tuple[str, str, int, str]]:
    sources = [os.fspath(path) for path in paths]
    names = [safe_file_name(os.path.basename(os.path.abspath(source))) for source in sources]
    for source, name in zip(sources, names):
        if not os.path.isfile(source):
            raise ArtifactPathError(f"attachment {quoted(name)}: no file at {source}")
        if names.count(name) > 1:
            raise ValidationError(f"attachment {quoted(name)} appears twice")
    copied = []
    for source, name in zip(sources, names):
        digest, size = store.blobs.put_file(os.path.realpath(source))
        copied.append((name, digest, size, media_type_for(name)))
    return copied
