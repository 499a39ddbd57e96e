/// How one number per run is taken from a logged metric.
public enum MetricAggregation: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The last non-NaN value of a Series field.
    case last
    /// The smallest non-NaN value of a Series field.
    case min
    /// The largest non-NaN value of a Series field.
    case max
    /// The summary number of a Curve (its `metric`), taken as it is.
    case value

    /// Orders as last, min, max, value.
    public static func < (lhs: MetricAggregation, rhs: MetricAggregation) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
