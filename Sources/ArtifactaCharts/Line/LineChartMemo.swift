/// What the renderings of one ``LineChart`` share: each run's x range, smoothed lines, and
/// the faint runs' bucket means and band. The variants of a chart (linear or log, raw or
/// smoothed) and its retries with a smaller vertex budget differ only in what they draw from
/// these, so the passes over every point are made once.
///
/// Used by one thread at a time (one chart's variants are drawn in sequence).
final class LineChartMemo {
    let runs: [LineChartRun]
    /// Faint lines and bands kept between drawings, and the chart's key among them.
    let kept: LineChartReductions?
    let chartKey: String?
    /// Per run: its finite x range and whether x never decreases.
    let xDomain: [(lower: Double, upper: Double, ordered: Bool)?]
    let xLower: Double
    let xUpper: Double

    /// The faint runs' statistics for one bucket count.
    struct Rest {
        var reductions: [Int: BucketMeans.Reduction]
        var band: BucketMeans.Band
    }

    private struct RestKey: Hashable {
        var buckets: Int
        var columns: Int
        var positions: [Int]
        var positiveOnly: Bool
    }

    private struct LineKey: Hashable {
        var position: Int
        var weight: Double?
        var buckets: Int
        var transformed: Bool
    }

    /// What decides the faint lines' and band's text: the raw and smoothed variants of a chart
    /// draw them alike (smoothing changes only the runs drawn in full), on the same axes.
    struct RestTextKey: Hashable {
        var buckets: Int
        var columns: Int
        var positiveOnly: Bool
        var drawn: Int
        var x: LinearScale
        var y: LinearScale
    }

    private var rest: [RestKey: Rest] = [:]
    private var restText: [RestTextKey: [UInt8]] = [:]
    private var trendOpenings: [String?]
    private var lines: [LineKey: SampledLine] = [:]
    private var positive: [Int: Bool] = [:]
    private var smoothed: [SmoothKey: [Double]] = [:]
    /// Runs whose points were deferred, once read.
    private var loadedRuns: [Int: LineChartRun] = [:]

    private struct SmoothKey: Hashable {
        var position: Int
        var weight: Double
    }

    init(runs: [LineChartRun], reductions: LineChartReductions? = nil, chartKey: String? = nil) {
        self.runs = runs
        kept = reductions
        self.chartKey = chartKey
        trendOpenings = Array(repeating: nil, count: runs.count)
        xDomain = runs.map { $0.deferred.map(\.summary.domain) ?? LineChart.xDomain($0) }
        xLower = xDomain.compactMap { $0?.lower }.min() ?? 0
        xUpper = xDomain.compactMap { $0?.upper }.max() ?? 1
    }

    /// Run `position` with its points read.
    func run(_ position: Int) -> LineChartRun {
        guard runs[position].deferred != nil else { return runs[position] }
        if let known = loadedRuns[position] { return known }
        let run = runs[position].loaded()
        loadedRuns[position] = run
        return run
    }

    /// The opening of run `position`'s faint line, its group and tooltip, which every variant
    /// of a chart of a thousand faint runs writes again.
    func trendOpening(_ position: Int) -> String {
        if let known = trendOpenings[position] { return known }
        let opening = runs[position].faintOpening
            ?? LineChartRun.faintOpening(runID: runs[position].runID, name: runs[position].name, colorIndex: runs[position].colorIndex)
        trendOpenings[position] = opening
        return opening
    }

    /// The faint lines and band as `draw` writes them, written once per key.
    func restText(_ key: RestTextKey, on canvas: inout ChartCanvas, draw: (inout ChartCanvas) -> Void) {
        if let known = restText[key] {
            canvas.writer.raw(known)
            return
        }
        let mark = canvas.writer.mark
        draw(&canvas)
        restText[key] = canvas.writer.written(since: mark)
    }

    /// Run `position`'s values smoothed (in data units).
    func smoothed(_ position: Int, by smoother: EMASmoother) -> [Double] {
        let key = SmoothKey(position: position, weight: smoother.weight)
        if let known = smoothed[key] { return known }
        let values = smoother.smooth(run(position).y)
        smoothed[key] = values
        return values
    }

