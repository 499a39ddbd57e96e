import ArtifactaCore

/// The metric numbers of one run: last / min / max of each Series field and each Curve's
/// summary number. Built from plain values, so callers that already aggregated pass the
/// aggregates and callers with raw points pass the points.
public struct SweepMetricValues: Sendable, Equatable {
    /// Every metric of the run by its identity. Values are finite or NaN, never missing keys for NaN.
    public private(set) var values: [SweepMetric: Double]

    /// No metrics.
    public init() { values = [:] }

    /// No metrics yet, with room for `capacity`.
    public init(capacity: Int) {
        values = [:]
        values.reserveCapacity(capacity)
    }

    /// Metrics given directly, e.g. in tests: `[.series("loss", field: "loss", .last): 0.1]`.
    public init(_ values: [SweepMetric: Double]) { self.values = values }

    /// Metrics from a run's Series and Curves as Core holds them (the index field is left out).
    public init(series: [(name: String, series: Series)], curves: [(name: String, curve: Curve)]) {
        self.init()
        for (name, series) in series {
            for field in series.fields where field.name != series.index || series.fields.count == 1 {
                addSeriesField(series: name, field: field.name, values: field.values)
            }
        }
        for (name, curve) in curves {
            if let metric = curve.metric { addCurveMetric(curve: name, name: metric.name, value: metric.value) }
        }
    }

    /// The value of `metric`, or `nil` when the run does not have it.
    public subscript(metric: SweepMetric) -> Double? { values[metric] }

    /// The value of `metric` when it is a finite number.
    public func finite(_ metric: SweepMetric) -> Double? {
        guard let value = values[metric], value.isFinite else { return nil }
        return value
    }

    /// Adds last / min / max of a Series field's raw values; NaN points are skipped and a
    /// field of only NaN adds nothing.
    public mutating func addSeriesField(series: String, field: String, values points: [Double]) {
        var last = Double.nan
        var low = Double.infinity
        var high = -Double.infinity
        for point in points where !point.isNaN {
            last = point
            low = Swift.min(low, point)
            high = Swift.max(high, point)
        }
        guard !last.isNaN else { return }
        addSeriesSummary(series: series, field: field, last: last, min: low, max: high)
    }

    /// Adds a Series field's last / min / max that the caller already computed.
    public mutating func addSeriesSummary(series: String, field: String, last: Double, min: Double, max: Double) {
        values[.series(series, field: field, .last)] = last
        values[.series(series, field: field, .min)] = min
        values[.series(series, field: field, .max)] = max
    }

    /// Adds a Curve's summary number, such as `AUC`.
    public mutating func addCurveMetric(curve: String, name: String, value: Double) {
        values[.curve(curve, metric: name)] = value
    }
}
