/// A labelled grid of numbers: a confusion matrix, a correlation matrix, a heatmap.
public struct Matrix: Sendable {
    public var rows: [String]
    public var cols: [String]
    /// `values[r][c]` is the cell of row `r`, column `c`.
    public var values: [[Double]]

    public init(rows: [String], cols: [String], values: [[Double]]) {
        self.rows = rows
        self.cols = cols
        self.values = values
    }

    public func validate() throws(ValidationError) {
        if rows.isEmpty || cols.isEmpty { throw ValidationError("a matrix needs at least one row and one column") }
        guard values.count == rows.count else {
            throw ValidationError("field \"values\" has \(values.count) rows but \"rows\" has \(rows.count) labels")
        }
        for (index, row) in values.enumerated() where row.count != cols.count {
            throw ValidationError("field \"values\" row \(index) has \(row.count) columns but \"cols\" has \(cols.count) labels")
        }
    }

    public init(json: JSONValue) throws(ValidationError) {
        let object = try JSONFields(json, what: "Matrix data", allowed: ["rows", "cols", "values"])
        let valuesJSON = try object.required("values")
        guard case .array(let rowValues) = valuesJSON else {
            throw ValidationError("field \"values\" must be an array of rows, not \(valuesJSON.typeName)")
        }
        var values: [[Double]] = []
        for (index, row) in rowValues.enumerated() {
            values.append(try JSONFields.numbers(row, field: "values[\(index)]"))
        }
        self.init(rows: try object.strings("rows"), cols: try object.strings("cols"), values: values)
        try validate()
    }

    public var json: JSONValue {
        .object([("rows", jsonStrings(rows)), ("cols", jsonStrings(cols)), ("values", .array(values.map(jsonNumbers)))])
    }
}
