import ArtifactaCore

/// One run's line in a ``LineChart`` or ``CurveChart``.
public struct LineChartRun: Sendable {
    /// The run's id, written as `data-run` so a page can show or hide the run.
    public var runID: String
    /// The name shown in the legend and tooltip.
    public var name: String
    /// The run's colour index, the same on every chart of the site.
    public var colorIndex: Int
    /// The x of each point; `nil` means the running point number (0, 1, 2…).
    public var x: [Double]?
    public var y: [Double]
    /// Drawn in full even when the chart overlays many runs (a selected run).
    public var emphasized: Bool

    public init(runID: String, name: String, colorIndex: Int, x: [Double]? = nil, y: [Double], emphasized: Bool = false) {
        self.runID = runID
        self.name = name
        self.colorIndex = colorIndex
        self.x = x
        self.y = y
        self.emphasized = emphasized
    }

    /// The line of one field of a Series: x is the index field when the series names one.
    public init?(runID: String, name: String, colorIndex: Int, series: Series, field: String, emphasized: Bool = false) {
        guard let values = series.fields.first(where: { $0.name == field })?.values else { return nil }
        let x = series.index.flatMap { index in series.fields.first(where: { $0.name == index })?.values }
        self.init(runID: runID, name: name, colorIndex: colorIndex, x: x, y: values, emphasized: emphasized)
    }

    /// The x of point `index`.
    func xValue(_ index: Int) -> Double {
        guard let x else { return Double(index) }
        return index < x.count ? x[index] : .nan
    }

    /// The number of points (x and y paired).
    var pointCount: Int { x.map { min($0.count, y.count) } ?? y.count }
}
