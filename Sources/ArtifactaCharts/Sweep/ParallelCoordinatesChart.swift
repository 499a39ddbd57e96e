import ArtifactaCore

/// Parallel coordinates of a sweep: one vertical axis per parameter (numeric, log or
/// categorical) and the metric last; one line per run coloured by the metric, best on top.
public struct ParallelCoordinatesChart: SVGChart {
    public var title: String
    /// Parameter names, in axis order.
    public var parameters: [String]
    /// The metric that colours the lines and forms the last axis.
    public var metric: String
    public var goal: MetricGoal
    public var runs: [SweepRun]
    public var width: Double
    public var height: Double
    /// Runs beyond this many are left out, keeping the best.
    public var maxRuns: Int
    /// Text the sweep's other charts share (the same chart, drawn faster).
    public var shared: SweepPointText?

    public init(
        title: String, parameters: [String], metric: String, goal: MetricGoal, runs: [SweepRun], width: Double = 880,
        height: Double = 400, maxRuns: Int = 500, shared: SweepPointText? = nil
    ) {
        self.shared = shared
        self.title = title
        self.parameters = parameters
        self.metric = metric
        self.goal = goal
        self.runs = runs
        self.width = width
        self.height = height
        self.maxRuns = maxRuns
    }

    /// The chart as a standalone SVG document.
    public func document() -> SVGDocument {
        guard !runs.isEmpty, !parameters.isEmpty else {
            return ChartCanvas.message("No data", title: title, width: width, height: height)
        }
        // Tooltip parts made once per sweep, when they are this chart's runs' and every axis is there.
        let sharedText = shared.flatMap { $0.describes(runs) ? $0 : nil }
        let summaries = sharedText?.summary(parameters)
        let sharedMetric = sharedText?.metric(metric)
        // Worst first, best last so that the best run is drawn on top; runs without the metric first of all.
        let metricValues = sharedMetric?.numbers ?? runs.map { $0.number(metric) }
        let ordered = runs.indices.sorted { a, b in
            switch (metricValues[a], metricValues[b]) {
            case let (x?, y?): return x == y ? a < b : goal.prefers(y, over: x)
            case (nil, nil): return a < b
            case (nil, _): return true
            case (_, nil): return false
            }
        }
        let shownIndices = Array(ordered.suffix(maxRuns))
        let metricLabel = XMLText.escape(metric)
        // Parameter axes span every run, so that a sweep's metric pages share them; the metric's spans the runs shown.
        let parameterAxes = parameters.map { sharedText?.parameter($0)?.axis ?? SweepAxis(name: $0, runs: runs) }
        let axes = parameterAxes + [SweepAxis(name: metric, values: shownIndices.map { metricValues[$0].map(JSONValue.number) ?? runs[$0].values[metric] })]
        let shownValues = shownIndices.compactMap { metricValues[$0] }
        let metricRange = (shownValues.min() ?? 0, shownValues.max() ?? 1)
        let legend = ColorLegend(scale: .sequential, lower: metricRange.0, upper: metricRange.1, title: metric, start: ColorScale.markStart)

        var notes = ["\(shownIndices.count) runs", goal == .minimize ? "lower \(metric) is better" : "higher \(metric) is better"]
        if shownIndices.count < runs.count { notes[0] = "best \(shownIndices.count) of \(runs.count) runs" }
        let summary = "Parallel coordinates \(title): \(shownIndices.count) runs over \(parameters.count) parameters, coloured by \(metric)"
        var canvas = ChartCanvas(
            width: width, height: height, title: title, summary: summary, note: notes.joined(separator: " · "),
            capacity: 16_384 + (200 + 24 * axes.count) * shownIndices.count)
        let top = ChartCanvas.titleHeight + 30
        let anyMissing = axes.contains(where: \.hasMissing)
        let axisHeight = height - top - (anyMissing ? 52 : 24)
        let left = 60.0
        let right = width - legend.footprint - 40
        let spacing = axes.count > 1 ? (right - left) / Double(axes.count - 1) : 0
        let xs = axes.indices.map { left + Double($0) * spacing }
        func y(_ fraction: Double) -> Double {
            fraction < 0 ? top + axisHeight + 26 : top + axisHeight * (1 - fraction)
        }

        canvas.writer.open("g", ["class": "ac-lines"])
        // Each run's path through the parameter axes, the same on every metric page of one layout.
        let geometry = ParallelPathKey(parameters: parameters, xs: Array(xs.dropLast()), top: top, height: axisHeight)
        let fractions = parameters.compactMap { sharedText?.parameter($0)?.fractions }
        let openings = summaries == nil || fractions.count < parameters.count ? nil : sharedText?.pathOpenings(geometry) { index in
            Self.pathOpening(fractions.map { y($0[index]) }, xs: xs)
        }
        let best = shownIndices.last.flatMap { metricValues[$0] != nil ? $0 : nil }
        for position in shownIndices {
            let run = runs[position]
            var d = openings?[position]
                ?? Self.pathOpening(parameterAxes.map { y($0.fraction(run.values[$0.name])) }, xs: xs)
            let value = metricValues[position]
            d.append(UInt8(ascii: d.isEmpty ? "M" : " "))
            SVGNumber.append(xs[xs.count - 1], to: &d)
            d.append(UInt8(ascii: " "))
            SVGNumber.append(y(axes[axes.count - 1].fraction(value.map(JSONValue.number) ?? run.values[metric])), to: &d)
            let color = value.map { ColorScale.sequential.hex(at: Self.colorFraction($0, metricRange)) }
            let isBest = position == best
            // Written piece by piece: a sweep's pages draw these lines for every metric. The
            // path data and colours are numbers; names and ids are escaped.
            canvas.writer.raw(isBest ? "<g class=\"run ac-best\" data-run=\"" : "<g class=\"run\" data-run=\"")
            canvas.writer.raw(sharedText?.ids[position] ?? XMLText.escape(run.runID))
            canvas.writer.raw("\"><title>")
            if let summaries, let sharedText, let sharedMetric {
                canvas.writer.raw(sharedText.names[position])
                canvas.writer.raw(isBest ? " (best): " : ": ")
                canvas.writer.raw(summaries[position])
                canvas.writer.raw(", ")
                canvas.writer.raw(metricLabel)
                canvas.writer.raw("=")
                canvas.writer.raw(value == nil ? XMLText.escape(run.values[metric].map(SweepAxis.categoryText) ?? "missing") : sharedMetric.texts[position])
            } else {
                let description = axes.map { "\($0.name)=\(run.values[$0.name].map(SweepAxis.categoryText) ?? "missing")" }
                canvas.writer.raw(XMLText.escape("\(run.name)\(isBest ? " (best)" : ""): " + description.joined(separator: ", ")))
            }
            canvas.writer.raw("</title>")
            if isBest {
                // A halo in the text colour keeps the best line visible on any background.
                canvas.writer.raw("<path class=\"ac-line ac-best-halo\" d=\"")
                canvas.writer.raw(d)
                canvas.writer.raw("\"/>")
            }
            canvas.writer.raw(color == nil ? "<path class=\"ac-line ac-no-metric\" style=\"" : "<path class=\"ac-line\" style=\"")
            canvas.writer.raw((color.map { "stroke:\($0);" } ?? "") + (isBest ? "stroke-width:3.5;opacity:1" : "stroke-width:1.4;opacity:.75"))
            canvas.writer.raw("\" d=\"")
            canvas.writer.raw(d)
            canvas.writer.raw("\"/></g>")
        }
        canvas.writer.close("g")
        for (index, axis) in axes.enumerated() {
            drawAxis(axis, x: xs[index], top: top, height: axisHeight, spacing: spacing, y: y, on: &canvas)
        }
        legend.draw(left: width - legend.footprint - 8, top: top, height: min(axisHeight, 220), on: &canvas)
        return canvas.finish()
    }

