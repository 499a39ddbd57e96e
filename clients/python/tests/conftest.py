"""Fixtures: a fresh store per test, and running Python code in a child process against it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

import artifacta as ds
from artifacta import lifecycle

CLIENT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def framework(name: str):
    """The framework module, or a skip where it is not installed. ``scripts/test-autolog.sh``
    sets ``ARTIFACTA_FRAMEWORKS_REQUIRED``: there a missing framework fails instead of skipping."""
    if os.environ.get("ARTIFACTA_FRAMEWORKS_REQUIRED"):
        return __import__(name)
    return pytest.importorskip(name)


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh store directory, also set as ``ARTIFACTA_STORE``; runs left active are finished afterwards."""
    path = str(tmp_path / "store")
    monkeypatch.setenv("ARTIFACTA_STORE", path)
    monkeypatch.chdir(tmp_path)
    yield path
    for run in list(lifecycle._active):
        run.finish()


@pytest.fixture
def run(store):
    """An active run in the fresh store."""
    return ds.init(project="tests", name="run", config={"lr": 0.1}, capture=False)


def python_child(code: str, store: str, cwd: str = None, arguments: tuple = (), **kwargs) -> subprocess.Popen:
    """Starts ``python -c code arguments…`` with the client importable and ``ARTIFACTA_STORE`` set."""
    env = dict(os.environ, ARTIFACTA_STORE=store, PYTHONPATH=CLIENT_ROOT)
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *arguments], env=env, cwd=cwd or os.getcwd(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def run_child(code: str, store: str, cwd: str = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """Runs ``python_child`` to the end; returns its exit code and output."""
    child = python_child(code, store, cwd)
    out, err = child.communicate(timeout=timeout)
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)
