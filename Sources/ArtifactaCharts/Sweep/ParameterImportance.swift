/// How much one parameter matters to a metric: rank correlation and model-based importance.
public struct ParameterImportance: Sendable {
    public var parameter: String
    /// Spearman rank correlation with the metric, in -1...1; `nil` when it cannot be computed.
    public var spearman: Double?
    /// Model-based importance (e.g. permutation importance), normalised to 0...1; `nil` when unknown.
    public var importance: Double?

    public init(parameter: String, spearman: Double?, importance: Double?) {
        self.parameter = parameter
        self.spearman = spearman
        self.importance = importance
    }
}
