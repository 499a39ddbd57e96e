"""Matrix: a confusion matrix counted from predictions."""

import artifacta as ds

labels = ["cat", "dog", "bird"]
truth = ["cat", "dog", "bird", "cat", "dog", "cat", "bird", "dog"]
predicted = ["cat", "dog", "cat", "cat", "bird", "cat", "bird", "dog"]
counts = [[sum(1 for t, p in zip(truth, predicted) if t == row and p == col) for col in labels] for row in labels]

ds.init(project="primitives", name="matrix")
ds.log("confusion_matrix", ds.Matrix(rows=[f"True {l}" for l in labels], cols=labels, values=counts))
