import ArtifactaCore

/// How scatter points are coloured: one colour, a palette colour per category, or a
/// position on a continuous scale.
struct ScatterColoring {
    private var categories: [String] = []
    private var categoryOf: [Int] = []
    private var numbers: [Double] = []
    private(set) var numericRange: (lower: Double, upper: Double)?

    init(colors: [JSONValue]?, count: Int) {
        guard let colors, colors.count >= count else { return }
        var seen: [String: Int] = [:]
        for color in colors.prefix(count) {
            switch color {
            case .string(let name):
                if seen[name] == nil {
                    seen[name] = categories.count
                    categories.append(name)
                }
                categoryOf.append(seen[name] ?? 0)
            case .number(let value):
                numbers.append(value)
            default:
                numbers.append(.nan)
            }
        }
        let finite = numbers.filter(\.isFinite)
        if let lower = finite.min(), let upper = finite.max() { numericRange = (lower, upper) }
    }

    var isNumeric: Bool { numericRange != nil }

    var legendEntries: [Legend.Entry] {
        categories.enumerated().map { Legend.Entry(runID: nil, colorIndex: $0.offset, name: $0.element, lineSwatch: false) }
    }

    /// The extra class that colours point `index` (a category's palette colour, or missing).
    func colorClass(_ index: Int) -> String {
        if index < categoryOf.count { return " " + Palette.colorClass(categoryOf[index]) }
        if index < numbers.count, numericRange != nil, !numbers[index].isFinite { return " ac-missing" }
        return ""
    }

    /// The inline fill of point `index` on a numeric colour scale (empty otherwise).
    func style(_ index: Int) -> String {
        if index < numbers.count, let range = numericRange {
            let value = numbers[index]
            guard value.isFinite else { return "" }
            let fraction = range.upper > range.lower ? (value - range.lower) / (range.upper - range.lower) : 0.5
            return "fill:" + ColorScale.sequential.hex(at: ColorScale.markFraction(fraction))
        }
        return ""
    }

    /// The colour value for a tooltip.
    func text(_ index: Int) -> String? {
        if index < categoryOf.count, categoryOf[index] < categories.count { return categories[categoryOf[index]] }
        if index < numbers.count { return "colour \(CompactNumber.text(numbers[index], significantDigits: 4))" }
        return nil
    }
}
