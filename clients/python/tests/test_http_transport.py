"""The client over HTTP (ARTIFACTA_URL / ds.init(url=...)) against the real tracking server, `artifacta ui`.

The server is the Swift binary of this repository, started on a free port with a fresh store and
stopped by its pid. The tests fail (they do not skip) when it has not been built.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

import artifacta as ds
from artifacta.http_client import HttpClient
from conftest import CLIENT_ROOT
from test_guide import PRIMITIVES, fake_sklearn_metrics, snippet, snippets

REPO_ROOT = os.path.dirname(os.path.dirname(CLIENT_ROOT))
ARTIFACTA = os.path.join(REPO_ROOT, ".build", "debug", "artifacta")
BUILD = "swift build -j 1 --product artifacta"


class Server:
    """`artifacta ui --store STORE --port PORT [--token T]` in a child process."""

    def __init__(self, store: str, port: int = 0, token: str = None) -> None:
        if not os.path.exists(ARTIFACTA):
            pytest.fail(f"{ARTIFACTA} is missing: build it with `{BUILD}` in {REPO_ROOT}")
        self.store = store
        self.token = token
        arguments = [ARTIFACTA, "ui", "--store", store, "--port", str(port)]
        if token:
            arguments += ["--token", token]
        env = {k: v for k, v in os.environ.items() if k not in ("ARTIFACTA_TOKEN", "ARTIFACTA_URL")}
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        line = self.process.stdout.readline()
        if "serving at" not in line:
            self.stop()
            pytest.fail(f"artifacta ui did not start: {line!r}")
        self.url = line.split("serving at ", 1)[1].split()[0].rstrip("/")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process.stdout.close()

    def get_bytes(self, route: str, **query: str) -> bytes:
        address = self.url + route + ("?" + urllib.parse.urlencode(query) if query else "")
        request = urllib.request.Request(address)
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.read()

    def get(self, path: str, **query: str):
        return json.loads(self.get_bytes(path, **query))

    def run(self, run_id: str) -> dict:
        return self.get(f"/api/runs/{run_id}")

    def entries(self, run_id: str) -> list:
        return self.get(f"/api/runs/{run_id}/entries")["entries"]

    def series(self, run_id: str, name: str) -> dict:
        return self.get(f"/api/runs/{run_id}/series", name=name)

    def artifact_content(self, artifact_id: int, path: str = None) -> bytes:
        return self.get_bytes(f"/api/artifacts/{artifact_id}/content", **({"path": path} if path else {}))

    def set_heartbeat(self, run_id: str, seconds_ago: float) -> None:
        """Ages a run's heartbeat in the server's store, as if that much time had passed without one."""
        with sqlite3.connect(os.path.join(self.store, "artifacta.db"), timeout=30) as connection:
            connection.execute("UPDATE runs SET heartbeat_at = ? WHERE id = ?", (time.time() - seconds_ago, run_id))

    def heartbeat_at(self, run_id: str) -> float:
        with sqlite3.connect(os.path.join(self.store, "artifacta.db"), timeout=30) as connection:
            return connection.execute("SELECT heartbeat_at FROM runs WHERE id = ?", (run_id,)).fetchone()[0]


@pytest.fixture(autouse=True)
def binary():
    """Every test here needs the server: fail at once, before starting any client, when it is not built."""
    if not os.path.exists(ARTIFACTA):
        pytest.fail(f"{ARTIFACTA} is missing: build it with `{BUILD}` in {REPO_ROOT}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server for the module; each test uses its own run ids."""
    running = Server(str(tmp_path_factory.mktemp("server") / "store"))
    yield running
    running.stop()


