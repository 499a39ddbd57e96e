import ArtifactaCore

/// One run's curve in a ``CurveChart``.
public struct CurveChartRun: Sendable {
    /// The run's id, written as `data-run`.
    public var runID: String
    /// The name shown in the legend.
    public var name: String
    /// The run's colour index, the same on every chart of the site.
    public var colorIndex: Int
    public var curve: Curve

    public init(runID: String, name: String, colorIndex: Int, curve: Curve) {
        self.runID = runID
        self.name = name
        self.colorIndex = colorIndex
        self.curve = curve
    }

    /// The legend suffix: the curve's metric, such as `AUC 0.93`.
    var metricText: String? {
        curve.metric.map { "\($0.name) \(CompactNumber.text($0.value, significantDigits: 3))" }
    }
}
