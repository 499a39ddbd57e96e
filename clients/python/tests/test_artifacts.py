"""Artifacts are copied into content-addressed blobs; directories are hashed by their manifest."""

from __future__ import annotations

import hashlib
import os

import pytest

import artifacta as ds
from storeread import rows


def blob(store: str, digest: str) -> bytes:
    with open(os.path.join(store, "blobs", digest[:2], digest), "rb") as handle:
        return handle.read()


def test_a_file_is_copied_and_later_changes_do_not_reach_the_store(run, store, tmp_path):
    model = tmp_path / "path" / "to" / "model.pt"
    model.parent.mkdir(parents=True)
    model.write_bytes(b"weights v1")
    artifact = run.log_artifact("model.pt", str(model), metadata={"framework": "PyTorch", "size_mb": 45.3})
    model.write_bytes(b"weights v2")
    run.finish()
    digest = hashlib.sha256(b"weights v1").hexdigest()
    assert artifact.hash == digest and blob(store, digest) == b"weights v1"
    (row,) = rows(store, "SELECT * FROM artifacts")
    assert (row["kind"], row["role"], row["hash"], row["size_bytes"]) == ("file", "output", digest, 10)
    assert row["metadata"] == '{"framework":"PyTorch","size_mb":45.3}'
    assert row["source_path"] == str(model)
    (file_row,) = rows(store, "SELECT * FROM artifact_files")
    assert (file_row["path"], file_row["hash"], file_row["media_type"]) == ("model.pt", digest, "application/octet-stream")
    assert os.listdir(os.path.join(store, "blobs", ".tmp")) == []


def test_a_directory_is_hashed_by_its_manifest_and_links_are_skipped(run, store, tmp_path):
    src = tmp_path / "src"
    (src / "pkg").mkdir(parents=True)
    (src / "train.py").write_text("print('hi')\n")
    (src / "pkg" / "model.py").write_text("x = 1\n")
    (src / "B.txt").write_text("")
    (tmp_path / "outside.txt").write_text("secret")
    os.symlink(tmp_path / "outside.txt", src / "link.txt")
    os.symlink(tmp_path, src / "linked_dir")
    artifact = run.log_artifact("training_code", str(src) + "/")
    run.finish()
    files = sorted(
        [("B.txt", b""), ("pkg/model.py", b"x = 1\n"), ("train.py", b"print('hi')\n")], key=lambda f: f[0].encode()
    )
    manifest = "".join(f"{hashlib.sha256(c).hexdigest()}  {len(c)}  {p}\n" for p, c in files)
    assert artifact.hash == hashlib.sha256(manifest.encode()).hexdigest()
    (row,) = rows(store, "SELECT * FROM artifacts")
    assert (row["kind"], row["media_type"], row["size_bytes"]) == ("directory", "inode/directory", 18)
    stored = rows(store, "SELECT path, hash, media_type FROM artifact_files ORDER BY path")
    assert [(r["path"], r["media_type"]) for r in stored] == [
        ("B.txt", "text/plain"), ("pkg/model.py", "text/x-python"), ("train.py", "text/x-python")]
    assert blob(store, stored[1]["hash"]) == b"x = 1\n"


def test_inputs_are_logged_with_the_input_role(run, store, tmp_path):
    data = tmp_path / "data.csv"
    data.write_text("a,b\n1,2\n")
    run.log_input("dataset", data, metadata={"rows": 1})
    run.finish()
    (row,) = rows(store, "SELECT role, media_type FROM artifacts")
    assert tuple(row) == ("input", "text/csv")


def test_a_missing_path_is_a_clear_error_and_stores_nothing(run, store, tmp_path):
    with pytest.raises(FileNotFoundError) as caught:
        run.log_artifact("model.pt", "path/to/model.pt")
    assert str(caught.value) == 'artifact "model.pt": no file or directory at path/to/model.pt'
    assert isinstance(caught.value, ds.ArtifactaError)
    run.finish()
    assert rows(store, "SELECT * FROM artifacts") == []


def test_the_same_content_is_stored_once(run, store, tmp_path):
    for name in ("a.bin", "b.bin"):
        (tmp_path / name).write_bytes(b"same")
        run.log_artifact(name, tmp_path / name)
    run.finish()
    digest = hashlib.sha256(b"same").hexdigest()
    assert os.listdir(os.path.join(store, "blobs", digest[:2])) == [digest]
    assert len(rows(store, "SELECT * FROM artifacts")) == 2
