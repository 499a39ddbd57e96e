extension LineChart {
    /// One way to draw the same lines: the y axis and the smoothing.
    public struct Variant: Sendable, Hashable {
        public var yAxis: AxisKind
        /// The EMA weight, or `nil` for raw lines.
        public var smoothing: Double?

        public init(yAxis: AxisKind, smoothing: Double?) {
            self.yAxis = yAxis
            self.smoothing = smoothing
        }
    }

    /// The chart drawn each of the ways in `variants`, in order: the same documents as
    /// setting ``yAxis`` and ``smoothing`` and calling ``document()`` for each, but the passes
    /// over every point that do not depend on them are made once for all.
    public func documents(_ variants: [Variant]) -> [SVGDocument] {
        let memo = LineChartMemo(runs: runs, reductions: reductions, chartKey: reductionKey)
        return variants.map { variant in
            var chart = self
            chart.yAxis = variant.yAxis
            chart.smoothing = variant.smoothing
            return chart.document(memo: memo)
        }
    }

    /// ``documents(_:)`` as text.
    public func svgs(_ variants: [Variant]) -> [String] { documents(variants).map(\.text) }
}