    /// `M x0 y0 x1 y1 …`: a line through the parameter axes at `ys`.
    static func pathOpening(_ ys: [Double], xs: [Double]) -> [UInt8] {
        var d: [UInt8] = []
        d.reserveCapacity(12 * ys.count + 16)
        for (index, y) in ys.enumerated() {
            d.append(UInt8(ascii: index == 0 ? "M" : " "))
            SVGNumber.append(xs[index], to: &d)
            d.append(UInt8(ascii: " "))
            SVGNumber.append(y, to: &d)
        }
        return d
    }

    /// Where a metric value sits on the colour scale (its darkest part skipped, see ``ColorScale/markStart``).
    static func colorFraction(_ value: Double, _ range: (Double, Double)) -> Double {
        let fraction = range.1 > range.0 ? (value - range.0) / (range.1 - range.0) : 0.5
        return ColorScale.markFraction(fraction)
    }

    private func drawAxis(
        _ axis: SweepAxis, x: Double, top: Double, height: Double, spacing: Double, y: (Double) -> Double,
        on canvas: inout ChartCanvas
    ) {
        canvas.writer.open("g", ["class": "ac-parallel-axis"])
        canvas.writer.leaf("path", ["class": "ac-axis", "d": "M\(SVGNumber.text(x)) \(SVGNumber.text(top))V\(SVGNumber.text(top + height))"])
        let nameWidth = max(50, spacing - 8)
        let title = axis.name + (axis.kind == .log ? " (log)" : "")
        canvas.label(
            title, x: x, y: top - 16, maxWidth: nameWidth, fontSize: 12,
            attributes: [("class", "ac-axis-title")], anchor: "middle")
        let every = max(1, Int((Double(axis.ticks.count) * 14 / max(height, 1)).rounded(.up)))
        for (index, tick) in axis.ticks.enumerated() where index % every == 0 {
            let position = y(tick.fraction)
            canvas.writer.leaf("path", ["class": "ac-axis", "d": "M\(SVGNumber.text(x - 3)) \(SVGNumber.text(position))h6"])
            canvas.label(
                tick.label, x: x - 6, y: position + 3.5, maxWidth: max(30, spacing / 2 - 6),
                attributes: [("class", "ac-tick ac-halo")],
                anchor: "end")
        }
        if axis.hasMissing {
            let position = y(SweepAxis.missingFraction)
            canvas.writer.leaf("circle", ["class": "ac-frame", "cx": SVGNumber.text(x), "cy": SVGNumber.text(position), "r": "3"])
            canvas.writer.element(
                "text", ["class": "ac-tick", "x": SVGNumber.text(x - 6), "y": SVGNumber.text(position + 3.5), "text-anchor": "end"],
                content: "missing")
        }
        canvas.writer.close("g")
    }
}
