import ArtifactaCore

/// One run as sweep detection sees it: identity, flattened config and metric numbers.
public struct SweepRunInput: Sendable {
    /// The run id, as the site writes it in `data-run`.
    public var id: String
    /// The run name people see.
    public var name: String
    /// Runs of different projects never share a sweep.
    public var project: String
    /// Leaf config values under dotted keys, as ``ConfigFlattening/flatten(_:)`` gives them.
    public var config: [(key: String, value: JSONValue)]
    /// The run's metric numbers.
    public var metrics: SweepMetricValues

    /// A run from an already flattened config.
    public init(
        id: String, name: String, project: String, config: [(key: String, value: JSONValue)],
        metrics: SweepMetricValues = SweepMetricValues()
    ) {
        self.id = id
        self.name = name
        self.project = project
        self.config = config
        self.metrics = metrics
    }

    /// A run from its nested config object, flattened with dots.
    public init(id: String, name: String, project: String, nestedConfig: JSONValue, metrics: SweepMetricValues = SweepMetricValues()) {
        self.init(id: id, name: name, project: project, config: ConfigFlattening.flatten(nestedConfig), metrics: metrics)
    }

    /// The config value under `key`, if the run has that key.
    public func value(_ key: String) -> JSONValue? {
        config.first(where: { $0.key == key })?.value
    }
}
