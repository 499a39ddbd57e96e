"""Bad input fails at once with Swift's message, naming the field and index; nothing is stored."""

from __future__ import annotations

import os

import pytest

import artifacta as ds
from storeread import rows

S = ds.Series
BAD_PRIMITIVES = [
    (lambda: S(index="step", fields={"loss": [0.5, 0.3, 0.2], "accuracy": [0.6, 0.8]}),
     'Series: field "accuracy" has 2 values but "loss" has 3'),
    (lambda: S(fields={"loss": [1, "abc"]}), 'Series: field "loss" value 1 is "abc", not a number'),
    (lambda: S(fields={"loss": [True]}), 'Series: field "loss" value 0 is true, not a number'),
    (lambda: S(fields={"loss": [1.5, None]}), 'Series: field "loss" value 1 is null, not a number'),
    (lambda: S(fields={"loss": [[1]]}), 'Series: field "loss" value 0 is an array, not a number'),
    (lambda: S(fields={"loss": 0.5}), 'Series: field "loss" must be an array of numbers, not a number'),
    (lambda: S(fields={"loss": "0.5"}), 'Series: field "loss" must be an array of numbers, not a string'),
    (lambda: S(index="step"), 'Series: missing field "fields"'),
    (lambda: S(fields=[[1, 2]]), 'Series: field "fields" must be an object of name: [numbers], not an array'),
    (lambda: S(fields={}), "Series: fields must hold at least one field"),
    (lambda: S(fields={"loss": []}), "Series: fields hold no values"),
    (lambda: S(fields={"loss": [1]}, step=[1]), 'Series: unknown field "step" in Series data (expected: index, fields)'),
    (lambda: S(index=3, fields={"loss": [1]}), 'Series: field "index" must be a string, not a number'),
    (lambda: S(index="", fields={"loss": [1]}), "Series: index must not be empty"),
    (lambda: S(fields={"": [1]}), "Series: field name must not be empty"),
    (lambda: S(fields={"a\tb": [1]}), 'Series: field name "a\\tb" contains the control character U+0009'),
    (lambda: S(fields={"x" * 257: [1]}), "Series: field name is 257 characters long; the limit is 256"),
    (lambda: S(fields={3: [1]}), 'Series: field "fields" has the key 3; keys must be strings'),
    (lambda: ds.Distribution(values=[]), 'Distribution: field "values" is empty'),
    (lambda: ds.Distribution(), 'Distribution: missing field "values"'),
    (lambda: ds.Distribution(values=[1, 2, 3], groups=["a", "b"]),
     'Distribution: field "groups" has 2 values but "values" has 3'),
    (lambda: ds.Distribution(values=[1, 2], groups=["a", ""]), 'Distribution: field "groups" value 1 is an empty name'),
    (lambda: ds.Distribution(values=[1], groups=[1]), 'Distribution: field "groups" value 0 is 1, not a string'),
    (lambda: ds.Scatter(x=[1, 2, 3, 4], y=[2, 4, 6]), 'Scatter: field "y" has 3 values but "x" has 4'),
    (lambda: ds.Scatter(x=[1, 2], y=[2, 4], labels=["A"]), 'Scatter: field "labels" has 1 values but "x" has 2'),
    (lambda: ds.Scatter(x=[], y=[]), 'Scatter: field "x" is empty'),
    (lambda: ds.Scatter(x=[1, 2], y=[1, 2], colors=[1, "a"]),
     'Scatter: field "colors" must be all strings (categories) or all numbers (a scale)'),
    (lambda: ds.Scatter(x=[1], y=[1], colors="red"), 'Scatter: field "colors" must be an array, not a string'),
    (lambda: ds.Matrix(rows=["a", "b"], cols=["x", "y"], values=[[1, 2], [1, 2, 3]]),
     'Matrix: field "values" row 1 has 3 columns but "cols" has 2 labels'),
    (lambda: ds.Matrix(rows=["a", "b"], cols=["x"], values=[[1]]),
     'Matrix: field "values" has 1 rows but "rows" has 2 labels'),
    (lambda: ds.Matrix(rows=[], cols=["x"], values=[]), "Matrix: a matrix needs at least one row and one column"),
    (lambda: ds.Matrix(rows=["a"], cols=["x"], values=[["x"]]), 'Matrix: field "values[0]" value 0 is "x", not a number'),
    (lambda: ds.Matrix(rows=["a"], cols=["x"], values=5), 'Matrix: field "values" must be an array of rows, not a number'),
    (lambda: ds.Curve(x=[0, 1], y=[0, 1], baseline="flat"), 'Curve: field "baseline" must be "diagonal", not "flat"'),
    (lambda: ds.Curve(x=[0, 1], y=[0, 1, 1]), 'Curve: field "y" has 3 values but "x" has 2'),
    (lambda: ds.Curve(x=[], y=[]), 'Curve: field "x" is empty'),
    (lambda: ds.Curve(x=[0], y=[0], metric={"name": "AUC", "value": "high"}),
     'Curve: field "metric.value" must be a number'),
    (lambda: ds.Curve(x=[0], y=[0], metric=0.9), 'Curve: field "metric" must be a JSON object, not a number'),
    (lambda: ds.Curve(x=[0], y=[0], metric={"name": "AUC", "value": 1, "unit": "%"}),
     'Curve: unknown field "unit" in field "metric" (expected: name, value)'),
    (lambda: ds.Curve(x=[0], y=[0], metric={"value": 1}), 'Curve: missing field "name"'),
    (lambda: ds.Curve(x=[0], y=[0], metric={"name": "", "value": 1}), "Curve: metric name must not be empty"),
    (lambda: ds.BarChart(categories=["a", "b", "c"], groups={"f1": [1, 2]}),
     'BarChart: field "f1" has 2 values but "categories" has 3'),
    (lambda: ds.BarChart(categories=[], groups={"f1": []}), 'BarChart: field "categories" is empty'),
    (lambda: ds.BarChart(categories=["a"], groups={}), 'BarChart: field "groups" must hold at least one group'),
    (lambda: ds.BarChart(categories=["a"], groups={"f1": [1]}, stacked="yes"),
     'BarChart: field "stacked" must be true or false, not a string'),
    (lambda: ds.BarChart(categories=["a"], groups={"": [1]}), "BarChart: group name must not be empty"),
    (lambda: ds.Table(columns=[{"name": "Position", "type": "number"}], data=[["abc"]]),
     'Table: row 0 column "Position" is "abc", not a number'),
    (lambda: ds.Table(columns=[{"name": "A"}, {"name": "B"}], data=[["x"]]),
     "Table: row 0 has 1 cells but there are 2 columns"),
    (lambda: ds.Table(columns=[{"name": "A", "type": "int"}]),
     'Table: columns[0] has type "int"; use "string", "number" or "boolean"'),
    (lambda: ds.Table(columns=[{"name": "A"}, {"name": "A"}]), 'Table: column "A" appears twice'),
    (lambda: ds.Table(columns=[]), 'Table: field "columns" is empty'),
    (lambda: ds.Table(columns=["A"]), "Table: columns[0] must be a JSON object, not a string"),
    (lambda: ds.Table(columns=[{"name": "A", "kind": "x"}]), 'Table: unknown field "kind" in columns[0] (expected: name, type)'),
    (lambda: ds.Table(columns=[{"name": "A"}], data=[{"A": 1}]), "Table: data row 0 must be an array, not an object"),
    (lambda: ds.Table(columns=[{"name": "A", "type": "boolean"}], data=[[1]]), 'Table: row 0 column "A" is 1, not a boolean'),
]


