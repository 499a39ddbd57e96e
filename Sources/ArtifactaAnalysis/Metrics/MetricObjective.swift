/// Whether a smaller or a larger metric value is better.
public enum MetricObjective: String, Sendable, Hashable {
    case minimize
    case maximize

    /// Whether `a` is strictly better than `b`.
    public func prefers(_ a: Double, over b: Double) -> Bool { self == .minimize ? a < b : a > b }

    /// A guess from the metric's name: accuracy-like names are maximized, everything else
    /// (loss, error, perplexity, time) minimized.
    public static func guess(for name: String) -> MetricObjective {
        let lower = name.lowercased()
        let higherIsBetter = [
            "acc", "auc", "f1", "precision", "recall", "score", "reward", "return", "bleu", "rouge", "iou",
            "r2", "dice", "throughput",
        ]
        return higherIsBetter.contains(where: { lower.contains($0) }) ? .maximize : .minimize
    }
}
