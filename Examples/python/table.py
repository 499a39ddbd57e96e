"""Table: typed rows (a genomics variant list), with a missing cell."""

import artifacta as ds

ds.init(project="primitives", name="table")
ds.log("top_variants", ds.Table(
    columns=[
        {"name": "Chromosome", "type": "string"},
        {"name": "Position", "type": "number"},
        {"name": "Type", "type": "string"},
        {"name": "Quality", "type": "number"},
        {"name": "Filtered", "type": "boolean"},
    ],
    data=[
        ["chr1", 12345678, "SNP", 95.2, False],
        ["chr2", 98765432, "INDEL", 88.7, True],
        ["chr3", 45678901, "SNP", None, False],
    ],
))