@pytest.mark.parametrize("make, message", BAD_PRIMITIVES, ids=[m for _, m in BAD_PRIMITIVES])
def test_bad_primitive_fails_at_construction_with_the_swift_message(make, message):
    with pytest.raises(ds.ValidationError) as caught:
        make()
    assert str(caught.value) == message


GOOD = ds.Series(fields={"loss": [1.0]})


def bad_log_calls(run, tmp_path):
    return [
        (lambda: ds.log("", GOOD), "Series: entry name must not be empty"),
        (lambda: ds.log("loss", GOOD, section="a\nb"), 'Series: section "a\\nb" contains the control character U+000A'),
        (lambda: ds.log(5, GOOD), "Series: entry name must be a string, not a number"),
        (lambda: ds.log("loss", {"loss": [1]}),
         "ds.log needs a Series, Distribution, Scatter, Matrix, Curve, BarChart or Table, not dict"),
        (lambda: run.log_artifact("model.pt", tmp_path / "missing.pt"),
         f'artifact "model.pt": no file or directory at {tmp_path / "missing.pt"}'),
        (lambda: run.log_artifact("model.pt", __file__, role="both"), 'role must be "input" or "output", not "both"'),
        (lambda: run.log_artifact("model.pt", __file__, metadata=[1]), "metadata must be a JSON object"),
        (lambda: run.log_artifact("model.pt", __file__, metadata={"shape": {1, 2}}), 'metadata "shape" is a set, not JSON'),
        (lambda: run.log_artifact("", __file__), "artifact name must not be empty"),
    ]


