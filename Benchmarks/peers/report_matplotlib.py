"""matplotlib's side of the report benchmark: W1's charts as SVG files, from the same data.

    python Benchmarks/peers/report_matplotlib.py --store STORE --out DIR

Draws what Artifacta's site draws for the project: one overlay per Series field across every
run (x = the Series index), the ROC Curve overlay with its diagonal, one heatmap (with cell
values) per run's Matrix, one histogram per run's Distribution, and parallel coordinates of
the sweep's parameters and a metric. Reading the store (w1data.load) is not timed; building
the figures and writing the SVG files is (wall and CPU time). Prints one JSON object.
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


def parameters(runs: list[w1data.RunData]) -> list[str]:
    keys: list[str] = []
    for run in runs:
        for key in run.config:
            if key not in keys:
                keys.append(key)
    return [key for key in keys if len({json.dumps(run.config.get(key)) for run in runs}) > 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True)
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    started = time.perf_counter()
    runs = w1data.load(arguments.store)
    load_seconds = time.perf_counter() - started
    os.makedirs(arguments.out, exist_ok=True)
    colors = plt.get_cmap("tab10").colors
    written: list[str] = []

    def save(figure, name: str) -> None:
        path = os.path.join(arguments.out, f"{len(written):03d}-{name.replace('/', '_')}.svg")
        figure.savefig(path, format="svg")
        plt.close(figure)
        written.append(path)

    start = time.perf_counter()
    cpu_start = time.process_time()
    pairs = w1data.overlays(runs)
    for name, field in pairs:
        figure, axes = plt.subplots(figsize=(7, 4))
        for number, run in enumerate(runs):
            series = run.series.get(name)
            if series is None:
                continue
            fields = series["fields"]
            y = fields[field]
            x = fields[series["index"]] if series["index"] in fields else np.arange(len(y))
            axes.plot(x, y, color=colors[number % len(colors)], linewidth=0.8, label=run.name if number < 10 else None)
        axes.set_title(f"{name} · {field}")
        axes.set_xlabel(series["index"] or "point")
        axes.grid(alpha=0.3)
        axes.legend(fontsize=6, loc="best")
        save(figure, f"{name}-{field}")
    curve_names = [name for name in runs[0].curves] if runs else []
    for name in curve_names:
        figure, axes = plt.subplots(figsize=(5, 5))
        for number, run in enumerate(runs):
            curve = run.curves.get(name)
            if curve is None:
                continue
            metric = curve.get("metric") or {}
            axes.plot(curve["x"], curve["y"], color=colors[number % len(colors)], linewidth=0.8,
                      label=f"{run.name} ({metric.get('name', '')} {metric.get('value', 0):.3f})" if number < 10 else None)
        axes.plot([0, 1], [0, 1], linestyle="--", color="gray", linewidth=0.8)
        axes.set_xlabel(curve.get("x_label", "x"))
        axes.set_ylabel(curve.get("y_label", "y"))
        axes.set_title(name)
        axes.legend(fontsize=6)
        save(figure, name)
    for run in runs:
        for name, matrix in run.matrices.items():
            values = np.array(matrix["values"], dtype=float)
            figure, axes = plt.subplots(figsize=(5, 4.5))
            image = axes.imshow(values, cmap="viridis")
            axes.set_xticks(range(len(matrix["cols"])), matrix["cols"], rotation=45, ha="right", fontsize=7)
            axes.set_yticks(range(len(matrix["rows"])), matrix["rows"], fontsize=7)
            for r in range(values.shape[0]):
                for c in range(values.shape[1]):
                    axes.text(c, r, f"{values[r, c]:.3g}", ha="center", va="center", fontsize=6, color="white")
            figure.colorbar(image, ax=axes)
            axes.set_title(f"{name} — {run.name}")
            figure.tight_layout()
            save(figure, f"{name}-{run.id}")
    for run in runs:
        for name, distribution in run.distributions.items():
            figure, axes = plt.subplots(figsize=(5, 3.5))
            axes.hist(np.asarray(distribution["values"], dtype=float), bins=50, color=colors[0])
            axes.set_title(f"{name} — {run.name}")
            save(figure, f"{name}-{run.id}")
    keys = parameters(runs)
    if keys and pairs:
        metric = pairs[0]
        columns = []
        for key in keys:
            raw = [run.config.get(key) for run in runs]
            if all(isinstance(value, (int, float)) for value in raw):
                numbers = [float(value) for value in raw]
                if min(numbers) > 0 and max(numbers) / min(numbers) > 100:
                    numbers = [math.log10(value) for value in numbers]
            else:
                categories = sorted({str(value) for value in raw})
                numbers = [float(categories.index(str(value))) for value in raw]
            columns.append(numbers)
        columns.append([w1data.final_metric(run, metric) for run in runs])
        data = np.array(columns, dtype=float)
        low, high = np.nanmin(data, axis=1, keepdims=True), np.nanmax(data, axis=1, keepdims=True)
        scaled = (data - low) / np.where(high > low, high - low, 1)
        figure, axes = plt.subplots(figsize=(8, 4))
        colormap = plt.get_cmap("viridis")
        for number in range(len(runs)):
            axes.plot(range(len(columns)), scaled[:, number], color=colormap(scaled[-1, number]), linewidth=0.8, alpha=0.8)
        axes.set_xticks(range(len(columns)), keys + [f"{metric[0]} · {metric[1]}"])
        for position in range(len(columns)):
            axes.axvline(position, color="black", linewidth=0.6)
        axes.set_yticks([])
        axes.set_title("parallel coordinates")
        save(figure, "parallel-coordinates")
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    sizes = [os.path.getsize(path) for path in written]
    print(json.dumps({"charts": len(written), "seconds": seconds, "cpu_seconds": cpu_seconds, "load_seconds": load_seconds,
                      "bytes": sum(sizes), "largest_chart_bytes": max(sizes, default=0),
                      "version": matplotlib.__version__}))


if __name__ == "__main__":
    main()
