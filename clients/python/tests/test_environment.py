"""The environment captured at start, each aspect switchable off."""

from __future__ import annotations

import json
import subprocess
import sys

import artifacta as ds
from conftest import run_child
from storeread import only_run


def environment(store):
    return json.loads(only_run(store)["environment"])


def test_everything_is_captured_by_default(store):
    ds.init(project="p").finish()
    captured = environment(store)
    assert set(captured) >= {"os", "host", "interpreter", "cpu_count", "packages", "command"}
    assert captured["interpreter"]["executable"] == sys.executable
    assert captured["interpreter"]["version"] == ".".join(map(str, sys.version_info[:3]))
    assert set(captured["os"]) == {"name", "version", "machine"}
    assert "pytest" in {name.lower() for name in captured["packages"]}
    assert list(captured["packages"]) == sorted(captured["packages"], key=str.lower)
    assert isinstance(captured["command"], list)


def test_capture_false_records_nothing(store):
    ds.init(project="p", capture=False).finish()
    assert environment(store) == {}


def test_capture_can_leave_out_packages_and_git(store):
    ds.init(project="p", capture=ds.CAPTURE_ALL - {"packages", "git"}).finish()
    assert "packages" not in environment(store) and "git" not in environment(store)


def test_git_commit_branch_dirty_flag_and_diff_of_tracked_files_are_captured(store, tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    (repo / "train.py").write_text("import artifacta as ds\nds.init(project='p', capture={'git', 'command'})\n")
    subprocess.run(["git", "add", "train.py"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "first"], cwd=repo, check=True)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    (repo / "train.py").write_text((repo / "train.py").read_text() + "# changed\n")
    (repo / "untracked.txt").write_text("x")
    result = run_child(f"import runpy, sys; sys.argv = ['{repo}/train.py']; runpy.run_path(sys.argv[0])", store,
                       cwd=str(tmp_path))
    assert result.returncode == 0, result.stderr
    git_info = environment(store)["git"]
    assert (git_info["commit"], git_info["branch"], git_info["dirty"]) == (commit, "main", True)
    assert "+# changed" in git_info["diff"] and "untracked" not in git_info["diff"]


def test_outside_a_repository_there_is_no_git_key(store, tmp_path):
    result = run_child("import artifacta as ds; ds.init(project='p', capture={'git'})", store, cwd=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert environment(store) == {}
