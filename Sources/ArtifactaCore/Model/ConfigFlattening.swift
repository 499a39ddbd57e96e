/// Flattens nested config objects into dotted keys: `{"optim": {"lr": 0.1}}` → `optim.lr`.
public enum ConfigFlattening {
    /// Leaf values under their dotted keys, in the config's order. Arrays are leaves.
    public static func flatten(_ config: JSONValue) -> [(key: String, value: JSONValue)] {
        var result: [(key: String, value: JSONValue)] = []
        visit(config, prefix: nil, into: &result)
        return result
    }

    private static func visit(_ value: JSONValue, prefix: String?, into result: inout [(key: String, value: JSONValue)]) {
        if case .object(let pairs) = value, !(pairs.isEmpty && prefix != nil) {
            for (key, child) in pairs { visit(child, prefix: prefix.map { "\($0).\(key)" } ?? key, into: &result) }
        } else if let prefix {
            result.append((prefix, value))
        }
    }

    /// A config value as short text: strings bare, everything else as JSON.
    public static func text(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        if case .number(let number) = value { return NumberText.compact(number) }
        return value.jsonText
    }
}
