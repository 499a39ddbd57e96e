"""Series append as docs/STORE.md says: one entry per name, packed little-endian chunks, NaN kept."""

from __future__ import annotations

import math
import struct
import time

import artifacta as ds
from storeread import payload, rows, series_points


def test_the_guides_per_epoch_loop_makes_one_series_of_ten_points(run, store):
    for epoch in range(10):
        ds.log("metrics", ds.Series(index="epoch", fields={"train_loss": [1.0 / (epoch + 1)], "epoch": [epoch]}))
    run.finish()
    (entry,) = rows(store, "SELECT * FROM entries")
    assert (entry["name"], entry["primitive_type"], entry["point_count"]) == ("metrics", "Series", 10)
    assert payload(store, run.id, "metrics") == {"index": "epoch", "fields": ["train_loss", "epoch"]}
    points = series_points(store, run.id, "metrics")
    assert points["epoch"] == [float(e) for e in range(10)]
    assert points["train_loss"] == [1.0 / (e + 1) for e in range(10)]
    assert len(rows(store, "SELECT * FROM series_chunks")) == 2, "consecutive appends are batched into one chunk per field"


def test_chunks_are_little_endian_float64_and_keep_nan_and_infinity(run, store):
    values = [1.5, math.nan, math.inf, -math.inf, -0.0, 3]
    ds.log("x", ds.Series(fields={"v": values}))
    run.finish()
    (chunk,) = rows(store, "SELECT * FROM series_chunks")
    assert chunk["data_values"] == struct.pack("<6d", *values)
    assert (chunk["field"], chunk["first_point"], chunk["point_count"]) == ("v", 0, 6)


def test_appends_after_a_flush_continue_the_point_numbering(run, store):
    ds.log("loss", ds.Series(fields={"loss": [1.0, 2.0]}))
    time.sleep(1.2)  # longer than the flush interval: the first two points are written alone
    assert rows(store, "SELECT point_count FROM entries")[0]["point_count"] == 2
    for step in range(3):
        ds.log("loss", ds.Series(fields={"loss": [float(step)]}))
    run.finish()
    chunks = rows(store, "SELECT first_point, point_count FROM series_chunks ORDER BY first_point")
    assert [tuple(c) for c in chunks] == [(0, 2), (2, 3)]
    assert series_points(store, run.id, "loss")["loss"] == [1.0, 2.0, 0.0, 1.0, 2.0]


def test_a_field_missing_from_some_calls_reads_back_as_nan(run, store):
    ds.log("m", ds.Series(index="step", fields={"step": [0, 1], "loss": [1.0, 0.9]}))
    ds.log("m", ds.Series(index="step", fields={"step": [2], "loss": [0.8], "val_loss": [1.2]}))
    ds.log("m", ds.Series(fields={"step": [3], "loss": [0.7]}))
    run.finish()
    points = series_points(store, run.id, "m")
    assert points["step"] == [0, 1, 2, 3]
    assert points["loss"] == [1.0, 0.9, 0.8, 0.7]
    assert math.isnan(points["val_loss"][0]) and points["val_loss"][2] == 1.2 and math.isnan(points["val_loss"][3])
    assert payload(store, run.id, "m") == {"index": "step", "fields": ["step", "loss", "val_loss"]}


def test_an_index_named_later_is_recorded(run, store):
    ds.log("m", ds.Series(fields={"loss": [1.0]}))
    ds.log("m", ds.Series(index="step", fields={"loss": [0.5]}))
    run.finish()
    assert payload(store, run.id, "m")["index"] == "step"


def test_interleaved_series_and_entries_keep_logging_order(run, store):
    for step in range(5):
        ds.log("train", ds.Series(fields={"loss": [step]}))
        ds.log("val", ds.Series(fields={"loss": [step * 2]}))
        ds.log("hist", ds.Distribution(values=[step, step + 1]))
    run.finish()
    names = [r["name"] for r in rows(store, "SELECT name FROM entries ORDER BY id")]
    assert names == ["train", "val", "hist", "hist", "hist", "hist", "hist"]
    assert series_points(store, run.id, "val")["loss"] == [0, 2, 4, 6, 8]
    assert payload(store, run.id, "hist") == {"values": [4, 5]}


def test_a_logged_series_object_is_a_copy_of_the_users_lists(run, store):
    values = [1.0, 2.0]
    series = ds.Series(fields={"v": values})
    values.append(3.0)
    ds.log("a", series)
    ds.log("a", series)
    ds.log("b", series)
    run.finish()
    assert series_points(store, run.id, "a")["v"] == [1.0, 2.0, 1.0, 2.0]
    assert series_points(store, run.id, "b")["v"] == [1.0, 2.0]


def test_many_points_are_written_in_large_chunks_and_all_arrive(run, store):
    for step in range(50_000):
        ds.log("train", ds.Series(fields={"step": [step], "loss": [step * 0.5]}))
    run.finish()
    points = series_points(store, run.id, "train")
    assert points["step"] == [float(s) for s in range(50_000)]
    (chunks,) = rows(store, "SELECT COUNT(*) AS n FROM series_chunks")
    assert chunks["n"] < 100


def test_payloads_write_nan_as_bare_tokens_and_whole_numbers_without_fraction(run, store):
    ds.log("d", ds.Distribution(values=[1.0, math.nan, math.inf, -math.inf, 2.5]))
    ds.log("t", ds.Table(columns=[{"name": "q", "type": "number"}, {"name": "s"}], data=[["NaN", "x"], [3.0, None]]))
    run.finish()
    (d, t) = rows(store, "SELECT payload FROM entries ORDER BY id")
    assert d["payload"] == '{"values":[1,NaN,Infinity,-Infinity,2.5]}'
    assert t["payload"] == '{"columns":[{"name":"q","type":"number"},{"name":"s","type":"string"}],"data":[[NaN,"x"],[3,null]]}'
