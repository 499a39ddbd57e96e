/// Grows one ``RegressionTree`` on a bootstrap sample, choosing each split among a random
/// subset of features by the largest reduction of squared error.
struct RegressionTreeBuilder {
    let features: BinnedFeatures
    let targets: [Double]
    let options: ForestOptions
    var random: SplitMix64

    private var nodes: [RegressionTree.Node] = []
    private var rows: [Int] = []
    private var featureOrder: [Int] = []
    private var binSums = [Double](repeating: 0, count: BinnedFeatures.maxBins)
    private var binCounts = [Int](repeating: 0, count: BinnedFeatures.maxBins)
    /// The bins a node's rows fill, in split order (the first entries).
    private var binOrder = [Int](repeating: 0, count: BinnedFeatures.maxBins)

    init(features: BinnedFeatures, targets: [Double], options: ForestOptions, random: SplitMix64) {
        self.features = features
        self.targets = targets
        self.options = options
        self.random = random
    }

    /// The tree grown on `sample` (row indices, repeats allowed). A forest grows all its trees
    /// with one builder, whose buffers are emptied, not made again, for each.
    mutating func build(sample: [Int]) -> RegressionTree {
        rows.removeAll(keepingCapacity: true)
        rows.append(contentsOf: sample)
        nodes.removeAll(keepingCapacity: true)
        nodes.append(Self.leaf)
        featureOrder.removeAll(keepingCapacity: true)
        featureOrder.append(contentsOf: 0..<features.featureCount)
        grow(0, lower: 0, upper: rows.count, depth: 0)
        return RegressionTree(nodes: nodes)
    }

    private struct Split {
        var feature: Int
        var leftBins: UInt64
        var gain: Double
    }

    private static let leaf = RegressionTree.Node(feature: -1, leftBins: 0, left: -1, value: 0)

    /// Makes node `index` (already in `nodes`) of the rows `lower..<upper`, and its subtree.
    private mutating func grow(_ index: Int, lower: Int, upper: Int, depth: Int) {
        var sum = 0.0, sumSquares = 0.0
        targets.withUnsafeBufferPointer { targets in
            rows.withUnsafeBufferPointer { rows in
                for position in lower..<upper {
                    let target = targets[rows[position]]
                    sum += target
                    sumSquares += target * target
                }
            }
        }
        let count = upper - lower
        let mean = sum / Double(count)
        nodes[index].value = mean
        let spread = sumSquares - sum * mean
        guard depth < options.maxDepth, count >= 2 * options.minLeafSize, spread > 1e-12 * max(1, sumSquares),
            let split = bestSplit(lower: lower, upper: upper, sum: sum)
        else { return }
        let middle = partition(lower: lower, upper: upper, split: split)
        let left = nodes.count
        nodes.append(Self.leaf)
        nodes.append(Self.leaf)
        nodes[index].feature = split.feature
        nodes[index].leftBins = split.leftBins
        nodes[index].left = left
        grow(left, lower: lower, upper: middle, depth: depth + 1)
        grow(left + 1, lower: middle, upper: upper, depth: depth + 1)
    }

    private mutating func bestSplit(lower: Int, upper: Int, sum: Double) -> Split? {
        let tries = min(options.featuresPerSplit(featureCount: features.featureCount), features.featureCount)
        // A partial Fisher–Yates shuffle picks `tries` distinct features.
        for position in 0..<tries {
            featureOrder.swapAt(position, position + random.index(below: featureOrder.count - position))
        }
        let count = Double(upper - lower)
        let parentScore = sum * sum / count
        var best: Split?
        for feature in featureOrder[0..<tries] {
            if let split = bestSplit(feature: feature, lower: lower, upper: upper, sum: sum, parentScore: parentScore),
                split.gain > (best?.gain ?? 1e-12 * abs(parentScore))
            {
                best = split
            }
        }
        return best
    }

