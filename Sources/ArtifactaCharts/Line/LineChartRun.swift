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
    /// What identifies the run's points: the same key means the same points. The faint line
    /// of a run with a key is kept in the chart's ``LineChartReductions`` for the next drawing.
    public var dataKey: Int64?
    /// ``faintOpening(runID:name:colorIndex:)`` of this run, made once for all the charts
    /// that draw it faintly (nil: each chart makes it).
    public var faintOpening: String?
    /// Points not read yet (``x`` and ``y`` are then empty): what a chart needs of them
    /// without reading them, and how to read them when it does need them.
    public var deferred: DeferredPoints?

    /// A run's point count and x range: what a chart needs of a run it draws faintly from
    /// its kept ``LineChartReductions``.
    public struct Summary: Sendable, Hashable {
        public var pointCount: Int
        /// The finite x range and whether x never decreases; nil when no x is finite.
        public var xLower: Double
        public var xUpper: Double
        public var ordered: Bool
        public var hasDomain: Bool

        public init(pointCount: Int, xLower: Double, xUpper: Double, ordered: Bool, hasDomain: Bool) {
            self.pointCount = pointCount
            self.xLower = xLower
            self.xUpper = xUpper
            self.ordered = ordered
            self.hasDomain = hasDomain
        }

        /// The summary of a run's points.
        public init(of run: LineChartRun) {
            if let deferred = run.deferred {
                self = deferred.summary
                return
            }
            let domain = LineChart.xDomain(run)
            self.init(
                pointCount: run.pointCount, xLower: domain?.lower ?? 0, xUpper: domain?.upper ?? 0, ordered: domain?.ordered ?? false,
                hasDomain: domain != nil)
        }

        var domain: (lower: Double, upper: Double, ordered: Bool)? { hasDomain ? (xLower, xUpper, ordered) : nil }
    }

    /// The points of a run, read when a chart first needs them.
    public struct DeferredPoints: Sendable {
        public var summary: Summary
        public var load: @Sendable () -> (x: [Double]?, y: [Double])

        public init(summary: Summary, load: @escaping @Sendable () -> (x: [Double]?, y: [Double])) {
            self.summary = summary
            self.load = load
        }
    }

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

    /// The opening of a run's faint line in an overlay: its group and tooltip.
    public static func faintOpening(runID: String, name: String, colorIndex: Int) -> String {
        let runAttribute = runID.isEmpty ? "" : " data-run=\"\(XMLText.escape(runID))\""
        return "<g class=\"run ac-rest \(Palette.colorClass(colorIndex))\"\(runAttribute)><title>" + XMLText.escape(name) + "</title>"
    }

    /// The x of point `index`.
    func xValue(_ index: Int) -> Double {
        guard let x else { return Double(index) }
        return index < x.count ? x[index] : .nan
    }

    /// The number of points (x and y paired).
    var pointCount: Int { deferred?.summary.pointCount ?? x.map { min($0.count, y.count) } ?? y.count }

    /// The run with its points read.
    func loaded() -> LineChartRun {
        guard let deferred else { return self }
        var run = self
        (run.x, run.y) = deferred.load()
        run.deferred = nil
        return run
    }
}
