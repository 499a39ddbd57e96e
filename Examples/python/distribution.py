"""Distribution: a histogram of 1,000 weights drawn from a normal distribution, in two groups."""

import random

import artifacta as ds

ds.init(project="primitives", name="distribution")
rng = random.Random(0)
values = [rng.gauss(0, 1) for _ in range(500)] + [rng.gauss(1.5, 0.5) for _ in range(500)]
ds.log("weights", ds.Distribution(values=values, groups=["layer1"] * 500 + ["layer2"] * 500))
