/// Reduces a long series to about four points per horizontal pixel in one O(n) pass.
///
/// Points are grouped into buckets (pixel columns of x, or equal runs of the index when x
/// is implicit). Each bucket keeps its first, last, minimum and maximum points, so the
/// global first, last, minimum and maximum always survive and spikes stay visible.
/// Non-finite values (NaN, ±Infinity) become gaps; at most one gap per bucket is kept,
/// since a narrower gap cannot be seen. The result is written into a caller-owned index
/// buffer, so downsampling allocates nothing per point.
public struct SeriesDownsampler: Sendable {
    /// Marks a gap (a break in the line) in the output indices.
    public static let gap = -1

    /// The number of buckets (about the plot width in pixels).
    public let bucketCount: Int

    public init(bucketCount: Int) {
        self.bucketCount = max(1, bucketCount)
    }

    /// Appends to `output` the indices of the points of `y` to draw, in order, with
    /// ``gap`` between separated stretches. x is the point's index.
    public func downsample(y: UnsafeBufferPointer<Double>, into output: inout [Int]) {
        let count = y.count
        guard count > 0 else { return }
        var state = State()
        if count <= bucketCount * 4 {
            for index in 0..<count { state.take(index, y: y, output: &output) }
            state.flush(into: &output)
            return
        }
        for bucket in 0..<bucketCount {
            let lower = bucket * count / bucketCount
            let upper = (bucket + 1) * count / bucketCount
            if upper > lower { Self.reduce(y, lower, upper, state: &state, output: &output) }
        }
    }

    /// Appends the indices to draw when x values are given: buckets are pixel columns of
    /// x over `xLower...xUpper`. Points with non-finite x are gaps too.
    public func downsample(
        x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>, xLower: Double, xUpper: Double,
        into output: inout [Int]
    ) {
        let count = min(x.count, y.count)
        guard count > 0 else { return }
        let span = xUpper - xLower
        let scale = span > 0 && span.isFinite ? Double(bucketCount) / span : 0
        var state = State()
        var index = 0
        while index < count {
            let start = x[index]
            guard start.isFinite else {
                state.gap(output: &output)
                index += 1
                continue
            }
            let bucket = ClampedIndex.of((start - xLower) * scale, -1, bucketCount)
            var end = index + 1
            while end < count {
                let next = x[end]
                guard next.isFinite, ClampedIndex.of((next - xLower) * scale, -1, bucketCount) == bucket else { break }
                end += 1
            }
            Self.reduce(y, index, end, state: &state, output: &output)
            index = end
        }
    }

    /// Reduces `y[lower..<upper]` (one bucket) to its first, minimum, maximum and last points.
    private static func reduce(
        _ y: UnsafeBufferPointer<Double>, _ lower: Int, _ upper: Int, state: inout State, output: inout [Int]
    ) {
        var minimum = Double.infinity
        var maximum = -Double.infinity
        var minimumIndex = lower
        var maximumIndex = lower
        var nonFinite = 0
        for index in lower..<upper {
            let value = y[index]
            nonFinite |= value.magnitude < .infinity ? 0 : 1
            if value < minimum {
                minimum = value
                minimumIndex = index
            }
            if value > maximum {
                maximum = value
                maximumIndex = index
            }
        }
        if nonFinite == 0 {
            var kept = (lower, minimumIndex, maximumIndex, upper - 1)
            if kept.1 > kept.2 { swap(&kept.1, &kept.2) }
            output.append(kept.0)
            if kept.1 != kept.0 { output.append(kept.1) }
            if kept.2 != kept.1 { output.append(kept.2) }
            if kept.3 != kept.2 { output.append(kept.3) }
            state.drawable = true
            return
        }
        // A bucket with gaps: gather the stretch before the first gap and after it.
        var gapTaken = false
        for index in lower..<upper {
            let value = y[index]
            if value.magnitude < .infinity {
                state.add(index, value)
            } else if !gapTaken {
                state.flush(into: &output)
                state.gap(output: &output)
                gapTaken = true
            }
        }
        state.flush(into: &output)
    }

    /// A stretch of points being gathered in the slow (gap-aware) path.
    private struct State {
        var first = -1, last = -1, minimumIndex = -1, maximumIndex = -1
        var minimum = Double.infinity, maximum = -Double.infinity
        /// Whether anything was output since the last gap (so a gap is worth marking).
        var drawable = false

        mutating func take(_ index: Int, y: UnsafeBufferPointer<Double>, output: inout [Int]) {
            let value = y[index]
            if value.magnitude < .infinity {
                output.append(index)
                drawable = true
            } else {
                gap(output: &output)
            }
        }

        mutating func add(_ index: Int, _ value: Double) {
            if first < 0 { first = index }
            last = index
            if value < minimum { minimum = value; minimumIndex = index }
            if value > maximum { maximum = value; maximumIndex = index }
        }

        mutating func flush(into output: inout [Int]) {
            guard first >= 0 else { return }
            var kept = [first, minimumIndex, maximumIndex, last]
            kept.sort()
            var previous = -1
            for index in kept where index != previous {
                output.append(index)
                previous = index
            }
            drawable = true
            first = -1; last = -1; minimumIndex = -1; maximumIndex = -1
            minimum = .infinity; maximum = -.infinity
        }

        mutating func gap(output: inout [Int]) {
            if drawable, output.last != SeriesDownsampler.gap { output.append(SeriesDownsampler.gap) }
            drawable = false
        }
    }
}

extension SeriesDownsampler {
    /// The indices to draw for `y` (x implicit), as a new array.
    public func indices(y: [Double]) -> [Int] {
        var output: [Int] = []
        output.reserveCapacity(min(y.count, bucketCount * 4 + 8))
        y.withUnsafeBufferPointer { downsample(y: $0, into: &output) }
        return output
    }

    /// The indices to draw for points (x, y) with x over `xLower...xUpper`, as a new array.
    public func indices(x: [Double], y: [Double], xLower: Double, xUpper: Double) -> [Int] {
        var output: [Int] = []
        output.reserveCapacity(min(y.count, bucketCount * 4 + 8))
        x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in downsample(x: xs, y: ys, xLower: xLower, xUpper: xUpper, into: &output) }
        }
        return output
    }
}
