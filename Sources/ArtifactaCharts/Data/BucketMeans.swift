/// Reduces the runs a chart draws faintly to the mean point of each bucket of x, and their
/// common min–max band.
///
/// With only a few vertices per line, first/min/max/last buckets draw spikes; the mean
/// draws the line's trend instead. The band (per narrower column of x) keeps the extremes
/// visible. One pass over each run's points computes both.
struct BucketMeans {
    let bucketCount: Int
    /// Columns of the band across the same x range.
    let bandColumns: Int

    /// The trend of one series and the extremes of the points it used.
    struct Reduction {
        /// Mean (x, y) per bucket, in order; `nil` where a bucket has no point.
        var points: [(Double, Double)?]
        /// The smallest and largest y used (+∞ and −∞ when none was).
        var lower: Double
        var upper: Double
        /// Whether a finite y at or below zero was seen (left out with `positiveOnly`).
        var sawNonPositive: Bool
    }

    /// The smallest and largest y of all reduced runs per column (+∞/−∞ where none).
    struct Band {
        var lower: [Double]
        var upper: [Double]
    }

    /// Means over `xLower...xUpper` of the points whose x and y are finite (and, with
    /// `positiveOnly`, whose y is above zero: a log axis then draws the logarithm of each
    /// bucket's mean, which one pass over the raw values gives without a logarithm per point).
    /// The same points widen `band`.
    func reduce(
        x: [Double]?, y: [Double], count: Int, xLower: Double, xUpper: Double, positiveOnly: Bool = false, band: inout Band
    ) -> Reduction {
        let buckets = max(1, bucketCount)
        let columns = band.lower.count
        var sumX = [Double](repeating: 0, count: buckets)
        var sumY = [Double](repeating: 0, count: buckets)
        var counts = [Int](repeating: 0, count: buckets)
        var lower = Double.infinity
        var upper = -Double.infinity
        var sawNonPositive = false
        let span = xUpper - xLower
        let scale = span > 0 && span.isFinite ? Double(buckets) / span : 0
        let columnScale = span > 0 && span.isFinite ? Double(columns) / span : 0
        let floor = positiveOnly ? 0 : -Double.infinity
        let count = min(count, y.count, x?.count ?? Int.max)
        let xs = x ?? [], hasX = x != nil
        // The hot loop of a chart with many runs: plain buffers, no copy-on-write checks.
        y.withUnsafeBufferPointer { y in
            xs.withUnsafeBufferPointer { xs in
                sumX.withUnsafeMutableBufferPointer { sumX in
                    sumY.withUnsafeMutableBufferPointer { sumY in
                        counts.withUnsafeMutableBufferPointer { counts in
                            band.lower.withUnsafeMutableBufferPointer { bandLower in
                                band.upper.withUnsafeMutableBufferPointer { bandUpper in
                                    for index in 0..<count {
                                        let xValue = hasX ? xs[index] : Double(index), yValue = y[index]
                                        guard xValue.isFinite, yValue.isFinite else { continue }
                                        if yValue <= 0 { sawNonPositive = true }
                                        guard yValue > floor else { continue }
                                        // x is finite and inside xLower...xUpper (the runs' own range), so the
                                        // position is at least 0 — or NaN or infinite when the span is
                                        // subnormal or overflows: those go to the last bucket.
                                        let offset = xValue - xLower
                                        let bucket = Self.index(offset * scale, count: buckets)
                                        sumX[bucket] += xValue
                                        sumY[bucket] += yValue
                                        counts[bucket] += 1
                                        if yValue < lower { lower = yValue }
                                        if yValue > upper { upper = yValue }
                                        let column = Self.index(offset * columnScale, count: columns)
                                        if yValue < bandLower[column] { bandLower[column] = yValue }
                                        if yValue > bandUpper[column] { bandUpper[column] = yValue }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var points: [(Double, Double)?] = []
        var previousEmpty = true
        for bucket in 0..<buckets {
            if counts[bucket] > 0 {
                points.append((sumX[bucket] / Double(counts[bucket]), sumY[bucket] / Double(counts[bucket])))
                previousEmpty = false
            } else if !previousEmpty {
                points.append(nil)
                previousEmpty = true
            }
        }
        return Reduction(points: points, lower: lower, upper: upper, sawNonPositive: sawNonPositive)
    }

    /// The bucket of a position in 0..<count; past the end, NaN and infinity go to the last.
    @inline(__always)
    static func index(_ position: Double, count: Int) -> Int {
        position < Double(count) ? Int(Swift.max(position, 0)) : count - 1
    }
}
