"""plotly's side of the report benchmark: W1's charts in one offline HTML file, from the same data.

    python Benchmarks/peers/report_plotly.py --store STORE --out FILE.html

The same charts as report_matplotlib.py (Series overlays, the ROC overlay, a heatmap per
Matrix, a histogram per Distribution, parallel coordinates), each a plotly figure; plotly.js
is inlined once (include_plotlyjs=True on the first figure) so the page opens offline.
Reading the store is not timed; building the figures and writing the file is. Prints one
JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import w1data  # noqa: E402
from report_matplotlib import parameters  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True)
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()

    import numpy as np
    import plotly
    import plotly.graph_objects as go

    started = time.perf_counter()
    runs = w1data.load(arguments.store)
    load_seconds = time.perf_counter() - started

    start = time.perf_counter()
    cpu_start = time.process_time()
    figures: list = []
    pairs = w1data.overlays(runs)
    for name, field in pairs:
        figure = go.Figure()
        for run in runs:
            series = run.series.get(name)
            if series is None:
                continue
            fields = series["fields"]
            y = fields[field]
            x = fields[series["index"]] if series["index"] in fields else np.arange(len(y))
            figure.add_trace(go.Scatter(x=x, y=y, mode="lines", name=run.name, line={"width": 1}))
        figure.update_layout(title=f"{name} · {field}", xaxis_title=series["index"] or "point", width=700, height=400)
        figures.append(figure)
    for name in (list(runs[0].curves) if runs else []):
        figure = go.Figure()
        for run in runs:
            curve = run.curves.get(name)
            if curve is not None:
                figure.add_trace(go.Scatter(x=curve["x"], y=curve["y"], mode="lines", name=run.name, line={"width": 1}))
        figure.add_trace(go.Scatter(x=[0, 1], y=[0, 1], mode="lines", name="diagonal", line={"dash": "dash", "color": "gray"}))
        figure.update_layout(title=name, width=500, height=500)
        figures.append(figure)
    for run in runs:
        for name, matrix in run.matrices.items():
            values = np.array(matrix["values"], dtype=float)
            figure = go.Figure(go.Heatmap(z=values, x=matrix["cols"], y=matrix["rows"], text=values,
                                          texttemplate="%{text:.3g}", colorscale="Viridis"))
            figure.update_layout(title=f"{name} — {run.name}", width=500, height=450, yaxis={"autorange": "reversed"})
            figures.append(figure)
    for run in runs:
        for name, distribution in run.distributions.items():
            figure = go.Figure(go.Histogram(x=np.asarray(distribution["values"], dtype=float), nbinsx=50))
            figure.update_layout(title=f"{name} — {run.name}", width=500, height=350)
            figures.append(figure)
    keys = parameters(runs)
    if keys and pairs:
        dimensions = []
        for key in keys:
            raw = [run.config.get(key) for run in runs]
            if all(isinstance(value, (int, float)) for value in raw):
                numbers = [float(value) for value in raw]
                if min(numbers) > 0 and max(numbers) / min(numbers) > 100:
                    dimensions.append({"label": f"log10 {key}", "values": [math.log10(value) for value in numbers]})
                else:
                    dimensions.append({"label": key, "values": numbers})
            else:
                categories = sorted({str(value) for value in raw})
                dimensions.append({"label": key, "values": [categories.index(str(value)) for value in raw],
                                   "tickvals": list(range(len(categories))), "ticktext": categories})
        metric = [w1data.final_metric(run, pairs[0]) for run in runs]
        dimensions.append({"label": f"{pairs[0][0]} · {pairs[0][1]}", "values": metric})
        figure = go.Figure(go.Parcoords(line={"color": metric, "colorscale": "Viridis"}, dimensions=dimensions))
        figure.update_layout(title="parallel coordinates", width=800, height=400)
        figures.append(figure)
    parts = ["<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>W1 (plotly)</title></head><body>"]
    for number, figure in enumerate(figures):
        parts.append(figure.to_html(full_html=False, include_plotlyjs=number == 0))
    parts.append("</body></html>")
    with open(arguments.out, "w", encoding="utf-8") as handle:
        handle.write("\n".join(parts))
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    print(json.dumps({"charts": len(figures), "seconds": seconds, "cpu_seconds": cpu_seconds, "load_seconds": load_seconds,
                      "bytes": os.path.getsize(arguments.out), "version": plotly.__version__}))


if __name__ == "__main__":
    main()
