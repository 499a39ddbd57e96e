/// The forest's inputs as small bin codes, column by column, so that finding a split is a
/// histogram pass instead of a sort.
///
/// Numeric columns keep bins in value order: bin 0 holds missing values, bins 1… hold
/// quantiles of the present values (every distinct value its own bin when there are few).
/// Categorical columns give each category a bin (missing is a category); their bins are
/// ordered by the mean target inside each node when a split is searched (Breiman's rule,
/// optimal for regression). At most ``maxBins`` bins per column, so a split's left side is
/// one `UInt64` mask.
struct BinnedFeatures: Sendable {
    static let maxBins = 64

    let rowCount: Int
    let featureCount: Int
    /// The bin of each row, column after column: `codes[feature * rowCount + row]`.
    let codes: [UInt8]
    let binCounts: [Int]
    /// Whether a column's bins are in value order (numeric) or unordered categories.
    let isOrdered: [Bool]

    /// The bin of `row` in `feature`.
    @inline(__always) func code(_ feature: Int, _ row: Int) -> UInt8 { codes[feature &* rowCount &+ row] }

    init(columns: [FeatureColumn]) {
        rowCount = columns.first?.count ?? 0
        featureCount = columns.count
        var codes: [UInt8] = [], counts: [Int] = [], ordered: [Bool] = []
        for column in columns {
            switch column {
            case .numeric(let values):
                let binned = Self.binNumbers(values)
                codes.append(contentsOf: binned.codes)
                counts.append(binned.count)
                ordered.append(true)
            case .categorical(let values):
                let binned = Self.binCategories(values)
                codes.append(contentsOf: binned.codes)
                counts.append(binned.count)
                ordered.append(false)
            }
        }
        self.codes = codes
        binCounts = counts
        isOrdered = ordered
    }

    static func binNumbers(_ values: [Double?]) -> (codes: [UInt8], count: Int) {
        let present = values.compactMap { $0 }.filter(\.isFinite).sorted()
        var distinct: [Double] = []
        for value in present where distinct.last != value { distinct.append(value) }
        let thresholds: [Double]
        if distinct.count <= maxBins - 1 {
            thresholds = Array(distinct.dropFirst())
        } else {
            var picked: [Double] = []
            for k in 1..<(maxBins - 1) {
                let value = present[k * present.count / (maxBins - 1)]
                if picked.last != value, value > (present.first ?? value) { picked.append(value) }
            }
            thresholds = picked
        }
        // Bin = 1 + the number of thresholds ≤ value.
        let codes = values.map { value -> UInt8 in
            guard let value, value.isFinite else { return 0 }
            var low = 0, high = thresholds.count
            while low < high {
                let middle = (low + high) / 2
                if thresholds[middle] <= value { low = middle + 1 } else { high = middle }
            }
            return UInt8(1 + low)
        }
        return (codes, thresholds.count + 2)
    }

    static func binCategories(_ values: [String?]) -> (codes: [UInt8], count: Int) {
        var frequency: [String: Int] = [:]
        for value in values { frequency[value ?? missingCategory, default: 0] += 1 }
        // The most frequent categories keep their own bin; the rest share the last one.
        let ranked = frequency.keys.sorted { a, b in
            let x = frequency[a] ?? 0, y = frequency[b] ?? 0
            return x == y ? a < b : x > y
        }
        var bins: [String: UInt8] = [:]
        for (position, name) in ranked.enumerated() { bins[name] = UInt8(min(position, maxBins - 1)) }
        let codes = values.map { bins[$0 ?? missingCategory] ?? UInt8(maxBins - 1) }
        return (codes, min(ranked.count, maxBins))
    }

    private static let missingCategory = "\u{0}missing"
}
