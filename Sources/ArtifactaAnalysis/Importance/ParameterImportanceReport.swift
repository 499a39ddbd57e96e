/// Parameter importance of a sweep for one metric: a score per parameter, the number of
/// runs behind it, and whether there are too few runs to trust it.
public struct ParameterImportanceReport: Sendable, Equatable {
    /// Below this many runs the report carries a caveat.
    public static let confidentRunCount = 10

    /// The metric the parameters are judged against.
    public var metric: SweepMetric
    /// The runs with a finite value of the metric, the ones the forest was fitted on.
    public var runCount: Int
    /// One score per parameter, in the sweep's parameter order.
    public var scores: [ParameterImportanceScore]
    /// How well the forest predicts the metric for runs it did not see (out-of-bag R²);
    /// low or negative values mean the importances explain little.
    public var outOfBagR2: Double?

    /// A report from its parts.
    public init(metric: SweepMetric, runCount: Int, scores: [ParameterImportanceScore], outOfBagR2: Double?) {
        self.metric = metric
        self.runCount = runCount
        self.scores = scores
        self.outOfBagR2 = outOfBagR2
    }

    /// Whether fewer than ``confidentRunCount`` runs stand behind the numbers.
    public var hasFewRuns: Bool { runCount < Self.confidentRunCount }

    /// A sentence to show beside the numbers when they rest on few runs.
    public var caveat: String? {
        hasFewRuns ? "Only \(runCount) run\(runCount == 1 ? "" : "s") with \(metric.label): treat the importance as a hint." : nil
    }

    /// The scores, most important first (importance, then |correlation|, then sweep order).
    public var ranked: [ParameterImportanceScore] {
        scores.enumerated().sorted { a, b in
            let x = a.element.importance ?? -1, y = b.element.importance ?? -1
            if x != y { return x > y }
            let p = abs(a.element.correlation ?? 0), q = abs(b.element.correlation ?? 0)
            return p == q ? a.offset < b.offset : p > q
        }.map(\.element)
    }
}
