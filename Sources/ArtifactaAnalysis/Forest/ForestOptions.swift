/// The settings of the random forest behind model-based parameter importance.
public struct ForestOptions: Sendable, Equatable {
    /// The number of trees.
    public var treeCount: Int
    /// The deepest a tree may grow (the root is depth 0).
    public var maxDepth: Int
    /// The fewest bootstrap rows a leaf may hold.
    public var minLeafSize: Int
    /// The share of features tried at each split, rounded up, at least one.
    public var featureFraction: Double
    /// The seed of the random number generator; the same seed gives the same result.
    public var seed: UInt64

    /// 100 trees, depth ≤ 12, leaves of ≥ 2 rows, a third of the features per split, a fixed seed.
    public init(treeCount: Int = 100, maxDepth: Int = 12, minLeafSize: Int = 2, featureFraction: Double = 1.0 / 3, seed: UInt64 = 0x5EED_A27F_AC7A) {
        self.treeCount = treeCount
        self.maxDepth = maxDepth
        self.minLeafSize = minLeafSize
        self.featureFraction = featureFraction
        self.seed = seed
    }

    /// How many features a split tries when there are `featureCount`.
    func featuresPerSplit(featureCount: Int) -> Int {
        max(1, min(featureCount, Int((Double(featureCount) * featureFraction).rounded(.up))))
    }
}
