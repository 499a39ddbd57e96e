/// A line ready to draw: the points to keep of a run's values.
struct SampledLine {
    /// Raw (or smoothed) values, or values already in axis units.
    var values: [Double]
    /// The points to draw, with ``SeriesDownsampler/gap`` between stretches.
    var indices: [Int]
    /// The transform still to apply to `values` (`.linear`: none).
    var pending: AxisKind = .linear

    /// The value of point `index` in axis units.
    func axisValue(_ index: Int) -> Double { AxisScale.transform(values[index], kind: pending) }
}
