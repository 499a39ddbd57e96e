/// Bounds every chart respects whatever its input.
public enum ChartLimits {
    /// The largest SVG a chart may produce, in bytes (UTF-8).
    public static let maxBytes = 240_000
}
