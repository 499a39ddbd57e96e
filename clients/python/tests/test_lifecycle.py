"""How runs end: finished at exit, failed on an exception, crashed when killed, with everything flushed."""

from __future__ import annotations

import os
import signal
import socket
import time

import pytest

import artifacta as ds
from artifacta.run_rows import STALE_HEARTBEAT_SECONDS, process_exists
from conftest import python_child, run_child
from storeread import only_run, rows, series_points

LOOP = """
    import artifacta as ds
    run = ds.init(project="p", name="child", capture=False)
    for step in range(50):
        ds.log("train", ds.Series(index="step", fields={"step": [step], "loss": [1 / (step + 1)]}))
"""


def test_a_script_that_ends_normally_finishes_its_run(store):
    result = run_child(LOOP, store)
    assert result.returncode == 0, result.stderr
    run = only_run(store)
    assert (run["status"], run["error"]) == ("finished", None)
    assert run["finished_at"] >= run["created_at"]
    assert len(series_points(store, run["id"], "train")["step"]) == 50


def test_an_uncaught_exception_fails_the_run_with_its_type_and_message(store):
    result = run_child(LOOP + "\n    raise ValueError('bad shape')\n", store)
    assert result.returncode == 1
    assert "ValueError: bad shape" in result.stderr, "the traceback is still printed"
    run = only_run(store)
    assert (run["status"], run["error"]) == ("failed", "ValueError: bad shape")
    assert len(series_points(store, run["id"], "train")["step"]) == 50


def test_a_killed_process_leaves_a_run_seen_as_crashed_with_its_flushed_points(store):
    child = python_child(LOOP + "\n    import time; print('logged', flush=True); time.sleep(60)\n", store)
    assert child.stdout.readline().strip() == "logged"
    time.sleep(1.5)  # more than the flush interval
    child.send_signal(signal.SIGKILL)
    child.wait()
    run = only_run(store)
    assert run["status"] == "running", "nothing ran at the kill"
    assert run["host"] == socket.gethostname() and not process_exists(run["pid"]), "the pid rule says crashed"
    assert time.time() - run["heartbeat_at"] < STALE_HEARTBEAT_SECONDS
    assert series_points(store, run["id"], "train")["step"] == [float(s) for s in range(50)]
    ds.init(project="p", name="next", capture=False).finish()
    assert rows(store, "SELECT status FROM runs WHERE id = ?", run["id"])[0]["status"] == "crashed"


def test_a_run_with_a_stale_heartbeat_is_marked_crashed_by_the_next_writer(store):
    stale = ds.init(project="p", name="stale", capture=False)
    with stale.store.transaction() as connection:
        connection.execute("UPDATE runs SET heartbeat_at = heartbeat_at - 100, host = 'elsewhere' WHERE id = ?",
                           (stale.id,))
    ds.init(project="p", name="next", capture=False).finish()
    assert rows(store, "SELECT status FROM runs WHERE id = ?", stale.id)[0]["status"] == "crashed"
    stale.finish()
    assert rows(store, "SELECT status FROM runs WHERE id = ?", stale.id)[0]["status"] == "finished"


def test_finish_writes_everything_and_later_logging_is_refused(run, store):
    ds.log("x", ds.Series(fields={"v": [1.0]}))
    ds.finish()
    assert only_run(store)["status"] == "finished"
    assert rows(store, "SELECT point_count FROM entries")[0]["point_count"] == 1
    with pytest.raises(ds.StoreError, match="this run is finished"):
        run.log("x", ds.Series(fields={"v": [2.0]}))
    with pytest.raises(ds.ArtifactaError, match="no active run"):
        ds.log("x", ds.Series(fields={"v": [2.0]}))
    run.finish()


def test_points_are_flushed_within_a_second_while_the_run_goes_on(run, store):
    ds.log("x", ds.Series(fields={"v": [1.0, 2.0]}))
    deadline = time.time() + 1.0
    while time.time() < deadline and not rows(store, "SELECT * FROM entries"):
        time.sleep(0.05)
    assert rows(store, "SELECT point_count FROM entries")[0]["point_count"] == 2


def test_logging_waits_for_the_writer_instead_of_growing_without_bound(store):
    run = ds.init(project="p", capture=False)
    run._buffer._max = 1000
    for step in range(20_000):
        ds.log("x", ds.Series(fields={"a": [step], "b": [step]}))
        assert run._buffer._batch.value_count <= 1000
    run.finish()
    assert len(series_points(store, run.id, "x")["a"]) == 20_000


def test_a_forked_child_cannot_log_to_its_parents_run(run, store):
    if not hasattr(os, "fork"):
        pytest.skip("no fork")
    pid = os.fork()
    if pid == 0:
        try:
            run.log("x", ds.Series(fields={"v": [1.0]}))
            os._exit(1)
        except ds.StoreError:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0


def test_a_failed_write_is_reported_to_the_training_thread_and_fails_the_run(run, store):
    with run.store.transaction() as connection:
        connection.execute("ALTER TABLE series_chunks RENAME TO moved")
    ds.log("x", ds.Series(fields={"v": [1.0]}))
    deadline = time.time() + 5
    while run._buffer.failure is None and time.time() < deadline:
        time.sleep(0.05)
    with pytest.raises(ds.StoreError, match="the background writer failed"):
        ds.log("x", ds.Series(fields={"v": [2.0]}))
    with pytest.raises(ds.StoreError, match="some logged data could not be written"):
        run.finish()
    assert only_run(store)["status"] == "failed"
    assert only_run(store)["error"].startswith("StoreError: the background writer failed: no such table")
