/// Rows of typed cells under named columns.
///
/// Cells are JSON values: a number column holds numbers (NaN and ±Infinity allowed), a
/// string column strings, a boolean column `true`/`false`; `null` is a missing cell in any.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var data: [[JSONValue]]

    public init(columns: [TableColumn], data: [[JSONValue]]) {
        self.columns = columns
        self.data = data
    }

    public func validate() throws(ValidationError) {
        if columns.isEmpty { throw ValidationError("field \"columns\" is empty") }
        var seen = Set<String>()
        for column in columns {
            try NameRules.validate(column.name, as: "column name")
            guard seen.insert(column.name).inserted else {
                throw ValidationError("column \(NameRules.quoted(column.name)) appears twice")
            }
        }
        for (rowIndex, row) in data.enumerated() {
            guard row.count == columns.count else {
                throw ValidationError("row \(rowIndex) has \(row.count) cells but there are \(columns.count) columns")
            }
            for (column, cell) in zip(columns, row) where !column.type.accepts(cell) {
                throw ValidationError(
                    "row \(rowIndex) column \(NameRules.quoted(column.name)) is \(JSONFields.describe(cell)), not a \(column.type.rawValue)")
            }
        }
    }

    public init(json: JSONValue) throws(ValidationError) {
        let object = try JSONFields(json, what: "Table data", allowed: ["columns", "data"])
        let columnsJSON = try object.required("columns")
        guard case .array(let columnValues) = columnsJSON else {
            throw ValidationError("field \"columns\" must be an array of {name, type}, not \(columnsJSON.typeName)")
        }
        var columns: [TableColumn] = []
        for (index, value) in columnValues.enumerated() {
            let fields = try JSONFields(value, what: "columns[\(index)]", allowed: ["name", "type"])
            let typeName = try fields.optionalString("type") ?? "string"
            guard let type = TableColumn.ColumnType(rawValue: typeName) else {
                throw ValidationError(
                    "columns[\(index)] has type \(NameRules.quoted(typeName)); use \"string\", \"number\" or \"boolean\"")
            }
            columns.append(TableColumn(name: try fields.string("name"), type: type))
        }
        let dataJSON = object.optional("data") ?? .array([])
        guard case .array(let rowValues) = dataJSON else {
            throw ValidationError("field \"data\" must be an array of rows, not \(dataJSON.typeName)")
        }
        var rows: [[JSONValue]] = []
        rows.reserveCapacity(rowValues.count)
        for (index, row) in rowValues.enumerated() {
            guard case .array(let cells) = row else {
                throw ValidationError("data row \(index) must be an array, not \(row.typeName)")
            }
            rows.append(
                zip(cells.indices, cells).map { position, cell in
                    position < columns.count && columns[position].type == .number
                        ? (JSONFields.number(cell).map(JSONValue.number) ?? cell) : cell
                })
        }
        self.init(columns: columns, data: rows)
        try validate()
    }

    public var json: JSONValue {
        .object([
            ("columns", .array(columns.map { .object([("name", .string($0.name)), ("type", .string($0.type.rawValue))]) })),
            ("data", .array(data.map(JSONValue.array))),
        ])
    }
}

/// A named, typed column of a ``Table``.
public struct TableColumn: Sendable {
    /// What a column's cells hold.
    public enum ColumnType: String, Sendable {
        case string, number, boolean

        func accepts(_ cell: JSONValue) -> Bool {
            switch (self, cell) {
            case (_, .null), (.string, .string), (.number, .number), (.boolean, .bool): true
            default: false
            }
        }
    }

    public var name: String
    public var type: ColumnType

    public init(name: String, type: ColumnType) {
        self.name = name
        self.type = type
    }
}
