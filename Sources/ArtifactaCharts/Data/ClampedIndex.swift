/// A computed position turned into an index without trapping: NaN becomes `lower`, and
/// ±Infinity or values past `Int`'s range are clamped into `lower...upper`.
///
/// Chart positions come from user numbers; near the ends of `Double`'s range a difference
/// such as `1e308 - (-1e308)` overflows, and `Int(_:)` of the result would crash the build.
enum ClampedIndex {
    static func of(_ value: Double, _ lower: Int, _ upper: Int) -> Int {
        guard !value.isNaN else { return lower }
        return Int(Swift.min(Swift.max(value, Double(lower)), Double(upper)))
    }
}