@pytest.fixture
def local(tmp_path, monkeypatch):
    """A working directory whose ./store is the local store (spill files go to ./store/unsent); no URL set."""
    store = str(tmp_path / "store")
    monkeypatch.setenv("ARTIFACTA_STORE", store)
    monkeypatch.delenv("ARTIFACTA_URL", raising=False)
    monkeypatch.delenv("ARTIFACTA_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    yield store
    from artifacta import lifecycle
    for run in list(lifecycle._active):
        run.finish()


def child(code: str, cwd: str, **env: str) -> subprocess.Popen:
    """``python -c code`` with the client importable and ``env`` added (ARTIFACTA_URL, …)."""
    environment = {k: v for k, v in os.environ.items() if k not in ("ARTIFACTA_URL", "ARTIFACTA_TOKEN")}
    environment.update({"PYTHONPATH": CLIENT_ROOT, "ARTIFACTA_STORE": os.path.join(cwd, "store"), **env})
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=environment, cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish_child(process: subprocess.Popen, timeout: float = 60):
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, timeout: float = 10, what: str = "the condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            value = condition()
        except (urllib.error.URLError, KeyError, TypeError):
            value = None
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def run_id_of(output: str) -> str:
    return output.split("RUN ", 1)[1].split()[0]


# The guide's snippets, over HTTP.


def test_the_guides_basic_usage_over_http_is_one_series_of_ten_points_and_an_uploaded_model(server, tmp_path):
    (tmp_path / "path" / "to").mkdir(parents=True)
    (tmp_path / "path" / "to" / "model.pt").write_bytes(b"model weights")
    code = "import random\ndef train_model():\n    return random.random()\n" + snippet("Initialize a run")
    code += "print('RUN', run.id)\n"
    status, out, err = finish_child(child(code, str(tmp_path), ARTIFACTA_URL=server.url))
    assert status == 0, err
    run_id = run_id_of(out)
    run = server.run(run_id)
    assert (run["name"], run["project"], run["status"]) == ("experiment-1", "my-project", "finished")
    assert run["config"] == {"learning_rate": 0.001, "batch_size": 32}
    series = server.series(run_id, "metrics")
    assert (series["index"], series["point_count"]) == ("epoch", 10)
    assert series["fields"]["epoch"] == list(range(10))
    assert len(server.entries(run_id)) == 1
    (artifact,) = server.get(f"/api/runs/{run_id}/artifacts")["artifacts"]
    assert (artifact["name"], artifact["kind"], artifact["size_bytes"]) == ("model.pt", "file", 13)
    assert server.artifact_content(artifact["id"]) == b"model weights"
    assert not (tmp_path / "store").exists(), "nothing is written locally when everything was sent"


@pytest.mark.parametrize("marker", list(PRIMITIVES))
def test_each_primitive_snippet_over_http(server, local, monkeypatch, marker):
    import importlib.util
    run = ds.init(project="guide", url=server.url, capture=False)
    assert run.store is None and run.url == server.url
    code = [s for s in snippets() if marker in s and "ds.init" not in s][0]
    namespace = {"ds": ds}
    if "numpy" in code or "sklearn" in code:
        np = pytest.importorskip("numpy")
        namespace.update(y_true=[0, 0, 1, 1, 0, 1], y_scores=[0.1, 0.4, 0.35, 0.8, 0.2, 0.9])
        if "sklearn" in code and importlib.util.find_spec("sklearn") is None:
            monkeypatch.setitem(sys.modules, "sklearn", type(sys)("sklearn"))
            monkeypatch.setitem(sys.modules, "sklearn.metrics", fake_sklearn_metrics(np))
    exec(compile(code, "guide", "exec"), namespace)
    run.finish()
    name, kind = PRIMITIVES[marker]
    (entry,) = server.entries(run.id)
    assert (entry["name"], entry["primitive_type"]) == (name, kind)
    if kind == "Curve":
        assert entry["data"]["baseline"] == "diagonal"
    assert server.run(run.id)["status"] == "finished"


def test_the_artifact_snippet_over_http_uploads_a_file_and_a_directory_as_one_artifact(server, local, tmp_path):
    (tmp_path / "checkpoints").mkdir()
    (tmp_path / "checkpoints" / "resnet50_best.pt").write_bytes(b"w" * 1000)
    (tmp_path / "src" / "models").mkdir(parents=True)
    (tmp_path / "src" / "train.py").write_text("print('train')\n")
    (tmp_path / "src" / "models" / "net.py").write_text("class Net: pass\n")
    run = ds.init(project="guide", url=server.url, capture=False)
    exec(compile(snippet("run.log_artifact(\"training_code\""), "guide", "exec"), {"run": run, "ds": ds})
    run.finish()
    artifacts = server.get(f"/api/runs/{run.id}/artifacts")["artifacts"]
    assert [(a["name"], a["kind"], a["role"]) for a in artifacts] == [
        ("model_checkpoint", "file", "output"),
        ("training_code", "directory", "output"),
    ]
    assert artifacts[0]["metadata"]["architecture"] == "ResNet-50"
    assert server.artifact_content(artifacts[0]["id"]) == b"w" * 1000
    code = artifacts[1]
    assert [f["path"] for f in code["files"]] == ["models/net.py", "train.py"]
    assert server.artifact_content(code["id"], path="models/net.py") == b"class Net: pass\n"
    assert server.artifact_content(code["id"], path="train.py") == b"print('train')\n"
    assert code["storage_path"] == str(tmp_path / "src")
    # The same directory written to a local store has the same hash: one behaviour, two transports.
    local_run = ds.init(project="guide", store=str(tmp_path / "local-store"), capture=False)
    local_artifact = local_run.log_artifact("training_code", str(tmp_path / "src"))
    local_run.finish()
    assert local_artifact.hash == code["hash"]
    assert not os.path.exists(os.path.join(local, "unsent")), "staged content is removed once uploaded"


def test_a_note_with_an_attachment_over_http(server, local, tmp_path):
    (tmp_path / "loss.png").write_bytes(b"\x89PNG fake")
    ds.init(project="notes-over-http", url=server.url, capture=False)
    note_id = ds.create_note("Findings", "Loss went down: ![loss](loss.png)", attachments=[str(tmp_path / "loss.png")])
    ds.finish()
    (note,) = server.get("/api/notes", project="notes-over-http")["notes"]
    assert (note["id"], note["title"], [a["name"] for a in note["attachments"]]) == (note_id, "Findings", ["loss.png"])
    assert server.get_bytes(f"/api/notes/{note_id}/attachments", name="loss.png") == b"\x89PNG fake"


# Lifecycle.


def test_an_exception_ends_the_run_failed_with_the_error(server, tmp_path):
    code = """
        import artifacta as ds
        run = ds.init(project="lifecycle", capture=False)
        print("RUN", run.id, flush=True)
        ds.log("loss", ds.Series(fields={"loss": [1.0, 0.5]}))
        raise RuntimeError("diverged at step 2")
    """
    status, out, err = finish_child(child(code, str(tmp_path), ARTIFACTA_URL=server.url))
    assert status == 1 and "diverged" in err
    run = server.run(run_id_of(out))
    assert (run["status"], run["error"]) == ("failed", "RuntimeError: diverged at step 2")
    assert server.series(run["run_id"], "loss")["point_count"] == 2


def test_a_killed_client_keeps_its_flushed_points_heartbeats_while_idle_and_reads_crashed_once_silent(server, tmp_path):
    code = """
        import time
        import artifacta as ds
        from artifacta import http_writer
        http_writer.HEARTBEAT_INTERVAL_SECONDS = 0.3
        run = ds.init(project="lifecycle", capture=False)
        for step in range(5):
            ds.log("loss", ds.Series(index="step", fields={"step": [step], "loss": [1.0 / (step + 1)]}))
        print("RUN", run.id, flush=True)
        time.sleep(60)
    """
    process = child(code, str(tmp_path), ARTIFACTA_URL=server.url)
    run_id = run_id_of(process.stdout.readline())
    wait_for(lambda: server.series(run_id, "loss")["point_count"] == 5, what="the five points")
    first = server.heartbeat_at(run_id)
    wait_for(lambda: server.heartbeat_at(run_id) > first + 0.5, timeout=5, what="heartbeats of an idle run")
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    run = server.run(run_id)
    assert run["status"] == "running"  # the server's timeout is 90 s, and `artifacta ui` has no option to shorten it
    assert server.series(run_id, "loss")["fields"]["step"] == [0, 1, 2, 3, 4]
    server.set_heartbeat(run_id, seconds_ago=91)
    assert server.run(run_id)["status"] == "crashed"


# An unreachable server.


def test_a_server_that_comes_up_late_gets_everything_after_retries(tmp_path):
    port = free_port()
    code = """
        import time
        import artifacta as ds
        run = ds.init(project="late", name="late-server", capture=False)
        print("RUN", run.id, flush=True)
        for step in range(5):
            ds.log("loss", ds.Series(fields={"loss": [step]}))
        time.sleep(2.5)
        for step in range(5, 10):
            ds.log("loss", ds.Series(fields={"loss": [step]}))
            ds.log("weights", ds.Distribution(values=[step, step + 1]))
    """
    process = child(code, str(tmp_path), ARTIFACTA_URL=f"http://127.0.0.1:{port}", ARTIFACTA_RETRY_SECONDS="20")
    run_id = run_id_of(process.stdout.readline())
    time.sleep(1.0)
    late = Server(str(tmp_path / "server-store"), port=port)
    try:
        status, _, err = finish_child(process)
        assert status == 0, err
        assert err.count("cannot reach the tracking server") == 1, err
        assert "reachable again" in err
        run = late.run(run_id)
        assert (run["name"], run["status"]) == ("late-server", "finished")
        assert late.series(run_id, "loss")["fields"]["loss"] == list(range(10))
        assert [e["name"] for e in late.entries(run_id)].count("weights") == 5
        assert not (tmp_path / "store" / "unsent").exists()
    finally:
        late.stop()


def test_with_the_server_down_logging_waits_at_the_local_writers_limit_and_goes_on_when_it_is_up(local, tmp_path):
    import threading
    port = free_port()
    run = ds.init(project="backpressure", url=f"http://127.0.0.1:{port}", capture=False)
    run._buffer._max = 1000
    logged = []

    def training():
        for step in range(3000):
            ds.log("x", ds.Series(fields={"a": [step], "b": [step]}))
            logged.append(step)

    thread = threading.Thread(target=training)
    thread.start()
    time.sleep(1.0)
    assert thread.is_alive() and len(logged) < 600, "ds.log waits once the backlog is at the limit"
    assert run._buffer._batch.value_count <= 1000
    late = Server(str(tmp_path / "late-store"), port=port)
    try:
        thread.join(timeout=30)
        assert not thread.is_alive()
        run.finish()
        assert late.series(run.id, "x")["fields"]["a"] == list(range(3000))
        assert late.run(run.id)["status"] == "finished"
    finally:
        late.stop()


def test_a_server_that_never_comes_up_leaves_a_spill_file_that_replay_delivers(server, tmp_path):
    (tmp_path / "model.pt").write_bytes(b"spilled model")
    (tmp_path / "plot.png").write_bytes(b"png")
    code = """
        import artifacta as ds
        run = ds.init(project="spill", name="offline", config={"lr": 0.1}, capture=False)
        print("RUN", run.id, flush=True)
        for epoch in range(10):
            ds.log("metrics", ds.Series(index="epoch", fields={"epoch": [epoch], "loss": [float("nan") if epoch == 3 else 1 / (epoch + 1)]}))
        run.log_artifact("model", "model.pt", metadata={"kind": "test"})
        ds.create_note("Offline note", "see ![plot](plot.png)", attachments=["plot.png"])
    """
    started = time.time()
    status, out, err = finish_child(child(code, str(tmp_path), ARTIFACTA_URL=f"http://127.0.0.1:{free_port()}",
                                          ARTIFACTA_RETRY_SECONDS="1"))
    assert status == 0, err
    assert time.time() - started < 15
    run_id = run_id_of(out)
    spill = tmp_path / "store" / "unsent" / f"{run_id}.jsonl"
    assert spill.exists(), err
    assert str(spill) in err and "python -m artifacta.replay" in err
    assert err.count("cannot reach the tracking server") == 1, err
    operations = [json.loads(line)["op"] for line in spill.read_text().splitlines()]
    assert operations == ["run", "batch", "artifact", "note", "finish"]

    def replay(url):
        return subprocess.run([sys.executable, "-m", "artifacta.replay", str(spill), "--url", url],
                              env=dict(os.environ, PYTHONPATH=CLIENT_ROOT), capture_output=True, text=True, timeout=60)

    still_down = replay(f"http://127.0.0.1:{free_port()}")
    assert still_down.returncode == 1 and "cannot reach" in still_down.stderr and spill.exists()
    replayed = replay(server.url)
    assert replayed.returncode == 0, replayed.stderr
    assert "sent 5 request(s)" in replayed.stdout
    run = server.run(run_id)
    assert (run["name"], run["status"], run["config"]) == ("offline", "finished", {"lr": 0.1})
    series = server.series(run_id, "metrics")
    assert series["point_count"] == 10 and series["fields"]["loss"][3] == "NaN"
    (artifact,) = run["artifacts"]
    assert server.artifact_content(artifact["id"]) == b"spilled model"
    (note,) = server.get("/api/notes", project="spill")["notes"]
    assert server.get_bytes(f"/api/notes/{note['id']}/attachments", name="plot.png") == b"png"
    assert not spill.exists() and not (tmp_path / "store" / "unsent" / f"{run_id}.blobs").exists()


# Tokens and refusals.


def test_a_token_is_sent_as_bearer_and_a_wrong_or_missing_one_is_a_clear_error(local, tmp_path, monkeypatch):
    guarded = Server(str(tmp_path / "guarded"), token="s3cret")
    try:
        with pytest.raises(ds.AuthenticationError, match="refused no access token .*ARTIFACTA_TOKEN"):
            ds.init(project="auth", url=guarded.url, capture=False)
        with pytest.raises(ds.AuthenticationError, match="refused the access token given"):
            ds.init(project="auth", url=guarded.url, token="wrong", capture=False)
        monkeypatch.setenv("ARTIFACTA_TOKEN", "s3cret")
        monkeypatch.setenv("ARTIFACTA_URL", guarded.url)
        run = ds.init(project="auth", capture=False)
        ds.log("x", ds.Series(fields={"x": [1, 2]}))
        run.finish()
        assert guarded.run(run.id)["status"] == "finished"
        assert guarded.series(run.id, "x")["point_count"] == 2
        assert [r["project"] for r in guarded.get("/api/runs")["runs"]] == ["auth"]
    finally:
        guarded.stop()


def test_the_servers_refusals_are_validation_errors_with_its_message(server, local):
    run = ds.init(project="refusals", url=server.url, capture=False)
    with pytest.raises(ds.ValidationError, match="already exists on the tracking server"):
        ds.init(project="refusals", run_id=run.id, url=server.url, capture=False)
    client = HttpClient(server.url)
    with pytest.raises(ds.ValidationError, match='entries\\[0\\]: Series "x".*'):
        client.post(f"/api/runs/{run.id}/batch", {"entries": [{"name": "x", "primitive_type": "Series",
                                                                "data": {"fields": {"a": [1], "b": [1, 2]}}}]})
    run.finish()


def test_a_batch_the_server_refuses_surfaces_as_a_validation_error_and_is_kept_in_the_spill_file(server, local):
    run = ds.init(project="refusals", url=server.url, capture=False)
    # Another client takes the name first, with another type: the server refuses the batch.
    HttpClient(server.url).post(f"/api/runs/{run.id}/data",
                                {"name": "x", "primitive_type": "Distribution", "data": {"values": [1]}})
    ds.log("x", ds.Series(fields={"v": [1.0]}))
    wait_for(lambda: run._buffer.failure is not None, what="the refusal")
    with pytest.raises(ds.ValidationError, match="the name is already used by a Distribution in this run"):
        ds.log("y", ds.Series(fields={"v": [2.0]}))
    with pytest.raises(ds.ValidationError, match="the name is already used by a Distribution"):
        run.finish()
    ended = server.run(run.id)
    assert ended["status"] == "failed" and "already used by a Distribution" in ended["error"]
    spill = os.path.join(local, "unsent", f"{run.id}.jsonl")
    (kept,) = [json.loads(line) for line in open(spill)]
    assert kept["op"] == "batch" and kept["body"]["entries"][0]["name"] == "x"


# Both transports store the same data.

SAME_SCRIPT = """
import math
import artifacta as ds
run = ds.init(project="parity", name="same", config={"lr": 0.01, "layers": [64, 32]}, tags=["a", "b"], capture=False)
for step in range(50):
    ds.log("train/loss", ds.Series(index="step", fields={"step": [step], "loss": [1 / (step + 1)]}))
    if step % 10 == 0:
        ds.log("val", ds.Series(index="step", fields={"step": [step], "acc": [step / 50], "f1": [math.nan]}), section="Validation")
        ds.log("weights", ds.Distribution(values=[step, step + 0.5, -step]))
ds.log("val", ds.Series(index="step", fields={"step": [50], "acc": [1.0], "auc": [0.9]}))
ds.log("train/loss", ds.Series(fields={"step": list(range(50, 2050)), "loss": [0.0] * 2000}))
ds.log("cm", ds.Matrix(rows=["a", "b"], cols=["x", "y"], values=[[1, 2], [3, math.inf]]))
ds.log("roc", ds.Curve(x=[0, 0.5, 1], y=[0, 0.8, 1], baseline="diagonal", metric={"name": "AUC", "value": 0.8}))
ds.log("bars", ds.BarChart(categories=["p", "q"], groups={"g": [1, 2]}))
ds.log("table", ds.Table(columns=[{"name": "c", "type": "string"}], data=[["r1"], ["r2"]]))
ds.log("emb", ds.Scatter(x=[1, 2], y=[3, 4], labels=["u", "v"]))
run.log_artifact("weights.bin", "weights.bin", metadata={"epoch": 50})
print("RUN", run.id)
"""


def test_both_transports_store_the_same_data_for_the_same_script(server, tmp_path):
    (tmp_path / "weights.bin").write_bytes(bytes(range(256)) * 10)
    status, out, err = finish_child(child(SAME_SCRIPT, str(tmp_path), ARTIFACTA_URL=server.url))
    assert status == 0, err
    over_http = run_id_of(out)
    # The same script into the server's own store directly, through the local writer.
    status, out, err = finish_child(child(SAME_SCRIPT, str(tmp_path), ARTIFACTA_STORE=server.store))
    assert status == 0, err
    written_locally = run_id_of(out)

    def comparable(run_id):
        run = server.run(run_id)
        entries = [{k: v for k, v in e.items() if k not in ("id", "logged_at")} for e in server.entries(run_id)]
        series = {e["name"]: server.series(run_id, e["name"]) for e in entries if e["primitive_type"] == "Series"}
        for points in series.values():
            del points["run_id"]
        artifacts = [{k: a[k] for k in ("name", "kind", "hash", "size_bytes", "metadata", "role", "media_type")}
                     for a in run["artifacts"]]
        return ({k: run[k] for k in ("name", "project", "status", "config", "tags")}, entries, series, artifacts)

    both = comparable(over_http)
    assert both == comparable(written_locally)
    assert (len(both[1]), len(both[2]), len(both[3])) == (12, 2, 1)
    assert both[2]["val"]["fields"]["auc"][:6] == ["NaN"] * 5 + [0.9]
    assert server.series(over_http, "train/loss")["point_count"] == 2050
