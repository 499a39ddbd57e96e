/// Draws grid lines, tick labels and axis titles around a ``PlotRect``.
struct AxisPainter {
    static let tickFont = 11.0
    static let minimumLabelGap = 8.0

    /// The width the y tick labels need, so the plot can start after them.
    static func yLabelWidth(_ axis: AxisScale) -> Double {
        axis.ticks.map { TextMeasure.width($0.label, fontSize: tickFont) }.max() ?? 0
    }

    /// About one tick per `pixels` of axis length, at least two.
    static func tickTarget(length: Double, pixels: Double) -> Int {
        max(2, Int(length / pixels))
    }

    /// Draws horizontal grid lines with labels on the left for `y`, vertical ticks with
    /// labels below for `x`, and both axis titles.
    static func draw(
        x: AxisScale, y: AxisScale, in plot: PlotRect, xTitle: String?, yTitle: String?, on canvas: inout ChartCanvas
    ) {
        drawY(y, in: plot, title: yTitle, on: &canvas)
        drawX(x, in: plot, title: xTitle, on: &canvas)
    }

    static func drawY(_ y: AxisScale, in plot: PlotRect, title: String?, on canvas: inout ChartCanvas) {
        canvas.writer.open("g", ["class": "ac-y-axis"])
        var grid = ""
        for tick in y.ticks {
            let position = y(tick.position)
            guard position >= plot.top - 0.5, position <= plot.bottom + 0.5 else { continue }
            grid += "M" + SVGNumber.text(plot.left) + " " + SVGNumber.text(position) + "H" + SVGNumber.text(plot.right)
        }
        canvas.writer.leaf("path", ["class": "ac-grid", "d": grid])
        for tick in y.ticks {
            let position = y(tick.position)
            guard position >= plot.top - 0.5, position <= plot.bottom + 0.5 else { continue }
            canvas.writer.element(
                "text",
                ["class": "ac-tick", "x": SVGNumber.text(plot.left - 6), "y": SVGNumber.text(position + 3.5),
                 "text-anchor": "end"],
                content: tick.label)
        }
        if let title, !title.isEmpty {
            let middle = plot.top + plot.height / 2
            let fitted = TextMeasure.truncated(title, maxWidth: plot.height, fontSize: 12)
            canvas.writer.open("text", [
                "class": "ac-axis-title", "x": "0", "y": "0", "text-anchor": "middle",
                "transform": "translate(16 \(SVGNumber.text(middle))) rotate(-90)",
            ])
            if fitted.truncated { canvas.writer.title(title) }
            canvas.writer.raw(XMLText.escape(fitted.text))
            canvas.writer.close("text")
        }
        canvas.writer.close("g")
    }

    static func drawX(_ x: AxisScale, in plot: PlotRect, title: String?, on canvas: inout ChartCanvas) {
        canvas.writer.open("g", ["class": "ac-x-axis"])
        canvas.writer.leaf("path", [
            "class": "ac-axis",
            "d": "M" + SVGNumber.text(plot.left) + " " + SVGNumber.text(plot.bottom) + "H" + SVGNumber.text(plot.right),
        ])
        let visible = x.ticks.filter { x($0.position) >= plot.left - 0.5 && x($0.position) <= plot.right + 0.5 }
        let every = thinning(visible.map { (x($0.position), $0.label) })
        var marks = ""
        for (index, tick) in visible.enumerated() where index % every == 0 {
            let position = x(tick.position)
            marks += "M" + SVGNumber.text(position) + " " + SVGNumber.text(plot.bottom) + "v4"
            canvas.writer.element(
                "text",
                ["class": "ac-tick", "x": SVGNumber.text(position), "y": SVGNumber.text(plot.bottom + 17),
                 "text-anchor": "middle"],
                content: tick.label)
        }
        canvas.writer.leaf("path", ["class": "ac-axis", "d": marks])
        if let title, !title.isEmpty {
            canvas.label(
                title, x: plot.left + plot.width / 2, y: plot.bottom + 36, maxWidth: plot.width, fontSize: 12,
                attributes: [("class", "ac-axis-title")], anchor: "middle")
        }
        canvas.writer.close("g")
    }

    /// Draws x grid lines (vertical) at the ticks, for charts where both axes are numeric.
    static func drawXGrid(_ x: AxisScale, in plot: PlotRect, on canvas: inout ChartCanvas) {
        var grid = ""
        for tick in x.ticks {
            let position = x(tick.position)
            guard position >= plot.left - 0.5, position <= plot.right + 0.5 else { continue }
            grid += "M" + SVGNumber.text(position) + " " + SVGNumber.text(plot.top) + "V" + SVGNumber.text(plot.bottom)
        }
        canvas.writer.leaf("path", ["class": "ac-grid", "d": grid])
    }

    /// Keep every n-th label so that centred labels never overlap.
    static func thinning(_ labels: [(position: Double, label: String)]) -> Int {
        guard labels.count > 1 else { return 1 }
        var every = 1
        while every < labels.count {
            var fits = true
            var index = 0
            while index + every < labels.count {
                let a = labels[index], b = labels[index + every]
                let halfWidths = (TextMeasure.width(a.label, fontSize: tickFont) + TextMeasure.width(b.label, fontSize: tickFont)) / 2
                if abs(b.position - a.position) < halfWidths + minimumLabelGap {
                    fits = false
                    break
                }
                index += every
            }
            if fits { return every }
            every += 1
        }
        return every
    }
}
