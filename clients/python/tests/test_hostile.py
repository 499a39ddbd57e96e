"""The hostile-input corpus (Tests/Hostile/corpus.json) through the Python client.

Every wire case that the Python API can express goes through ``ds.init`` (runs) or the
primitive constructors and ``Run.log`` (entries): a rejected one raises ``ValidationError``
with the documented words and leaves every row and blob as it was; an accepted one is
stored. The injection payloads go into every text field, the store is built with the Swift
``artifacta build`` and no page may hold markup that runs script. Cases the Python API has
no way to express (raw JSON syntax, invalid UTF-8 bytes, artifact registrations by hash)
are marked ``"python": "skip"`` in the corpus or skipped here with the reason.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
import subprocess
import time

import pytest

import artifacta as ds
from artifacta import ArtifactPathError, ValidationError
from artifacta.notes import create_note

from storeread import rows

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CORPUS = json.load(open(os.path.join(REPO_ROOT, "Tests", "Hostile", "corpus.json"), encoding="utf-8"))
ARTIFACTA = os.path.join(REPO_ROOT, ".build", "debug", "artifacta")
KINDS = {name: getattr(ds, name) for name in ("Series", "Distribution", "Scatter", "Matrix", "Curve", "BarChart", "Table")}


def document(case: dict) -> str:
    if "json" in case:
        return case["json"]
    if "json_base64" in case:
        return base64.b64decode(case["json_base64"]).decode("utf-8", "surrogateescape")
    generate = case["generate"]
    return generate["prefix"] + generate["repeat"] * generate["count"] + generate["suffix"]


def expressible(case: dict) -> bool:
    """Whether the Python API can say this input at all: it takes keyword arguments, not JSON
    documents, so entries and runs that are not objects, or that carry fields it has no
    parameter for, are the wire decoders' cases only (the Swift suite covers them)."""
    try:
        value = json.loads(document(case))
    except ValueError:
        return False
    if not isinstance(value, dict):
        return False
    if case["target"] == "run":
        return not set(value) - {"run_id", "project", "name", "config", "tags"}
    return (not set(value) - {"name", "primitive_type", "section", "data"}
            and value.get("primitive_type") in KINDS and isinstance(value.get("data"), dict))


def python_cases(target: str) -> list:
    return [pytest.param(case, id=case["id"]) for case in CORPUS["wire"]
            if case["target"] == target and case.get("python") != "skip" and expressible(case)]


def state(store: str) -> tuple:
    """Row counts of every table and every blob with its size: what a rejected input must not change."""
    tables = ("projects", "runs", "entries", "series_chunks", "artifacts", "artifact_files", "notes", "note_attachments")
    counts = {table: rows(store, f"SELECT COUNT(*) AS n FROM {table}")[0]["n"] for table in tables}
    blobs = {}
    for folder, _, names in os.walk(os.path.join(store, "blobs")):
        for name in names:
            path = os.path.join(folder, name)
            blobs[path] = os.path.getsize(path)
    return counts, blobs


def log_entry(run, entry: dict) -> None:
    """An entry through the Python API (only expressible cases reach here)."""
    run.log(entry.get("name"), KINDS[entry["primitive_type"]](**entry["data"]), entry.get("section"))


def test_the_corpus_reaches_the_python_client_often():
    # Of the 158 wire cases, those the keyword API can express (the rest are JSON-level: Swift covers them).
    assert len(python_cases("entry")) + len(python_cases("run")) >= 90


@pytest.mark.parametrize("case", python_cases("entry"))
def test_each_entry_case_is_logged_or_refused_with_nothing_stored(store, run, case):
    entry = json.loads(document(case))
    before = state(store)
    if case["expect"] == "reject":
        with pytest.raises(ValidationError) as raised:
            log_entry(run, entry)
        expected = case.get("python_error", case.get("error"))
        if expected:
            assert expected in str(raised.value)
        run.finish()
        after = state(store)
        assert after[0]["entries"] == before[0]["entries"] and after[1] == before[1]
    else:
        log_entry(run, entry)
        run.finish()
        assert state(store)[0]["entries"] == before[0]["entries"] + 1


