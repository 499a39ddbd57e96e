import ArtifactaCore
import Foundation

/// One axis of a sweep chart: numeric (linear or log) or categorical, with missing values
/// placed on their own tick below the axis.
struct SweepAxis: Sendable {
    enum Kind: Equatable, Sendable {
        case linear
        case log
        case categorical
    }

    let name: String
    let kind: Kind
    /// Categories in sorted order (categorical axes).
    let categories: [String]
    let lower: Double
    let upper: Double
    let ticks: [(fraction: Double, label: String)]
    let hasMissing: Bool
    /// Where missing values sit, as a fraction (below the axis).
    static let missingFraction = -0.12

    init(name: String, runs: [SweepRun]) {
        self.init(name: name, values: runs.map { $0.values[name] })
    }

    /// The axis of `values`, one per run (nil when the run has none).
    init(name: String, values: [JSONValue?]) {
        self.name = name
        let present = values.compactMap { $0 }.filter { value in
            switch value {
            case .null: false
            case .number(let number): number.isFinite
            default: true
            }
        }
        hasMissing = present.count < values.count
        let numbers = present.compactMap { value -> Double? in if case .number(let number) = value { number } else { nil } }
        if !present.isEmpty, numbers.count == present.count {
            let low = numbers.min() ?? 0, high = numbers.max() ?? 1
            categories = []
            if low > 0, high / low >= 100 {
                kind = .log
                let log = LogTicks(logLower: log10(low), logUpper: log10(high), targetCount: 5)
                lower = log.lower
                upper = log.upper
                ticks = log.exponents.map { ((($0 - log.lower) / max(log.upper - log.lower, 1e-12)), LogTicks.label($0)) }
            } else {
                kind = .linear
                let nice = NiceTicks(lower: low, upper: high, targetCount: 5)
                lower = nice.lower
                upper = nice.upper
                ticks = nice.values.map { (($0 - nice.lower) / max(nice.upper - nice.lower, 1e-300), CompactNumber.tick($0, step: nice.step)) }
            }
        } else {
            kind = .categorical
            let sorted = Array(Set(present.map(Self.categoryText))).sorted()
            categories = sorted
            lower = 0
            upper = Double(max(sorted.count - 1, 1))
            ticks = sorted.enumerated().map { index, name in
                (sorted.count == 1 ? 0.5 : Double(index) / Double(sorted.count - 1), name)
            }
        }
    }

    /// The position of `value` as a fraction of the axis (0 = bottom), ``missingFraction`` when missing.
    func fraction(_ value: JSONValue?) -> Double {
        guard let value else { return Self.missingFraction }
        switch (kind, value) {
        case (.linear, .number(let number)) where number.isFinite:
            return upper > lower ? (number - lower) / (upper - lower) : 0.5
        case (.log, .number(let number)) where number > 0 && number.isFinite:
            return upper > lower ? (log10(number) - lower) / (upper - lower) : 0.5
        case (.categorical, .null):
            return Self.missingFraction
        case (.categorical, _):
            guard let index = categories.firstIndex(of: Self.categoryText(value)) else { return Self.missingFraction }
            return categories.count == 1 ? 0.5 : Double(index) / Double(categories.count - 1)
        default:
            return Self.missingFraction
        }
    }

    /// The label of a value in tooltips.
    static func categoryText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): CompactNumber.text(number, significantDigits: 4)
        case .null: "missing"
        default: value.jsonText
        }
    }
}
