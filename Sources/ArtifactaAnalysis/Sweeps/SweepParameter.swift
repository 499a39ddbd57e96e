import ArtifactaCore

/// A config key whose value differs between the runs of a sweep, with the type its values suggest.
public struct SweepParameter: Sendable, Equatable {
    /// How the values of a parameter are treated.
    public enum Kind: String, Sendable, Equatable {
        /// Every present value is a finite number.
        case numeric
        /// Strings, booleans, arrays, or a mix of types (a mix is treated as categories).
        case categorical
    }

    /// The dotted config key.
    public var key: String
    /// Numeric or categorical.
    public var kind: Kind
    /// Numeric parameters whose values are all positive and span a factor of at least 100.
    public var suggestsLogScale: Bool
    /// Whether every present value is a boolean (two ordered categories: false < true).
    public var isBoolean: Bool
    /// The distinct values as text, sorted; for numeric parameters, in numeric order.
    public var distinctValues: [String]
    /// The number of runs where the value is `null`, NaN or ±Inf (for numeric parameters).
    public var missingCount: Int

    /// A parameter typed by hand; ``classify(key:values:)`` types one from its values.
    public init(key: String, kind: Kind, suggestsLogScale: Bool, isBoolean: Bool, distinctValues: [String], missingCount: Int) {
        self.key = key
        self.kind = kind
        self.suggestsLogScale = suggestsLogScale
        self.isBoolean = isBoolean
        self.distinctValues = distinctValues
        self.missingCount = missingCount
    }
}
