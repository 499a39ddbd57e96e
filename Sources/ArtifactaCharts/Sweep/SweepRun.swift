import ArtifactaCore

/// One run of a sweep: its parameters and metrics by name.
public struct SweepRun: Sendable {
    /// The run's id, written as `data-run`.
    public var runID: String
    public var name: String
    /// The run's colour index, the same on every chart of the site.
    public var colorIndex: Int
    /// Parameter and metric values by name (flattened config keys joined with `.`).
    /// Numbers, strings and booleans; a missing key or `null` is a missing value.
    public var values: [String: JSONValue]

    public init(runID: String, name: String, colorIndex: Int, values: [String: JSONValue]) {
        self.runID = runID
        self.name = name
        self.colorIndex = colorIndex
        self.values = values
    }

    /// The finite number under `key`, if it is one.
    func number(_ key: String) -> Double? {
        guard case .number(let value)? = values[key], value.isFinite else { return nil }
        return value
    }
}

/// Whether a smaller or a larger metric is better.
public enum MetricGoal: Sendable {
    case minimize
    case maximize

    /// Whether `a` is strictly better than `b`.
    func prefers(_ a: Double, over b: Double) -> Bool { self == .minimize ? a < b : a > b }
}
