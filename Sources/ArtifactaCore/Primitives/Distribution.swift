/// A sample of values to be drawn as a histogram, optionally split into named groups.
public struct Distribution: Sendable {
    public var values: [Double]
    /// The group of each value, parallel to `values`, when the sample has groups.
    public var groups: [String]?

    public init(values: [Double], groups: [String]? = nil) {
        self.values = values
        self.groups = groups
    }

    public func validate() throws(ValidationError) {
        if values.isEmpty { throw ValidationError("field \"values\" is empty") }
        if let groups {
            try requireEqualLengths([("values", values.count), ("groups", groups.count)])
            for (index, group) in groups.enumerated() where group.isEmpty {
                throw ValidationError("field \"groups\" value \(index) is an empty name")
            }
        }
    }

    public init(json: JSONValue) throws(ValidationError) {
        let object = try JSONFields(json, what: "Distribution data", allowed: ["values", "groups"])
        self.init(values: try object.numbers("values"), groups: try object.optionalStrings("groups"))
        try validate()
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("values", jsonNumbers(values))]
        if let groups { pairs.append(("groups", jsonStrings(groups))) }
        return .object(pairs)
    }
}
