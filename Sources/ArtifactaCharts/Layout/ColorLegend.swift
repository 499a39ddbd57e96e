/// A vertical colour bar with nice tick labels, for charts that colour by value.
struct ColorLegend {
    static let width = 12.0
    let scale: ColorScale
    let lower: Double
    let upper: Double
    let title: String?
    /// Labels are formatted as percentages of 1 when set (row-normalised matrices).
    var percent = false
    /// The scale position of `lower` (the scale is used from here to its end).
    var start = 0.0

    /// The horizontal room the legend needs, labels included.
    var footprint: Double {
        let ticks = NiceTicks(lower: lower, upper: upper, targetCount: 4)
        let widest = ticks.values.map { TextMeasure.width(label($0, step: ticks.step), fontSize: 11) }.max() ?? 0
        return Self.width + 8 + widest + 8
    }

    /// Draws the bar from `top` down `height` pixels at `left`.
    func draw(left: Double, top: Double, height: Double, on canvas: inout ChartCanvas) {
        canvas.writer.open("g", ["class": "ac-color-legend"])
        if let title { canvas.writer.title(title) }
        let steps = 24
        let stepHeight = height / Double(steps)
        for step in 0..<steps {
            let fraction = 1 - (Double(step) + 0.5) / Double(steps)
            canvas.writer.leaf("rect", [
                "x": SVGNumber.text(left), "y": SVGNumber.text(top + Double(step) * stepHeight),
                "width": SVGNumber.text(Self.width), "height": SVGNumber.text(stepHeight + 0.6),
                "fill": scale.hex(at: start + (1 - start) * fraction),
            ])
        }
        let span = upper - lower
        let ticks = NiceTicks(lower: lower, upper: upper, targetCount: 4)
        for value in ticks.values where value >= lower - span * 1e-9 && value <= upper + span * 1e-9 {
            let fraction = span > 0 ? (value - lower) / span : 0.5
            let y = top + height * (1 - fraction)
            canvas.writer.element(
                "text", ["class": "ac-tick", "x": SVGNumber.text(left + Self.width + 5), "y": SVGNumber.text(y + 3.5)],
                content: label(value, step: ticks.step))
        }
        canvas.writer.close("g")
    }

    private func label(_ value: Double, step: Double) -> String {
        percent ? CompactNumber.tick(value * 100, step: step * 100) + "%" : CompactNumber.tick(value, step: step)
    }
}
