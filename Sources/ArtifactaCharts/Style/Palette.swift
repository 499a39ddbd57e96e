/// The categorical colours of runs and groups: colour-blind-safe, stable by index.
///
/// Colours come from the Okabe–Ito and Paul Tol sets. Each is exposed to CSS as
/// `--series-N`, so a page theme can swap them; the hex values are the light-theme
/// fallbacks that make a standalone SVG render the same.
public enum Palette {
    /// Light-theme colours, in the order runs receive them.
    public static let light = [
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
        "#D55E00", "#332288", "#B8A21A", "#882255", "#44AA99",
    ]
    /// Dark-theme colours, brighter versions of ``light`` in the same order.
    public static let dark = [
        "#4FA8E8", "#F2B53A", "#2FCB9C", "#E59CC8", "#92D3F6",
        "#F3843F", "#A495F2", "#E2D04E", "#DB6C9A", "#71D3C2",
    ]

    /// The number of distinct categorical colours; indices wrap around.
    public static var count: Int { light.count }

    /// The palette slot of a caller's colour index (never negative).
    public static func slot(_ colorIndex: Int) -> Int {
        let remainder = colorIndex % count
        return remainder < 0 ? remainder + count : remainder
    }

    /// The CSS class that sets `color` to the run colour, for marks drawn with `currentColor`.
    public static func colorClass(_ colorIndex: Int) -> String { "ac-c\(slot(colorIndex))" }

    /// A CSS colour value for a fill or stroke attribute: `var(--series-3, #CC79A7)`.
    public static func cssColor(_ colorIndex: Int) -> String {
        let slot = slot(colorIndex)
        return "var(--series-\(slot),\(light[slot]))"
    }
}
