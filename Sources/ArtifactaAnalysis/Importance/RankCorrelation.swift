/// Rank-based association between a parameter and a metric.
public enum RankCorrelation {
    /// The ranks of `values`, 1-based, ties given the average of the ranks they span:
    /// `[10, 20, 20, 30]` → `[1, 2.5, 2.5, 4]`.
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        return ranks
    }

    /// Spearman's ρ: the Pearson correlation of the average ranks of `x` and `y`.
    ///
    /// Pairs where either value is not finite are left out. `nil` when fewer than three pairs
    /// remain or either side is constant.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        let pairs = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
        guard pairs.count >= 3 else { return nil }
        return pearson(averageRanks(pairs.map(\.0)), averageRanks(pairs.map(\.1)))
    }

    /// The Pearson correlation of `x` and `y`, `nil` when either has no variance.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let count = Double(min(x.count, y.count))
        guard count >= 2 else { return nil }
        let meanX = x.reduce(0, +) / count, meanY = y.reduce(0, +) / count
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - meanX) * (b - meanY)
            sxx += (a - meanX) * (a - meanX)
            syy += (b - meanY) * (b - meanY)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }

    /// The correlation ratio η of the metric's ranks across categories, in 0...1: the share
    /// of the rank variance that the category explains, square-rooted. 1 when the categories
    /// separate the runs completely, 0 when every category has the same mean rank.
    ///
    /// Pairs with a non-finite metric are left out. `nil` when fewer than three pairs remain,
    /// there is only one category, or the metric is constant.
    public static func correlationRatio(categories: [String], values: [Double]) -> Double? {
        let pairs = zip(categories, values).filter { $0.1.isFinite }
        guard pairs.count >= 3 else { return nil }
        return correlationRatio(categories: pairs.map(\.0), ranks: averageRanks(pairs.map(\.1)))
    }

    /// ``correlationRatio(categories:values:)`` from the values' ``averageRanks(_:)`` (all finite).
    static func correlationRatio(categories: [String], ranks: [Double]) -> Double? {
        guard ranks.count >= 3, categories.count == ranks.count else { return nil }
        let mean = ranks.reduce(0, +) / Double(ranks.count)
        var sums: [String: (total: Double, count: Double)] = [:]
        for (category, rank) in zip(categories, ranks) {
            sums[category, default: (0, 0)].total += rank
            sums[category, default: (0, 0)].count += 1
        }
        guard sums.count >= 2 else { return nil }
        let total = ranks.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        guard total > 0 else { return nil }
        // Summed in key order so that the result does not depend on hashing.
        let between = sums.keys.sorted().compactMap { sums[$0] }.reduce(0) { sum, group in
            let groupMean = group.total / group.count
            return sum + group.count * (groupMean - mean) * (groupMean - mean)
        }
        return min(1, (between / total).squareRoot())
    }
}
