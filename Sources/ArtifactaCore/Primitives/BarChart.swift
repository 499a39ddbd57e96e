/// Values per category, in one or more named groups, drawn grouped or stacked.
public struct BarChart: Sendable {
    public var categories: [String]
    /// Named groups in order, each with one value per category.
    public var groups: [BarGroup]
    public var xLabel: String?
    public var yLabel: String?
    public var stacked: Bool

    public init(
        categories: [String], groups: [BarGroup], xLabel: String? = nil, yLabel: String? = nil, stacked: Bool = false
    ) {
        self.categories = categories
        self.groups = groups
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.stacked = stacked
    }

    /// A bar chart from ordered group names and values.
    public init(
        categories: [String], groups: KeyValuePairs<String, [Double]>, xLabel: String? = nil, yLabel: String? = nil,
        stacked: Bool = false
    ) {
        self.init(
            categories: categories, groups: groups.map { BarGroup(name: $0.key, values: $0.value) }, xLabel: xLabel,
            yLabel: yLabel, stacked: stacked)
    }

    public func validate() throws(ValidationError) {
        if categories.isEmpty { throw ValidationError("field \"categories\" is empty") }
        if groups.isEmpty { throw ValidationError("field \"groups\" must hold at least one group") }
        for group in groups {
            try NameRules.validate(group.name, as: "group name")
            try requireEqualLengths([("categories", categories.count), (group.name, group.values.count)])
        }
    }

    public init(json: JSONValue) throws(ValidationError) {
        let object = try JSONFields(
            json, what: "BarChart data", allowed: ["categories", "groups", "x_label", "y_label", "stacked"])
        let groupsJSON = try object.required("groups")
        guard case .object(let pairs) = groupsJSON else {
            throw ValidationError("field \"groups\" must be an object of name: [numbers], not \(groupsJSON.typeName)")
        }
        var groups: [BarGroup] = []
        for (name, values) in pairs {
            groups.append(BarGroup(name: name, values: try JSONFields.numbers(values, field: name)))
        }
        self.init(
            categories: try object.strings("categories"), groups: groups, xLabel: try object.optionalString("x_label"),
            yLabel: try object.optionalString("y_label"), stacked: try object.optionalBool("stacked") ?? false)
        try validate()
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("categories", jsonStrings(categories)),
            ("groups", .object(groups.map { ($0.name, jsonNumbers($0.values)) })),
        ]
        if let xLabel { pairs.append(("x_label", .string(xLabel))) }
        if let yLabel { pairs.append(("y_label", .string(yLabel))) }
        pairs.append(("stacked", .bool(stacked)))
        return .object(pairs)
    }
}

/// One named group of a ``BarChart``.
public struct BarGroup: Sendable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}
