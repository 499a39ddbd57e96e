"""Many processes writing one store at once lose nothing and never fail with "database is locked"."""

from __future__ import annotations

import json
import subprocess

from conftest import python_child
from storeread import rows, series_points

PROCESSES = 16
STEPS = 1000

WRITER = """
    import sys
    import artifacta as ds
    worker = int(sys.argv[1])
    sys.stdin.readline()  # start together
    run = ds.init(project="sweep", name=f"worker-{worker}", config={"worker": worker}, capture=False)
    for step in range(%d):
        ds.log("train", ds.Series(index="step", fields={"step": [step], "loss": [worker + step / 1000]}))
        if step %% 100 == 0:
            ds.log("hist", ds.Distribution(values=[step, worker]))
    open(f"w{worker}.txt", "w").write(str(worker))
    run.log_artifact("out", f"w{worker}.txt")
    print(run.id)
""" % STEPS


def test_sixteen_parallel_writers_lose_no_point(store, tmp_path):
    children = [
        python_child(WRITER, store, cwd=str(tmp_path), arguments=(str(worker),), stdin=subprocess.PIPE)
        for worker in range(PROCESSES)
    ]
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    results = [child.communicate(timeout=120) for child in children]
    for child, (out, err) in zip(children, results):
        assert child.returncode == 0, err
        assert "locked" not in err
    runs = rows(store, "SELECT id, status, config FROM runs")
    assert len(runs) == PROCESSES and {r["status"] for r in runs} == {"finished"}
    for run in runs:
        worker = json.loads(run["config"])["worker"]
        points = series_points(store, run["id"], "train")
        assert points["step"] == [float(s) for s in range(STEPS)]
        assert points["loss"] == [worker + s / 1000 for s in range(STEPS)]
    assert len(rows(store, "SELECT * FROM entries WHERE primitive_type = 'Distribution'")) == PROCESSES * STEPS // 100
    assert len(rows(store, "SELECT * FROM artifacts")) == PROCESSES
