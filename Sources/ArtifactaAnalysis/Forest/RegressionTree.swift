/// A CART regression tree over ``BinnedFeatures``: each inner node sends a row left when
/// its bin of one feature is in the node's mask; leaves hold the mean target of their rows.
///
/// A node's children are next to each other, left then right, so that a walk picks the
/// child by adding the tested bit instead of branching on it (a branch that went either way
/// at random was most of a walk's time).
struct RegressionTree: Sendable {
    struct Node: Sendable {
        /// The feature tested, or -1 for a leaf.
        var feature: Int
        /// Bins that go left.
        var leftBins: UInt64
        /// The left child; the right one follows it.
        var left: Int
        /// The mean target of the node's training rows.
        var value: Double

        /// The child a row with bin `code` goes to.
        @inline(__always) func child(_ code: UInt8) -> Int {
            left &+ Int(truncatingIfNeeded: ((leftBins &>> UInt64(code)) & 1) ^ 1)
        }
    }

    var nodes: [Node]

    /// The prediction for `row`, reading `feature`'s bin as `override` when given
    /// (used to predict with one feature permuted), walking down from node `start`.
    func predict(row: Int, in features: BinnedFeatures, from start: Int = 0, overriding feature: Int = -1, with override: UInt8 = 0) -> Double {
        // Unchecked: the builder made every child index and bin code (< 64) valid, and
        // permutation importance walks these trees for every row, feature and metric.
        nodes.withUnsafeBufferPointer { nodes in
            features.codes.withUnsafeBufferPointer { codes in
                var index = start
                while true {
                    let node = nodes[index]
                    if node.feature < 0 { return node.value }
                    let code = node.feature == feature ? override : codes[node.feature &* features.rowCount &+ row]
                    index = node.child(code)
                }
            }
        }
    }

    /// The prediction for `row`, and in `firstTests[offset + feature]` the first node on its
    /// path that tests each feature (left as it is, -1, for features the path never tests).
    /// Permuting a feature changes nothing above that node, and nothing at all without one.
    func predict(row: Int, in features: BinnedFeatures, firstTests: inout [Int], at offset: Int) -> Double {
        var index = 0
        while true {
            let node = nodes[index]
            if node.feature < 0 { return node.value }
            if firstTests[offset + node.feature] < 0 { firstTests[offset + node.feature] = index }
            let code = features.code(node.feature, row)
            index = node.child(code)
        }
    }
}
