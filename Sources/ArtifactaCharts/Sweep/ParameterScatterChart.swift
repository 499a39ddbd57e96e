import ArtifactaCore

/// One parameter against a metric over the runs of a sweep: a point per run in the run's
/// colour, the best run ringed; numeric, log or categorical x, missing values on their own tick.
public struct ParameterScatterChart: SVGChart {
    public var parameter: String
    public var metric: String
    public var goal: MetricGoal
    public var runs: [SweepRun]
    public var width: Double
    public var height: Double
    /// Text the sweep's other scatters share (the same chart, drawn faster).
    public var shared: SweepPointText?

    public init(
        parameter: String, metric: String, goal: MetricGoal, runs: [SweepRun], width: Double = 420, height: Double = 320,
        shared: SweepPointText? = nil
    ) {
        self.shared = shared
        self.parameter = parameter
        self.metric = metric
        self.goal = goal
        self.runs = runs
        self.width = width
        self.height = height
    }

    /// The chart as a standalone SVG document.
    public func document() -> SVGDocument {
        let title = "\(metric) vs \(parameter)"
        // The sweep's shared text, when it is these runs': it holds each run's metric value too.
        let sharedText = shared.flatMap { $0.describes(runs) ? $0 : nil }
        let numbers = sharedText?.metric(metric).numbers ?? runs.map { $0.number(metric) }
        let measuredIndices = runs.indices.filter { numbers[$0] != nil }
        let measured = measuredIndices.map { runs[$0] }
        guard !measured.isEmpty else { return ChartCanvas.message("No runs with \(metric)", title: title, width: width, height: height) }
        // With every run measured, the axis is the one over all runs the shared text holds.
        let common = measured.count == runs.count ? sharedText?.parameter(parameter) : nil
        let axis = common?.axis ?? SweepAxis(name: parameter, runs: measured)
        let values = measuredIndices.compactMap { numbers[$0] }
        let best = measuredIndices.min { a, b in
            guard let x = numbers[a], let y = numbers[b] else { return false }
            return x == y ? a < b : goal.prefers(x, over: y)
        }
        let summary = "\(title): \(measured.count) runs" + (axis.kind == .log ? ", log x" : "")
        var canvas = ChartCanvas(
            width: width, height: height, title: title, summary: summary, note: "\(measured.count) runs", capacity: 8_192 + 224 * measured.count)
        let top = ChartCanvas.titleHeight + 8
        let plotHeight = max(40, height - top - 46)
        let y = AxisScale(
            kind: .linear, lower: values.min() ?? 0, upper: values.max() ?? 1, range: top + plotHeight, top,
            targetTicks: AxisPainter.tickTarget(length: plotHeight, pixels: 44))
        let left = 14 + 18 + AxisPainter.yLabelWidth(y) + 8
        let missingRoom = axis.hasMissing ? 56.0 : 0
        let plot = PlotRect(left: left, top: top, width: max(40, width - left - 24 - missingRoom), height: plotHeight)
        AxisPainter.drawY(y, in: plot, title: metric, on: &canvas)
        let inset = axis.kind == .categorical ? 0.5 / Double(max(axis.categories.count, 1)) : 0.03
        func x(_ fraction: Double) -> Double {
            fraction < 0 ? plot.right + 24 + missingRoom / 2 - 12 : plot.left + plot.width * (inset + fraction * (1 - 2 * inset))
        }
        canvas.writer.leaf("path", ["class": "ac-axis", "d": "M\(SVGNumber.text(plot.left)) \(SVGNumber.text(plot.bottom))H\(SVGNumber.text(plot.right))"])
        let ticks = axis.ticks.map { (position: x($0.fraction), label: $0.label) }
        let every = AxisPainter.thinning(ticks)
        for (index, tick) in ticks.enumerated() where index % every == 0 {
            canvas.label(
                tick.label, x: tick.position, y: plot.bottom + 17, maxWidth: max(40, plot.width / Double(max(ticks.count / every, 1))),
                attributes: [("class", "ac-tick")], anchor: "middle")
        }
        if axis.hasMissing {
            canvas.writer.element(
                "text", ["class": "ac-tick", "x": SVGNumber.text(x(SweepAxis.missingFraction)), "y": SVGNumber.text(plot.bottom + 17), "text-anchor": "middle"],
                content: "missing")
        }
        canvas.label(
            parameter + (axis.kind == .log ? " (log)" : ""), x: plot.left + plot.width / 2, y: plot.bottom + 36, maxWidth: plot.width,
            fontSize: 12, attributes: [("class", "ac-axis-title")], anchor: "middle")
        // A point is one circle carrying its run (the best run's is ringed, in a group): a
        // sweep's pages draw a thousand runs against every parameter for every metric.
        canvas.writer.open("g", ["class": "ac-points ac-sweep-points"])
        let metricTexts = common == nil ? nil : sharedText?.metric(metric).texts
        let metricLabel = ", " + XMLText.escape(metric) + "="
        // Made once per sweep and metric: what every point but the best writes around its coordinates.
        let openings = common == nil ? nil : sharedText?.titleOpenings(parameter)
        let closings = common == nil ? nil : sharedText?.titleClosings(metric)
        // By index: a point that uses the shared text copies no run (its name, id and values),
        // and reads its three pieces from packed buffers without a reference count each.
        typealias Pieces = (point: PackedTexts.View, opening: PackedTexts.View, closing: PackedTexts.View)
        func drawPoints(_ pieces: Pieces?) {
            for index in runs.indices {
                guard let value = numbers[index] else { continue }
                let cx = x(common?.fractions[index] ?? axis.fraction(runs[index].values[parameter])), cy = y(value)
                let isBest = index == best
                if !isBest, let pieces {
                    canvas.writer.raw(pieces.point[index])
                    canvas.writer.circleCoordinates(cx: cx, cy: cy, r: "4.5")
                    canvas.writer.raw(pieces.opening[index])
                    canvas.writer.raw(pieces.closing[index])
                    continue
                }
                let run = runs[index]
                if isBest {
                    canvas.writer.open("g", attributeList: [("class", "run " + Palette.colorClass(run.colorIndex)), ("data-run", run.runID)])
                    canvas.writer.pointOpen(class: "ac-mark", runID: nil, cx: cx, cy: cy, r: "4.5")
                } else {
                    canvas.writer.pointOpen(class: "run " + Palette.colorClass(run.colorIndex) + " ac-mark", runID: run.runID, cx: cx, cy: cy, r: "4.5")
                }
                canvas.writer.raw("<title>")
                if let common, let shared = sharedText, let metricTexts {
                    canvas.writer.raw(shared.names[index])
                    canvas.writer.raw(isBest ? " (best): " : ": ")
                    canvas.writer.raw(common.texts[index])
                    canvas.writer.raw(metricLabel)
                    canvas.writer.raw(metricTexts[index])
                } else {
                    canvas.writer.raw(XMLText.escape(
                        "\(run.name)\(isBest ? " (best)" : ""): \(parameter)=\(run.values[parameter].map(SweepAxis.categoryText) ?? "missing"), "
                            + "\(metric)=\(CompactNumber.text(value, significantDigits: 4))"))
                }
                canvas.writer.raw("</title></circle>")
                if isBest {
                    canvas.writer.circle(class: "ac-line", cx: cx, cy: cy, r: "8")
                    canvas.writer.close("g")
                }
            }
        }
        if let sharedText, let openings, let closings {
            sharedText.pointOpenings.withView { point in
                openings.withView { opening in closings.withView { closing in drawPoints((point, opening, closing)) } }
            }
        } else {
            drawPoints(nil)
        }
        canvas.writer.close("g")
        return canvas.finish()
    }
}
