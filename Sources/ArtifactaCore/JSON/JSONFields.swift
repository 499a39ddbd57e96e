/// Reads the fields of a JSON object for a decoder, with errors that name the field and index.
struct JSONFields {
    let pairs: [(String, JSONValue)]

    /// - Throws: when `value` is not an object, or holds a key outside `allowed`.
    init(_ value: JSONValue, what: String, allowed: [String]) throws(ValidationError) {
        guard case .object(let pairs) = value else {
            throw ValidationError("\(what) must be a JSON object, not \(value.typeName)")
        }
        for (key, _) in pairs where !allowed.contains(key) {
            throw ValidationError(
                "unknown field \(NameRules.quoted(key)) in \(what) (expected: \(allowed.joined(separator: ", ")))")
        }
        self.pairs = pairs
    }

    /// The value under `key`; `nil` when absent or null.
    func optional(_ key: String) -> JSONValue? {
        guard let value = pairs.first(where: { $0.0 == key })?.1 else { return nil }
        if case .null = value { return nil }
        return value
    }

    func required(_ key: String) throws(ValidationError) -> JSONValue {
        guard let value = optional(key) else { throw ValidationError("missing field \"\(key)\"") }
        return value
    }

    func numbers(_ key: String) throws(ValidationError) -> [Double] {
        try Self.numbers(try required(key), field: key)
    }

    func optionalNumbers(_ key: String) throws(ValidationError) -> [Double]? {
        guard let value = optional(key) else { return nil }
        return try Self.numbers(value, field: key)
    }

    func strings(_ key: String) throws(ValidationError) -> [String] {
        try Self.strings(try required(key), field: key)
    }

    func optionalStrings(_ key: String) throws(ValidationError) -> [String]? {
        guard let value = optional(key) else { return nil }
        return try Self.strings(value, field: key)
    }

    func optionalString(_ key: String) throws(ValidationError) -> String? {
        guard let value = optional(key) else { return nil }
        guard case .string(let text) = value else {
            throw ValidationError("field \"\(key)\" must be a string, not \(value.typeName)")
        }
        return text
    }

    func string(_ key: String) throws(ValidationError) -> String {
        guard let text = try optionalString(key) else { throw ValidationError("missing field \"\(key)\"") }
        return text
    }

    func optionalBool(_ key: String) throws(ValidationError) -> Bool? {
        guard let value = optional(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw ValidationError("field \"\(key)\" must be true or false, not \(value.typeName)")
        }
        return flag
    }

    /// An array of numbers; NaN and ±Infinity may also be spelled as strings.
    static func numbers(_ value: JSONValue, field: String) throws(ValidationError) -> [Double] {
        guard case .array(let elements) = value else {
            throw ValidationError("field \(NameRules.quoted(field)) must be an array of numbers, not \(value.typeName)")
        }
        var result: [Double] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard let number = number(element) else {
                throw ValidationError(
                    "field \(NameRules.quoted(field)) value \(index) is \(describe(element)), not a number")
            }
            result.append(number)
        }
        return result
    }

    /// A number, or one of the strings `NaN`, `Infinity`, `-Infinity`.
    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): return number
        case .string("NaN"), .string("nan"): return .nan
        case .string("Infinity"), .string("inf"): return .infinity
        case .string("-Infinity"), .string("-inf"): return -.infinity
        default: return nil
        }
    }

    static func strings(_ value: JSONValue, field: String) throws(ValidationError) -> [String] {
        guard case .array(let elements) = value else {
            throw ValidationError("field \(NameRules.quoted(field)) must be an array of strings, not \(value.typeName)")
        }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw ValidationError(
                    "field \(NameRules.quoted(field)) value \(index) is \(describe(element)), not a string")
            }
            result.append(text)
        }
        return result
    }

    /// A short rendering of a value for an error message: the value itself when it is small.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return NameRules.quoted(text)
        case .number, .bool, .null: return value.jsonText
        default: return value.typeName
        }
    }
}
