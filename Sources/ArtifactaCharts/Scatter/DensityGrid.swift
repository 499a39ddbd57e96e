import Foundation

/// Counts of points per square cell of the plot, drawn with a log colour scale, for
/// scatters too dense to draw point by point.
struct DensityGrid {
    static let cellSize = 12.0
    let plot: PlotRect
    let columns: Int
    let rows: Int
    private(set) var counts: [Int]
    private(set) var maxCount = 0

    init(xs: [Double], ys: [Double], x: AxisScale, y: AxisScale, plot: PlotRect) {
        self.plot = plot
        columns = max(1, Int(plot.width / Self.cellSize))
        rows = max(1, Int(plot.height / Self.cellSize))
        counts = [Int](repeating: 0, count: columns * rows)
        for (xValue, yValue) in zip(xs, ys) {
            let clampedColumn = ClampedIndex.of((x(xValue) - plot.left) / plot.width * Double(columns), 0, columns - 1)
            let clampedRow = ClampedIndex.of((y(yValue) - plot.top) / plot.height * Double(rows), 0, rows - 1)
            counts[clampedRow * columns + clampedColumn] += 1
        }
        maxCount = counts.max() ?? 0
    }

    func draw(on canvas: inout ChartCanvas) {
        let width = plot.width / Double(columns), height = plot.height / Double(rows)
        canvas.writer.open("g", ["class": "ac-density"])
        for row in 0..<rows {
            for column in 0..<columns {
                let count = counts[row * columns + column]
                guard count > 0 else { continue }
                let fraction = Double(count) / Double(max(maxCount, 1))
                canvas.writer.open("rect", [
                    "x": SVGNumber.text(plot.left + Double(column) * width), "y": SVGNumber.text(plot.top + Double(row) * height),
                    "width": SVGNumber.text(width), "height": SVGNumber.text(height), "fill": ColorScale.sequential.hex(at: ColorScale.markFraction(fraction)),
                ])
                canvas.writer.title("\(count) point\(count == 1 ? "" : "s")")
                canvas.writer.close("rect")
            }
        }
        canvas.writer.close("g")
    }
}
