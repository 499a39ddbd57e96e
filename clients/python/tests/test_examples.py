"""The Python examples run without extra packages and log what they say."""

from __future__ import annotations

import glob
import os
import subprocess
import sys

import pytest

from conftest import CLIENT_ROOT
from storeread import rows

EXAMPLES = os.path.join(CLIENT_ROOT, "..", "..", "Examples", "python")
SCRIPTS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(EXAMPLES, "*.py")))


@pytest.mark.parametrize("script", SCRIPTS)
def test_example_runs_and_every_run_finishes(store, tmp_path, script):
    env = dict(os.environ, ARTIFACTA_STORE=store, PYTHONPATH=CLIENT_ROOT)
    result = subprocess.run([sys.executable, os.path.join(EXAMPLES, script)], env=env, cwd=str(tmp_path),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    runs = rows(store, "SELECT status FROM runs")
    assert runs and {r["status"] for r in runs} == {"finished"}
    assert len(runs) == (16 if script == "sweep.py" else 1)
    assert rows(store, "SELECT * FROM entries")
