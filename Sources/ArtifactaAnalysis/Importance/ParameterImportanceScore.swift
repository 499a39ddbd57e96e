/// How much one parameter of a sweep matters to a metric.
public struct ParameterImportanceScore: Sendable, Equatable {
    /// Which association ``correlation`` measures.
    public enum CorrelationKind: String, Sendable, Equatable {
        /// Spearman's ρ in −1…1: numeric parameters, and booleans with false < true.
        case spearman
        /// The correlation ratio η of the metric's ranks in 0…1: other categorical parameters (no sign).
        case correlationRatio
    }

    /// The dotted config key.
    public var parameter: String
    /// Which association ``correlation`` holds.
    public var correlationKind: CorrelationKind
    /// The rank association with the metric; `nil` when fewer than 3 runs have both values or one side is constant.
    public var correlation: Double?
    /// The runs behind ``correlation``: those where both the parameter and the metric are present and finite.
    public var correlationRunCount: Int
    /// The share of the forest's permutation importance, in 0…1 (all parameters sum to 1
    /// unless none helps); `nil` when the forest could not be fitted.
    public var importance: Double?

    /// A score from its parts.
    public init(parameter: String, correlationKind: CorrelationKind, correlation: Double?, correlationRunCount: Int, importance: Double?) {
        self.parameter = parameter
        self.correlationKind = correlationKind
        self.correlation = correlation
        self.correlationRunCount = correlationRunCount
        self.importance = importance
    }
}
