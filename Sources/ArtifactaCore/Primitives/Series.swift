/// Points over a step: one or more named numeric fields of equal length.
///
/// Logging a Series under the same name again appends its points. When `index` names one
/// of the fields, that field is the x-axis; otherwise x is the running point number.
public struct Series: Sendable {
    /// The field that is the x-axis, when it is among `fields`.
    public var index: String?
    /// The fields in the order given.
    public var fields: [SeriesField]

    public init(index: String? = nil, fields: [SeriesField]) {
        self.index = index
        self.fields = fields
    }

    /// A series from ordered field names and values: `Series(index: "epoch", fields: ["loss": [0.5], "epoch": [1]])`.
    public init(index: String? = nil, fields: KeyValuePairs<String, [Double]>) {
        self.init(index: index, fields: fields.map { SeriesField(name: $0.key, values: $0.value) })
    }

    /// The number of points (the length of every field).
    public var pointCount: Int { fields.first?.values.count ?? 0 }

    public func validate() throws(ValidationError) {
        if let index { try NameRules.validate(index, as: "index") }
        guard !fields.isEmpty else { throw ValidationError("fields must hold at least one field") }
        for (position, field) in fields.enumerated() {
            try NameRules.validate(field.name, as: "field name")
            if fields[..<position].contains(where: { $0.name == field.name }) {
                throw ValidationError("field \(NameRules.quoted(field.name)) appears twice")
            }
        }
        try requireEqualLengths(fields.map { ($0.name, $0.values.count) })
        if pointCount == 0 { throw ValidationError("fields hold no values") }
    }

    public init(json: JSONValue) throws(ValidationError) {
        let object = try JSONFields(json, what: "Series data", allowed: ["index", "fields"])
        let index = try object.optionalString("index")
        let fieldsValue = try object.required("fields")
        guard case .object(let pairs) = fieldsValue else {
            throw ValidationError("field \"fields\" must be an object of name: [numbers], not \(fieldsValue.typeName)")
        }
        var fields: [SeriesField] = []
        for (name, values) in pairs {
            fields.append(SeriesField(name: name, values: try JSONFields.numbers(values, field: name)))
        }
        self.init(index: index, fields: fields)
        try validate()
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let index { pairs.append(("index", .string(index))) }
        pairs.append(("fields", .object(fields.map { ($0.name, jsonNumbers($0.values)) })))
        return .object(pairs)
    }
}

/// One named column of a ``Series``.
public struct SeriesField: Sendable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}