def test_bad_log_calls_fail_with_clear_messages_and_store_nothing(run, store, tmp_path):
    for call, message in bad_log_calls(run, tmp_path):
        with pytest.raises((ds.ValidationError, FileNotFoundError)) as caught:
            call()
        assert str(caught.value) == message
    run.finish()
    assert rows(store, "SELECT * FROM entries") == []
    assert rows(store, "SELECT * FROM artifacts") == []


def test_a_name_keeps_its_type_and_a_series_keeps_its_index(run, store):
    ds.log("metrics", ds.Series(index="epoch", fields={"epoch": [0], "loss": [1.0]}))
    with pytest.raises(ds.ValidationError) as caught:
        ds.log("metrics", ds.Distribution(values=[1.0]))
    assert str(caught.value) == 'Distribution "metrics": the name is already used by a Series in this run'
    with pytest.raises(ds.ValidationError) as caught:
        ds.log("metrics", ds.Series(index="step", fields={"step": [1], "loss": [0.5]}))
    assert str(caught.value) == (
        'Series "metrics": this Series was logged with index "epoch", not "step"'
    )
    run.finish()
    assert [r["point_count"] for r in rows(store, "SELECT point_count FROM entries")] == [1]


BAD_INITS = [
    (dict(run_id="../x"), "run_id \"../x\" may hold only letters, digits, '.', '_' and '-', and not start with '.'"),
    (dict(run_id=""), "run_id must not be empty"),
    (dict(project=""), "project must not be empty"),
    (dict(name="a\x00b"), 'run name "a\\u0000b" contains the control character U+0000'),
    (dict(config=[1, 2]), "config must be a JSON object, not an array"),
    (dict(config={"betas": {0.9}}), 'config "betas" is a set, not JSON'),
    (dict(config={"opt": {"fn": print}}), 'config "opt.fn" is a builtin_function_or_method, not JSON'),
    (dict(tags=[""]), "tag must not be empty"),
    (dict(capture=["gpu"]),
     'capture names unknown aspect "gpu" (known: command, cpu_count, git, gpus, host, interpreter, os, packages)'),
]


@pytest.mark.parametrize("arguments, message", BAD_INITS, ids=[m for _, m in BAD_INITS])
def test_bad_init_arguments_fail_and_create_nothing(store, arguments, message):
    with pytest.raises(ds.ValidationError) as caught:
        ds.init(**{"project": "p", "capture": False, **arguments})
    assert str(caught.value) == message
    assert not os.path.exists(store) or rows(store, "SELECT * FROM runs") == []


def test_a_run_id_cannot_be_used_twice(store):
    ds.init(project="p", run_id="same", capture=False).finish()
    with pytest.raises(ds.ValidationError, match='run_id "same" already exists in this store'):
        ds.init(project="p", run_id="same", capture=False)
