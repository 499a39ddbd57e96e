"""Curve: a ROC curve and its AUC, computed with the standard library instead of scikit-learn."""

import random

import artifacta as ds


def roc_curve(y_true, y_scores):
    """False and true positive rates at every threshold, highest score first."""
    ranked = sorted(zip(y_scores, y_true), reverse=True)
    positives = sum(y_true)
    negatives = len(y_true) - positives
    fpr, tpr, tp, fp = [0.0], [0.0], 0, 0
    for _, label in ranked:
        tp, fp = tp + label, fp + (1 - label)
        fpr.append(fp / negatives)
        tpr.append(tp / positives)
    return fpr, tpr


rng = random.Random(1)
y_true = [rng.randint(0, 1) for _ in range(200)]
y_scores = [min(1.0, max(0.0, label * 0.3 + rng.random() * 0.7)) for label in y_true]
fpr, tpr = roc_curve(y_true, y_scores)
roc_auc = sum((x1 - x0) * (y0 + y1) / 2 for x0, x1, y0, y1 in zip(fpr, fpr[1:], tpr, tpr[1:]))

ds.init(project="primitives", name="curve")
ds.log("roc_curve", ds.Curve(
    x=fpr,
    y=tpr,
    x_label="False Positive Rate",
    y_label="True Positive Rate",
    baseline="diagonal",
    metric={"name": "AUC", "value": roc_auc},
))
