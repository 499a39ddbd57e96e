/// The rectangle, in pixels, in which a chart draws its marks.
struct PlotRect: Sendable {
    var left: Double
    var top: Double
    var width: Double
    var height: Double

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// The clip path that keeps marks inside the rectangle (with a little room for strokes).
    func clipPath(id: String, into writer: inout SVGWriter) {
        writer.open("clipPath", ["id": id])
        writer.leaf("rect", [
            "x": SVGNumber.text(left - 2), "y": SVGNumber.text(top - 2),
            "width": SVGNumber.text(width + 4), "height": SVGNumber.text(height + 4),
        ])
        writer.close("clipPath")
    }
}
