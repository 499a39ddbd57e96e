import Foundation

extension LineChart {
    /// The finite x range of a run and whether its x never decreases; `nil` when it has no finite x.
    static func xDomain(_ run: LineChartRun) -> (lower: Double, upper: Double, ordered: Bool)? {
        let count = run.pointCount
        guard count > 0 else { return nil }
        guard let x = run.x else { return (0, Double(count - 1), true) }
        var lower = Double.infinity
        var upper = -Double.infinity
        var ordered = true
        var previous = -Double.infinity
        for index in 0..<count {
            let value = x[index]
            guard value.isFinite else { continue }
            lower = Swift.min(lower, value)
            upper = Swift.max(upper, value)
            if value < previous { ordered = false }
            previous = value
        }
        return lower <= upper ? (lower, upper, ordered) : nil
    }

    /// The indices to draw of `values` for `run`: by pixel column when x is ordered, by index otherwise.
    static func sample(
        _ run: LineChartRun, _ values: [Double], _ sampler: SeriesDownsampler,
        _ domain: (lower: Double, upper: Double, ordered: Bool)?, _ xLower: Double, _ xUpper: Double
    ) -> [Int] {
        let count = run.pointCount
        guard count > 0, let domain else { return [] }
        let y = count == values.count ? values : Array(values.prefix(count))
        guard let x = run.x, domain.ordered else {
            if let x = run.x {
                // Unordered x: bucket by index, and break the line where x is not finite.
                let masked = (0..<count).map { x[$0].isFinite ? y[$0] : .nan }
                return sampler.indices(y: masked)
            }
            return sampler.indices(y: y)
        }
        // Buckets span the chart's whole x range, so they line up across runs.
        // The spans may overflow to infinity (x from -1e308 to 1e308) or be tiny: clamp before converting to Int.
        let limit = sampler.bucketCount * 8
        let wanted = Double(sampler.bucketCount) * (xUpper - xLower) / Swift.max(domain.upper - domain.lower, .leastNonzeroMagnitude)
        let buckets = wanted.isFinite ? Int(Swift.min(wanted, Double(limit)).rounded()) : limit
        let shared = SeriesDownsampler(bucketCount: Swift.max(1, Swift.min(buckets, limit)))
        return shared.indices(x: Array(x.prefix(count)), y: y, xLower: xLower, xUpper: xUpper)
    }

    /// Draws the min–max band of the runs that are not drawn in full: its columns split
    /// `xLower...xUpper` evenly and hold raw values (on a log axis only positive ones), so the
    /// edges are transformed once each, which draws the same band as transforming every point.
    func drawBand(_ band: BucketMeans.Band, xLower: Double, xUpper: Double, x: AxisScale, y: AxisScale, on canvas: inout ChartCanvas) {
        let columns = band.lower.count
        let width = (xUpper - xLower) / Double(columns)
        func point(_ column: Int, _ value: Double) -> String {
            let center = width.isFinite && width > 0 ? xLower + (Double(column) + 0.5) * width : xLower
            return SVGNumber.text(x(center)) + " " + SVGNumber.text(y(AxisScale.transform(value, kind: y.kind)))
        }
        var d = ""
        var column = 0
        while column < columns {
            guard band.lower[column] <= band.upper[column] else {
                column += 1
                continue
            }
            var end = column
            while end + 1 < columns, band.lower[end + 1] <= band.upper[end + 1] { end += 1 }
            for index in column...end { d += (index == column ? "M" : " ") + point(index, band.upper[index]) }
            for index in stride(from: end, through: column, by: -1) { d += " " + point(index, band.lower[index]) }
            d += "Z"
            column = end + 1
        }
        if !d.isEmpty { canvas.writer.leaf("path", ["class": "ac-band", "d": d]) }
    }
}
