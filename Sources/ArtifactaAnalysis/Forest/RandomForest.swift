/// A random forest regressor (bagged CART trees with feature subsampling) that reports how
/// much each feature matters by permutation of its out-of-bag values.
struct RandomForest: Sendable {
    /// The increase of out-of-bag squared error when each feature is permuted, averaged over
    /// trees (not clamped or normalized).
    let permutationIncrease: [Double]
    /// The out-of-bag R² of the whole forest, `nil` when no row was ever out of bag.
    let outOfBagR2: Double?

    /// Fits the forest to `targets` and measures permutation importance. Deterministic for a given seed.
    init(features: BinnedFeatures, targets: [Double], options: ForestOptions) {
        let rowCount = targets.count
        var random = SplitMix64(seed: options.seed)
        var increase = [Double](repeating: 0, count: features.featureCount)
        var measuredTrees = 0
        var oobSums = [Double](repeating: 0, count: rowCount)
        var oobCounts = [Int](repeating: 0, count: rowCount)
        var inBag = [Bool](repeating: false, count: rowCount)
        // One builder and one set of buffers for every tree, emptied for each.
        var builder = RegressionTreeBuilder(features: features, targets: targets, options: options, random: random)
        var sample: [Int] = [], outOfBag: [Int] = [], donors: [Int] = []
        var basePredictions: [Double] = [], firstTests: [Int] = []
        for _ in 0..<max(options.treeCount, 0) {
            // Each tree has its own generator, seeded from the forest's.
            var treeRandom = SplitMix64(seed: random.next())
            for row in 0..<rowCount { inBag[row] = false }
            sample.removeAll(keepingCapacity: true)
            for _ in 0..<rowCount { sample.append(treeRandom.index(below: rowCount)) }
            for row in sample { inBag[row] = true }
            builder.random = treeRandom
            let tree = builder.build(sample: sample)
            treeRandom = builder.random
            outOfBag.removeAll(keepingCapacity: true)
            for row in 0..<rowCount where !inBag[row] { outOfBag.append(row) }
            guard !outOfBag.isEmpty else { continue }
            var baseError = 0.0
            // Each out-of-bag row's prediction, and where its path first tests each feature.
            basePredictions.removeAll(keepingCapacity: true)
            basePredictions.append(contentsOf: repeatElement(0, count: outOfBag.count))
            firstTests.removeAll(keepingCapacity: true)
            firstTests.append(contentsOf: repeatElement(-1, count: outOfBag.count * features.featureCount))
            for (position, row) in outOfBag.enumerated() {
                let prediction = tree.predict(row: row, in: features, firstTests: &firstTests, at: position * features.featureCount)
                basePredictions[position] = prediction
                oobSums[row] += prediction
                oobCounts[row] += 1
                baseError += (prediction - targets[row]) * (prediction - targets[row])
            }
            donors.removeAll(keepingCapacity: true)
            donors.append(contentsOf: outOfBag)
            for feature in 0..<features.featureCount {
                treeRandom.shuffle(&donors)
                var error = 0.0
                for (position, (row, donor)) in zip(outOfBag, donors).enumerated() {
                    // Above the first node testing the feature the path is the base one.
                    let start = firstTests[position * features.featureCount + feature]
                    let prediction = start < 0
                        ? basePredictions[position]
                        : tree.predict(row: row, in: features, from: start, overriding: feature, with: features.code(feature, donor))
                    error += (prediction - targets[row]) * (prediction - targets[row])
                }
                increase[feature] += (error - baseError) / Double(outOfBag.count)
            }
            measuredTrees += 1
        }
        permutationIncrease = increase.map { measuredTrees > 0 ? $0 / Double(measuredTrees) : 0 }
        outOfBagR2 = Self.r2(sums: oobSums, counts: oobCounts, targets: targets)
    }

    private static func r2(sums: [Double], counts: [Int], targets: [Double]) -> Double? {
        let rows = targets.indices.filter { counts[$0] > 0 }
        guard rows.count >= 2 else { return nil }
        let mean = rows.reduce(0) { $0 + targets[$1] } / Double(rows.count)
        var residual = 0.0, total = 0.0
        for row in rows {
            let prediction = sums[row] / Double(counts[row])
            residual += (prediction - targets[row]) * (prediction - targets[row])
            total += (targets[row] - mean) * (targets[row] - mean)
        }
        return total > 0 ? 1 - residual / total : nil
    }
}