    /// Run `position`'s line (smoothed by `smoother` when given) downsampled to `buckets`
    /// for an `axis`. A log axis keeps the same points as a linear one when every finite
    /// value is above zero (the logarithm keeps each bucket's first, last, smallest and
    /// largest point), so both share one downsampling and only kept points are transformed.
    func line(_ position: Int, smoother: EMASmoother?, buckets: Int, axis: AxisKind) -> SampledLine {
        let transformsAll = axis == .log && !isPositive(position)
        let key = LineKey(position: position, weight: smoother?.weight, buckets: buckets, transformed: transformsAll)
        // The values and points are shared; the transform still to apply is the axis's.
        let pending: AxisKind = transformsAll ? .linear : axis
        if var known = lines[key] {
            known.pending = pending
            return known
        }
        let raw = smoother.map { smoothed(position, by: $0) } ?? run(position).y
        let values = transformsAll ? raw.map { AxisScale.transform($0, kind: .log) } : raw
        let indices = LineChart.sample(
            run(position), values, SeriesDownsampler(bucketCount: buckets), xDomain[position], xLower, xUpper)
        let line = SampledLine(values: values, indices: indices, pending: pending)
        lines[key] = line
        return line
    }

    /// Whether every finite value of run `position` is above zero.
    private func isPositive(_ position: Int) -> Bool {
        if let known = positive[position] { return known }
        let result = !run(position).y.contains { $0.isFinite && $0 <= 0 }
        positive[position] = result
        return result
    }

    /// The bucket means and band of the runs at `positions`, from their raw values. A log
    /// axis (`positiveOnly`) reuses the linear axis's statistics when no run has a value at
    /// or below zero, as leaving such values out then changes nothing.
    func rest(positions: [Int], buckets: Int, columns: Int, positiveOnly: Bool) -> Rest {
        let key = RestKey(buckets: buckets, columns: columns, positions: positions, positiveOnly: positiveOnly)
        if let known = rest[key] { return known }
        if positiveOnly {
            var linear = key
            linear.positiveOnly = false
            if let known = rest[linear], !known.reductions.values.contains(where: \.sawNonPositive) { return known }
        }
        let means = BucketMeans(bucketCount: buckets, bandColumns: columns)
        var band = BucketMeans.Band(
            lower: Array(repeating: .infinity, count: max(1, columns)), upper: Array(repeating: -.infinity, count: max(1, columns)))
        var reductions: [Int: BucketMeans.Reduction] = [:]
        let layout = LineChartReductions.Layout(buckets: buckets, columns: band.lower.count, xLower: xLower, xUpper: xUpper, positiveOnly: positiveOnly)
        let keys = positions.compactMap { runs[$0].dataKey }
        let keeping = keys.count == positions.count ? chartKey.flatMap { chart in kept.map { (chart, $0) } } : nil
        var toReduce = positions
        // A kept band of runs that are all still here: their kept lines are taken, and only
        // the other runs are reduced (widening the band, which already holds the kept runs).
        if let (chart, keeper) = keeping, let known = keeper.kept(chart: chart, layout: layout), known.band.lower.count == band.lower.count,
            Set(known.members).isSubset(of: keys)
        {
            band = known.band
            toReduce = positions.filter { position in
                guard let key = runs[position].dataKey, let line = known.lines[key] else { return true }
                reductions[position] = line
                return false
            }
        }
        for position in toReduce {
            let loaded = run(position)
            reductions[position] = means.reduce(
                x: loaded.x, y: loaded.y, count: loaded.pointCount, xLower: xLower, xUpper: xUpper, positiveOnly: positiveOnly, band: &band)
        }
        if let (chart, keeper) = keeping {
            var lines: [Int64: BucketMeans.Reduction] = [:]
            for (position, key) in zip(positions, keys) { lines[key] = reductions[position] }
            keeper.keep(chart: chart, layout: layout, LineChartReductions.Kept(band: band, members: keys, lines: lines))
        }
        let result = Rest(reductions: reductions, band: band)
        rest[key] = result
        return result
    }
}
