/// A CART regression tree over ``BinnedFeatures``: each inner node sends a row left when
/// its bin of one feature is in the node's mask; leaves hold the mean target of their rows.
struct RegressionTree: Sendable {
    struct Node: Sendable {
        /// The feature tested, or -1 for a leaf.
        var feature: Int
        /// Bins that go left.
        var leftBins: UInt64
        var left: Int
        var right: Int
        /// The mean target of the node's training rows.
        var value: Double
    }

    var nodes: [Node]

    /// The prediction for `row`, reading `feature`'s bin as `override` when given
    /// (used to predict with one feature permuted).
    func predict(row: Int, in features: BinnedFeatures, overriding feature: Int = -1, with override: UInt8 = 0) -> Double {
        // Unchecked: the builder made every child index and bin code (< 64) valid, and
        // permutation importance walks these trees for every row, feature and metric.
        nodes.withUnsafeBufferPointer { nodes in
            features.codes.withUnsafeBufferPointer { codes in
                var index = 0
                while true {
                    let node = nodes[index]
                    if node.feature < 0 { return node.value }
                    let code = node.feature == feature ? override : codes[node.feature &* features.rowCount &+ row]
                    index = node.leftBins & (1 &<< UInt64(code)) != 0 ? node.left : node.right
                }
            }
        }
    }
}