@pytest.mark.parametrize("case", python_cases("run"))
def test_each_run_case_starts_a_run_or_is_refused_with_nothing_stored(store, case):
    start = json.loads(document(case))
    ds.init(project="baseline", name="b", capture=False).finish()
    before = state(store)
    arguments = dict(start, project=start.get("project", "default"))
    if case["expect"] == "reject":
        with pytest.raises(ValidationError) as raised:
            ds.init(capture=False, **arguments)
        expected = case.get("python_error", case.get("error"))
        if expected:
            assert expected in str(raised.value)
        assert state(store) == before
    else:
        ds.init(capture=False, **arguments).finish()
        assert state(store)[0]["runs"] == before[0]["runs"] + 1


LONE_SURROGATES = ["\ud800", "a\udfffb", "\udc80"]


@pytest.mark.parametrize("text", LONE_SURROGATES)
def test_a_string_that_is_not_unicode_text_is_refused_with_nothing_stored(store, text):
    """Python's equivalent of invalid UTF-8: a lone surrogate cannot be stored as text."""
    ds.init(project="baseline", name="b", capture=False).finish()
    before = state(store)
    attempts = [
        lambda: ds.init(project=text, capture=False),
        lambda: ds.init(project="p", name=text, capture=False),
        lambda: ds.init(project="p", config={text: 1}, capture=False),
        lambda: ds.init(project="p", config={"k": text}, capture=False),
        lambda: ds.init(project="p", tags=[text], capture=False),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError):
            attempt()
    assert state(store) == before
    run = ds.init(project="p", name="r", capture=False)
    before = state(store)
    for name, make, section in [
        (text, lambda: ds.Series(fields={"a": [1]}), None),
        ("m", lambda: ds.Series(fields={"a": [1]}), text),
        ("s", lambda: ds.Series(fields={text: [1]}), None),
        ("t", lambda: ds.Table(columns=[{"name": "c"}], data=[[text]]), None),
        ("cm", lambda: ds.Matrix(rows=[text], cols=["x"], values=[[1]]), None),
        ("b", lambda: ds.BarChart(categories=[text], groups={"g": [1]}), None),
        ("sc", lambda: ds.Scatter(x=[1], y=[1], colors=[text]), None),
        ("c", lambda: ds.Curve(x=[0], y=[0], x_label=text), None),
    ]:
        with pytest.raises(ValidationError):
            run.log(name, make(), section)
    with pytest.raises(ValidationError):
        ds.create_note("n", text)
    run.log("good", ds.Series(fields={"a": [1]}))
    run.finish()
    after = state(store)
    assert after[0]["entries"] == before[0]["entries"] + 1, "the good entry is kept, the bad ones are not"
    assert rows(store, "SELECT status FROM runs WHERE id = ?", run.id)[0]["status"] == "finished"


def test_artifact_paths_that_hold_nothing_or_climb_out_store_nothing(store, run, tmp_path):
    before = state(store)
    for path in ["", "/no/such/file", str(tmp_path / "missing")]:
        with pytest.raises((ArtifactPathError, ValidationError)):
            run.log_artifact("m", path)
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ["a.txt", "c\x01d.txt", "z.txt"]:
        (folder / name).write_text(name)
    with pytest.raises(ValidationError):
        run.log_artifact("data", str(folder))
    with pytest.raises(ValidationError):
        run.log_artifact("", str(folder / "a.txt"))
    assert state(store) == before


def test_links_inside_a_directory_artifact_are_neither_followed_nor_stored(store, run, tmp_path):
    folder = tmp_path / "checkpoint"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "weights.bin").write_bytes(b"w")
    os.symlink("/etc", folder / "etc")
    os.symlink("/etc/passwd", folder / "passwd")
    os.symlink("..", folder / "up")
    os.symlink("../sub", folder / "sub" / "loop")
    os.symlink("self", folder / "self")
    artifact = run.log_artifact("../../etc/<script>", str(folder))
    assert [f.path for f in artifact.files] == ["sub/weights.bin"]
    assert artifact.name == "../../etc/<script>"


