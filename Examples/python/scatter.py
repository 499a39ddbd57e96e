"""Scatter: labelled points with sizes and a colour scale."""

import artifacta as ds

ds.init(project="primitives", name="scatter")
ds.log("embeddings", ds.Scatter(
    x=[1, 2, 3, 4],
    y=[2, 4, 6, 8],
    labels=["A", "B", "C", "D"],
    sizes=[4, 8, 12, 16],
    colors=[0.1, 0.4, 0.7, 1.0],
))
