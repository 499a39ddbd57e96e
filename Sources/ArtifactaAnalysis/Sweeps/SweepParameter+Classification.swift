import ArtifactaCore

extension SweepParameter {
    /// The parameter `key` typed from the values it takes across a sweep's runs.
    ///
    /// `null` is a missing value. A parameter is numeric when every other value is a number
    /// (NaN and ±Inf count as missing); anything else is categorical. Log scale is suggested
    /// when the numbers are all positive and max/min ≥ 100.
    public static func classify(key: String, values: [JSONValue]) -> SweepParameter {
        let present = values.filter { $0 != .null }
        let allNumbers = !present.isEmpty && present.allSatisfy { if case .number = $0 { true } else { false } }
        if allNumbers {
            let numbers = present.compactMap(Self.number).filter(\.isFinite)
            let low = numbers.min() ?? 0, high = numbers.max() ?? 0
            let distinct = Array(Set(numbers)).sorted().map(NumberText.compact)
            return SweepParameter(
                key: key, kind: .numeric, suggestsLogScale: low > 0 && high / low >= 100, isBoolean: false,
                distinctValues: distinct, missingCount: values.count - numbers.count)
        }
        let isBoolean = !present.isEmpty && present.allSatisfy { if case .bool = $0 { true } else { false } }
        return SweepParameter(
            key: key, kind: .categorical, suggestsLogScale: false, isBoolean: isBoolean,
            distinctValues: Array(Set(present.map(ConfigFlattening.text))).sorted(),
            missingCount: values.count - present.count)
    }

    /// The number in `value`, if it is one.
    static func number(_ value: JSONValue) -> Double? {
        if case .number(let number) = value { return number }
        return nil
    }
}
