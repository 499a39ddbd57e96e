/// Points in the plane, with optional labels, sizes and colours per point.
public struct Scatter: Sendable {
    public var x: [Double]
    public var y: [Double]
    public var labels: [String]?
    public var sizes: [Double]?
    /// A category (string) or a value on a colour scale (number) per point.
    public var colors: [JSONValue]?

    public init(x: [Double], y: [Double], labels: [String]? = nil, sizes: [Double]? = nil, colors: [JSONValue]? = nil) {
        self.x = x
        self.y = y
        self.labels = labels
        self.sizes = sizes
        self.colors = colors
    }

    public func validate() throws(ValidationError) {
        if x.isEmpty { throw ValidationError("field \"x\" is empty") }
        var lists: [(name: String, count: Int)] = [("x", x.count), ("y", y.count)]
        if let labels { lists.append(("labels", labels.count)) }
        if let sizes { lists.append(("sizes", sizes.count)) }
        if let colors {
            lists.append(("colors", colors.count))
            let allStrings = colors.allSatisfy { if case .string = $0 { true } else { false } }
            let allNumbers = colors.allSatisfy { JSONFields.number($0) != nil }
            if !allStrings && !allNumbers {
                throw ValidationError("field \"colors\" must be all strings (categories) or all numbers (a scale)")
            }
        }
        try requireEqualLengths(lists)
    }

    public init(json: JSONValue) throws(ValidationError) {
        let object = try JSONFields(json, what: "Scatter data", allowed: ["x", "y", "labels", "sizes", "colors"])
        var colors: [JSONValue]?
        if let value = object.optional("colors") {
            guard case .array(let elements) = value else {
                throw ValidationError("field \"colors\" must be an array, not \(value.typeName)")
            }
            colors = elements.map { element in JSONFields.number(element).map(JSONValue.number) ?? element }
        }
        self.init(
            x: try object.numbers("x"), y: try object.numbers("y"), labels: try object.optionalStrings("labels"),
            sizes: try object.optionalNumbers("sizes"), colors: colors)
        try validate()
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("x", jsonNumbers(x)), ("y", jsonNumbers(y))]
        if let labels { pairs.append(("labels", jsonStrings(labels))) }
        if let sizes { pairs.append(("sizes", jsonNumbers(sizes))) }
        if let colors { pairs.append(("colors", .array(colors))) }
        return .object(pairs)
    }
}
