/// Reduces a series to the mean point of each pixel-column bucket, for faint context lines.
///
/// With only a few vertices per line, first/min/max/last buckets draw spikes; the mean
/// draws the line's trend instead. Charts that use it also draw the range of those lines
/// (a min–max band), so extremes are not hidden.
struct BucketMeans {
    let bucketCount: Int

    /// Mean (x, y) per bucket over `xLower...xUpper`, in order; `nil` where a bucket has no finite point.
    func reduce(x: (Int) -> Double, y: [Double], count: Int, xLower: Double, xUpper: Double) -> [(Double, Double)?] {
        let buckets = max(1, bucketCount)
        var sumX = [Double](repeating: 0, count: buckets)
        var sumY = [Double](repeating: 0, count: buckets)
        var counts = [Int](repeating: 0, count: buckets)
        let span = xUpper - xLower
        let scale = span > 0 && span.isFinite ? Double(buckets) / span : 0
        for index in 0..<min(count, y.count) {
            let xValue = x(index), yValue = y[index]
            guard xValue.isFinite, yValue.isFinite else { continue }
            let bucket = ClampedIndex.of((xValue - xLower) * scale, 0, buckets - 1)
            sumX[bucket] += xValue
            sumY[bucket] += yValue
            counts[bucket] += 1
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
        return points
    }
}