def test_nul_in_note_markdown_is_kept_as_a_replacement_character(store, run):
    note = ds.create_note("nul", "before\0after")
    (row,) = rows(store, "SELECT markdown FROM notes WHERE id = ?", note)
    assert row["markdown"] == "before\ufffdafter"


# --- injection: every payload in every field, built by the Swift command ---

_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
_ATTRIBUTE = re.compile(r"([^\s=>/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_OWN_SCRIPTS = ('type="text/plain" id="chart-css"', 'type="application/json" id="compare-data"')


def unsafe_markup(text: str) -> list:
    """Tags that could run script: as MarkupSafetyScanner does on the Swift side, in brief."""
    problems = []
    text = re.sub(r"(<script\b[^>]*>).*?</script", r"\1</script", text, flags=re.S | re.I)
    for match in _TAG.finditer(text):
        tag, attributes = match.group(1).lower(), match.group(2)
        if tag in ("iframe", "embed", "base", "form", "frame"):
            problems.append(match.group(0))
        if tag == "script" and not (any(own in attributes for own in _OWN_SCRIPTS) or re.search(r'src="[^":]*assets/[^":]*\.js"', attributes)):
            problems.append(match.group(0))
        for name, value in _ATTRIBUTE.findall(attributes):
            value = re.sub(r"[\x00-\x20]", "", html.unescape(value.strip("\"'"))).lower()
            if name.lower().startswith("on"):
                problems.append(match.group(0))
            if name.lower() in ("href", "src", "xlink:href", "action", "data") and value.startswith(("javascript:", "vbscript:", "data:text/html")):
                problems.append(match.group(0))
            if name.lower() == "style" and ("expression(" in value or "javascript:" in value or "url(" in value):
                problems.append(match.group(0))
    return problems


def fill(template, payload):
    if isinstance(template, str):
        return template.replace("@P@", payload)
    if isinstance(template, list):
        return [fill(element, payload) for element in template]
    if isinstance(template, dict):
        return {key.replace("@P@", payload): fill(value, payload) for key, value in template.items()}
    return template


def test_every_payload_in_every_field_is_stored_and_built_inert(store, tmp_path):
    if not os.access(ARTIFACTA, os.X_OK):
        pytest.fail(f"{ARTIFACTA} is missing: run `swift build --product artifacta` first (make test does)")
    injection = CORPUS["injection"]
    files = tmp_path / "files"
    files.mkdir()
    payload_runs = {}
    number = 0
    for field in injection["fields"]:
        for template in injection["payloads"]:
            number += 1
            payload = template.replace("@N@", str(number))
            value = fill(field["template"], payload)
            if field["target"] == "run":
                ds.init(capture=False, **value).finish()
                continue
            if payload not in payload_runs:
                payload_runs[payload] = ds.init(project="inj", name=f"payload {len(payload_runs)}", capture=False)
            run = payload_runs[payload]
            if field["target"] == "entry":
                name = value["name"] if payload in value["name"] else field["id"]
                run.log(name, KINDS[value["primitive_type"]](**value["data"]), value.get("section"))
            elif field["target"] == "artifact-file":
                path = files / f"a{number}.txt"
                path.write_text(payload)
                run.log_artifact(value["name"], str(path), metadata=value["metadata"])
            elif field["target"] == "note":
                create_note(run.store, run.project, value["title"], value["markdown"], None, time.time())
    for run in payload_runs.values():
        run.finish()
    site = tmp_path / "site"
    built = subprocess.run([ARTIFACTA, "build", "--store", store, "--out", str(site)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    problems = []
    pages = []
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            if name.endswith((".html", ".svg")) and not os.path.relpath(path, site).startswith("files" + os.sep):
                text = open(path, encoding="utf-8", errors="replace").read()
                pages.append(text)
                problems += [f"{os.path.relpath(path, site)}: {problem[:120]}" for problem in unsafe_markup(text)]
    assert problems == []
    shown = html.unescape("".join(pages))
    assert "<script>alert(1)</script>" in shown, "the first payload (a run name) is shown as text"
    assert sorted(os.listdir(tmp_path)) == ["files", "site", "store"], "nothing written beside the site"
