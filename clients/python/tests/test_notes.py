"""Notes: a project's Markdown with attachments copied into the store."""

from __future__ import annotations

import hashlib

import pytest

import artifacta as ds
from storeread import rows


def test_a_note_is_stored_with_its_attachments(run, store, tmp_path):
    (tmp_path / "loss.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.txt").write_text("n")
    note_id = ds.create_note("Findings", "# Loss\n![loss](loss.png)", attachments=[tmp_path / "loss.png", "notes.txt"])
    (note,) = rows(store, "SELECT n.*, p.name AS project FROM notes n JOIN projects p ON p.id = n.project_id")
    assert (note["id"], note["title"], note["project"]) == (note_id, "Findings", "tests")
    attachments = rows(store, "SELECT name, hash, size_bytes, media_type FROM note_attachments ORDER BY name")
    assert [tuple(a) for a in attachments] == [
        ("loss.png", hashlib.sha256(b"\x89PNG").hexdigest(), 4, "image/png"),
        ("notes.txt", hashlib.sha256(b"n").hexdigest(), 1, "text/plain"),
    ]


def test_bad_notes_are_refused_and_store_nothing(run, store, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("1")
    (tmp_path / "x.txt").write_text("2")
    with pytest.raises(ds.ValidationError, match='^attachment "x.txt" appears twice$'):
        ds.create_note("t", "m", attachments=[tmp_path / "x.txt", tmp_path / "a" / "x.txt"])
    with pytest.raises(FileNotFoundError, match='^attachment "gone.png": no file at gone.png$'):
        ds.create_note("t", "m", attachments=["gone.png"])
    with pytest.raises(ds.ValidationError, match="^note title must not be empty$"):
        ds.create_note("", "m")
    with pytest.raises(ds.ValidationError, match="^markdown must be a string, not null$"):
        ds.create_note("t", None)
    assert rows(store, "SELECT * FROM notes") == []


def test_notes_need_a_run(store):
    with pytest.raises(ds.ArtifactaError, match=r"no active run: call ds.init\(project=..., name=...\) first"):
        ds.create_note("t", "m")
