"""BarChart: model comparison, two groups of scores per architecture."""

import artifacta as ds

ds.init(project="primitives", name="bar-chart")
ds.log("model_comparison", ds.BarChart(
    categories=["ResNet-50", "EfficientNet-B0", "ViT-Base"],
    groups={"accuracy": [0.85, 0.88, 0.90], "f1_score": [0.83, 0.86, 0.89]},
    x_label="Model Architecture",
    y_label="Score",
    stacked=False,
))
