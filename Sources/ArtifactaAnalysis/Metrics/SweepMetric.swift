/// One metric a sweep can be judged by: a Series field aggregated as last, min or max, or
/// the summary number of a Curve.
public struct SweepMetric: Sendable, Hashable, Comparable {
    /// The Series or Curve entry name, e.g. `train/loss` or `roc`.
    public let source: String
    /// The Series field, or the Curve metric's name (e.g. `AUC`).
    public let field: String
    /// Last, min or max of a Series field; `value` for a Curve metric.
    public let aggregation: MetricAggregation
    /// A digest of the three, made once: every run's metrics are looked up by metric, for
    /// every metric page, and hashing both names each time was most of a lookup.
    private let digest: UInt64

    /// A metric from its parts; see also ``series(_:field:_:)`` and ``curve(_:metric:)``.
    public init(source: String, field: String, aggregation: MetricAggregation) {
        self.source = source
        self.field = field
        self.aggregation = aggregation
        // FNV-1a over the three, each ended by a zero byte.
        var digest: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ part: String) {
            for byte in part.utf8 { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01B3 }
            digest = digest &* 0x100_0000_01B3
        }
        add(source)
        add(field)
        add(aggregation.rawValue)
        self.digest = digest
    }

    public static func == (lhs: SweepMetric, rhs: SweepMetric) -> Bool {
        lhs.digest == rhs.digest && lhs.aggregation == rhs.aggregation && lhs.source == rhs.source && lhs.field == rhs.field
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    /// A Series field taken as last, min or max.
    public static func series(_ source: String, field: String, _ aggregation: MetricAggregation) -> SweepMetric {
        SweepMetric(source: source, field: field, aggregation: aggregation)
    }

    /// The summary number of a Curve.
    public static func curve(_ source: String, metric: String) -> SweepMetric {
        SweepMetric(source: source, field: metric, aggregation: .value)
    }

    /// The name charts show and key their values by: `loss (last)`, `train/acc (max)`, `roc/AUC`.
    ///
    /// The entry name is left out when it equals the field's name.
    public var label: String {
        let base = source == field ? field : "\(source)/\(field)"
        return aggregation == .value ? base : "\(base) (\(aggregation.rawValue))"
    }

    /// Orders by source, then field, then aggregation.
    public static func < (lhs: SweepMetric, rhs: SweepMetric) -> Bool {
        if lhs.source != rhs.source { return lhs.source < rhs.source }
        if lhs.field != rhs.field { return lhs.field < rhs.field }
        return lhs.aggregation < rhs.aggregation
    }
}
