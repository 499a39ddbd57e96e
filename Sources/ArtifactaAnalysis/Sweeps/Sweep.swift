import ArtifactaCore

/// Two or more runs of a project with the same flattened config keys whose values differ
/// in at least one key.
public struct Sweep: Sendable {
    /// The project all its runs belong to.
    public var project: String
    /// The runs, in the order they were given to the detector.
    public var runs: [SweepRunInput]
    /// The keys whose values differ between runs, in the first run's config order.
    public var parameters: [SweepParameter]
    /// The keys with one value across all runs, in the first run's config order.
    public var constants: [SweepConstant]
    /// Every metric at least one run has, sorted by source, field and aggregation.
    public var metrics: [SweepMetric] {
        didSet { metricLabels = metrics.map(\.label) }
    }
    /// Each metric's ``SweepMetric/label``, made once: the charts name a thousand runs' values by it.
    private var metricLabels: [String]

    /// A sweep from parts already worked out; ``SweepDetector`` is the usual way to get one.
    public init(project: String, runs: [SweepRunInput], parameters: [SweepParameter], constants: [SweepConstant], metrics: [SweepMetric]) {
        self.project = project
        self.runs = runs
        self.parameters = parameters
        self.constants = constants
        self.metrics = metrics
        metricLabels = metrics.map(\.label)
    }

    /// The parameter named `key`, if it varies in this sweep.
    public func parameter(_ key: String) -> SweepParameter? {
        parameters.first(where: { $0.key == key })
    }

    /// A run's parameters and metrics by name, as the sweep charts take them (`SweepRun.values`):
    /// varying config keys with their values and each metric's ``SweepMetric/label`` with its number.
    public func chartValues(of run: SweepRunInput) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        values.reserveCapacity(parameters.count + metrics.count)
        for parameter in parameters {
            if let value = run.value(parameter.key) { values[parameter.key] = value }
        }
        for (metric, label) in zip(metrics, metricLabels) {
            if let number = run.metrics[metric] { values[label] = .number(number) }
        }
        return values
    }
}
