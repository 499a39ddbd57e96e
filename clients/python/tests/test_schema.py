"""The schema copy, migrations, and refusing a store written by a newer Artifacta."""

from __future__ import annotations

import os
import sqlite3

import pytest

import artifacta as ds
from artifacta.store import Store, migrations

HERE = os.path.dirname(os.path.abspath(__file__))


def test_the_bundled_schema_is_a_byte_identical_copy_of_the_swift_one():
    with open(os.path.join(HERE, "..", "artifacta", "schema.sql"), "rb") as copy:
        with open(os.path.join(HERE, "..", "..", "..", "Sources", "ArtifactaStore", "Schema", "schema.sql"), "rb") as swift:
            assert copy.read() == swift.read()


def test_a_new_store_is_migrated_to_the_latest_version_in_wal_mode(tmp_path):
    path = str(tmp_path / "s")
    Store(path).close()
    connection = sqlite3.connect(os.path.join(path, "artifacta.db"))
    assert connection.execute("PRAGMA user_version").fetchone()[0] == migrations()[-1][0]
    assert connection.execute("PRAGMA application_id").fetchone()[0] == 1095914566
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert os.path.isdir(os.path.join(path, "blobs", ".tmp"))


def test_a_store_with_a_newer_schema_is_refused_and_left_unchanged(tmp_path):
    path = str(tmp_path / "s")
    Store(path).close()
    with sqlite3.connect(os.path.join(path, "artifacta.db")) as connection:
        connection.execute("PRAGMA user_version = 999")
    with pytest.raises(ds.StoreError) as caught:
        ds.init(project="p", store=path, capture=False)
    assert "schema version 999" in str(caught.value) and "newer Artifacta" in str(caught.value)
    with sqlite3.connect(os.path.join(path, "artifacta.db")) as connection:
        assert connection.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 0
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 999


def test_the_store_location_comes_from_the_argument_then_the_environment_then_the_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ARTIFACTA_STORE", raising=False)
    ds.init(project="p", capture=False).finish()
    assert os.path.exists(tmp_path / ".artifacta" / "artifacta.db")
    monkeypatch.setenv("ARTIFACTA_STORE", str(tmp_path / "env"))
    ds.init(project="p", capture=False).finish()
    assert os.path.exists(tmp_path / "env" / "artifacta.db")
    ds.init(project="p", store=str(tmp_path / "arg"), capture=False).finish()
    assert os.path.exists(tmp_path / "arg" / "artifacta.db")
