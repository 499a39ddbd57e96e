"""numpy values are accepted when numpy is installed, and the client never needs or imports it."""

from __future__ import annotations

import math

import pytest

import artifacta as ds
from conftest import run_child
from storeread import payload, series_points


def test_numpy_scalars_and_arrays_of_any_numeric_dtype_are_accepted(run, store):
    np = pytest.importorskip("numpy")
    loss32 = np.array([0.5, np.nan, np.inf], dtype=np.float32)
    ds.log("m", ds.Series(index="step", fields={"step": np.arange(3), "loss": loss32}))
    ds.log("m", ds.Series(index="step", fields={"step": [np.int64(3)], "loss": [np.float32(0.25)]}))
    ds.log("w", ds.Distribution(values=np.random.default_rng(0).standard_normal(1000)))
    ds.log("cm", ds.Matrix(rows=["a", "b"], cols=["x", "y"], values=np.array([[10, 2], [3, 15]], dtype=np.int32)))
    ds.log("roc", ds.Curve(x=np.linspace(0, 1, 5), y=np.linspace(0, 1, 5) ** 0.5, metric={"name": "AUC", "value": np.float64(0.7)}))
    ds.log("t", ds.Table(columns=[{"name": "n", "type": "number"}, {"name": "s"}, {"name": "b", "type": "boolean"}],
                         data=[[np.float32(1.5), np.str_("x"), np.bool_(True)]]))
    ds.log("sc", ds.Scatter(x=np.array([1, 2]), y=np.array([3.0, 4.0]), colors=np.array([0.1, 0.2])))
    run.finish()
    points = series_points(store, run.id, "m")
    assert points["step"] == [0, 1, 2, 3]
    assert points["loss"][0] == 0.5 and math.isnan(points["loss"][1]) and points["loss"][2] == math.inf
    assert points["loss"][3] == 0.25
    assert len(payload(store, run.id, "w")["values"]) == 1000
    assert payload(store, run.id, "cm")["values"] == [[10, 2], [3, 15]]
    assert payload(store, run.id, "roc")["metric"] == {"name": "AUC", "value": 0.7}
    assert payload(store, run.id, "t")["data"] == [[1.5, "x", True]]


def test_numpy_errors_name_the_field_and_index(run):
    np = pytest.importorskip("numpy")
    with pytest.raises(ds.ValidationError, match=r'^Series: field "ok" value 0 is true, not a number$'):
        ds.Series(fields={"ok": np.array([True, False])})
    with pytest.raises(ds.ValidationError, match=r'^Series: field "m" value 0 is an array, not a number$'):
        ds.Series(fields={"m": np.zeros((2, 2))})
    with pytest.raises(ds.ValidationError, match=r'^Series: field "v" must be an array of numbers, not a number$'):
        ds.Series(fields={"v": np.float32(1)})


def test_numpy_config_values_are_stored_as_json(store):
    np = pytest.importorskip("numpy")
    run = ds.init(project="p", config={"lr": np.float32(0.5), "layers": np.array([64, 32]), "on": np.bool_(True)},
                  capture=False)
    run.finish()
    assert run.config == {"lr": 0.5, "layers": [64, 32], "on": True}


LOG_EVERYTHING = """
    import sys
    {prelude}
    import artifacta as ds
    ds.init(project="p", capture=False)
    ds.log("s", ds.Series(fields={{"v": [1, 2.5, float("nan")]}}))
    ds.log("d", ds.Distribution(values=[1, 2]))
    ds.log("m", ds.Matrix(rows=["a"], cols=["b"], values=[[1]]))
    ds.log("t", ds.Table(columns=[{{"name": "a"}}], data=[["x"]]))
    print("numpy" in sys.modules and sys.modules["numpy"] is not None)
"""


def test_the_client_works_when_numpy_cannot_be_imported(store):
    result = run_child(LOG_EVERYTHING.format(prelude='sys.modules["numpy"] = None  # import numpy fails'), store)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_client_does_not_import_numpy_by_itself(store):
    result = run_child(LOG_EVERYTHING.format(prelude=""), store)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