    private mutating func bestSplit(feature: Int, lower: Int, upper: Int, sum: Double, parentScore: Double) -> Split? {
        let binCount = features.binCounts[feature]
        let offset = feature * features.rowCount
        let isOrdered = features.isOrdered[feature]
        let minLeafSize = options.minLeafSize
        // A node with fewer rows than bins (most nodes of a deep tree on a continuous
        // parameter) lists the bins its rows fill as it goes, instead of scanning every bin.
        let sparse = upper - lower < binCount
        var best: Split?
        // The hot loops of the forest, all on buffer pointers: no copy-on-write checks or
        // reference counting per row. The bins are all zero between calls: each call clears
        // the ones it filled.
        binSums.withUnsafeMutableBufferPointer { sums in
            binCounts.withUnsafeMutableBufferPointer { counts in
                binOrder.withUnsafeMutableBufferPointer { order in
                    features.codes.withUnsafeBufferPointer { codes in
                        targets.withUnsafeBufferPointer { targets in
                            rows.withUnsafeBufferPointer { rows in
                                var filled = 0
                                for position in lower..<upper {
                                    let row = rows[position]
                                    let bin = Int(codes[offset &+ row])
                                    if sparse, counts[bin] == 0 {
                                        order[filled] = bin
                                        filled += 1
                                    }
                                    sums[bin] += targets[row]
                                    counts[bin] += 1
                                }
                                if sparse {
                                    var filledBins = UnsafeMutableBufferPointer(rebasing: order[0..<filled])
                                    filledBins.sort()
                                } else {
                                    for bin in 0..<binCount where counts[bin] > 0 {
                                        order[filled] = bin
                                        filled += 1
                                    }
                                }
                                if filled >= 2 {
                                    if !isOrdered {
                                        var filledBins = UnsafeMutableBufferPointer(rebasing: order[0..<filled])
                                        filledBins.sort { a, b in
                                            let x = sums[a] / Double(counts[a]), y = sums[b] / Double(counts[b])
                                            return x == y ? a < b : x < y
                                        }
                                    }
                                    best = Self.bestSplit(
                                        feature: feature, order: UnsafeBufferPointer(rebasing: order[0..<filled]), sums: sums, counts: counts,
                                        total: upper - lower, sum: sum, parentScore: parentScore, isOrdered: isOrdered, minLeafSize: minLeafSize)
                                }
                                for index in 0..<filled {
                                    sums[order[index]] = 0
                                    counts[order[index]] = 0
                                }
                            }
                        }
                    }
                }
            }
        }
        return best
    }

    /// The best split of a node's filled bins in `order`: each prefix goes left.
    private static func bestSplit(
        feature: Int, order: UnsafeBufferPointer<Int>, sums: UnsafeMutableBufferPointer<Double>, counts: UnsafeMutableBufferPointer<Int>,
        total: Int, sum: Double, parentScore: Double, isOrdered: Bool, minLeafSize: Int
    ) -> Split? {
        var leftSum = 0.0, leftCount = 0, mask: UInt64 = 0
        var best: Split?
        for position in 0..<(order.count - 1) {
            let bin = order[position]
            leftSum += sums[bin]
            leftCount += counts[bin]
            // Ordered bins split at a threshold midway to the next bin this node holds, so
            // bins it did not see fall on the side their value puts them; categories go by set.
            mask = isOrdered ? binsThrough((bin + order[position + 1]) / 2) : mask | 1 << UInt64(bin)
            let rightCount = total - leftCount
            guard leftCount >= minLeafSize, rightCount >= minLeafSize else { continue }
            let rightSum = sum - leftSum
            let gain = leftSum * leftSum / Double(leftCount) + rightSum * rightSum / Double(rightCount) - parentScore
            if gain > (best?.gain ?? 0) { best = Split(feature: feature, leftBins: mask, gain: gain) }
        }
        return best
    }

    /// The mask of bins `0...bin`.
    static func binsThrough(_ bin: Int) -> UInt64 {
        bin >= 63 ? UInt64.max : (1 << UInt64(bin + 1)) - 1
    }

    /// Moves the rows that go left to the front of `lower..<upper`; returns where the right side starts.
    private mutating func partition(lower: Int, upper: Int, split: Split) -> Int {
        let offset = split.feature &* features.rowCount
        return features.codes.withUnsafeBufferPointer { codes in
            rows.withUnsafeMutableBufferPointer { rows in
                var middle = lower
                for position in lower..<upper where split.leftBins & (1 &<< UInt64(codes[offset &+ rows[position]])) != 0 {
                    rows.swapAt(position, middle)
                    middle += 1
                }
                return middle
            }
        }
    }
}
