import ArtifactaCore

/// Turns a wire document into the typed values of the Swift library *without* validating
/// them, so that the library's own checks (in `ActiveRun.log`, `ActiveRun.start`) meet the
/// same bad input. Nil when the JSON types cannot be expressed in Swift's types at all (a
/// string among numbers): only the wire decoder sees such input.
enum TypedValues {
    struct EntryCall {
        var name: String
        var section: String?
        var primitive: Primitive
    }

    struct RunCall {
        var id: String?
        var project: String
        var name: String
        var config: JSONValue
        var tags: [String]
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): number
        case .string("NaN"), .string("nan"): .nan
        case .string("Infinity"), .string("inf"): .infinity
        case .string("-Infinity"), .string("-inf"): -.infinity
        default: nil
        }
    }

    static func numbers(_ value: JSONValue?) -> [Double]? {
        guard case .array(let elements)? = value else { return nil }
        let result = elements.compactMap(number)
        return result.count == elements.count ? result : nil
    }

    static func strings(_ value: JSONValue?) -> [String]? {
        guard case .array(let elements)? = value else { return nil }
        let result = elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
        return result.count == elements.count ? result : nil
    }

    static func string(_ value: JSONValue?) -> String?? {
        switch value {
        case nil, .null?: .some(nil)
        case .string(let text)?: .some(text)
        default: nil
        }
    }

    static func entry(_ json: JSONValue) -> EntryCall? {
        guard case .object(let pairs) = json, pairs.allSatisfy({ ["name", "primitive_type", "section", "data"].contains($0.0) }),
            case .string(let name)? = json["name"], case .string(let typeName)? = json["primitive_type"],
            let type = PrimitiveType(rawValue: typeName), let section = string(json["section"]), let data = json["data"],
            let primitive = primitive(type, data)
        else { return nil }
        return EntryCall(name: name, section: section, primitive: primitive)
    }

    static func run(_ json: JSONValue) -> RunCall? {
        guard case .object(let pairs) = json, pairs.allSatisfy({ ["run_id", "project", "name", "config", "tags"].contains($0.0) }),
            let id = string(json["run_id"]), let project = string(json["project"]), let name = string(json["name"])
        else { return nil }
        var tags: [String] = []
        if let value = json["tags"], value != .null {
            guard let list = strings(value) else { return nil }
            tags = list
        }
        return RunCall(id: id, project: project ?? "default", name: name ?? id ?? "run", config: json["config"] ?? [:], tags: tags)
    }

    private static func keys(_ data: JSONValue, _ allowed: [String]) -> Bool {
        guard case .object(let pairs) = data else { return false }
        return pairs.allSatisfy { allowed.contains($0.0) }
    }

    private static func primitive(_ type: PrimitiveType, _ data: JSONValue) -> Primitive? {
        switch type {
        case .series:
            guard keys(data, ["index", "fields"]), let index = string(data["index"]), case .object(let pairs)? = data["fields"] else { return nil }
            var fields: [SeriesField] = []
            for (name, values) in pairs {
                guard let values = numbers(values) else { return nil }
                fields.append(SeriesField(name: name, values: values))
            }
            return .series(Series(index: index, fields: fields))
        case .distribution:
            guard keys(data, ["values", "groups"]), let values = numbers(data["values"]) else { return nil }
            var groups: [String]?
            if let value = data["groups"], value != .null {
                guard let list = strings(value) else { return nil }
                groups = list
            }
            return .distribution(Distribution(values: values, groups: groups))
        case .scatter:
            guard keys(data, ["x", "y", "labels", "sizes", "colors"]), let x = numbers(data["x"]), let y = numbers(data["y"]) else { return nil }
            var colors: [JSONValue]?
            if case .array(let elements)? = data["colors"] { colors = elements.map { number($0).map(JSONValue.number) ?? $0 } }
            else if let value = data["colors"], value != .null { return nil }
            let labels = data["labels"].flatMap { $0 == .null ? nil : $0 }
            let sizes = data["sizes"].flatMap { $0 == .null ? nil : $0 }
            if labels != nil, strings(labels) == nil { return nil }
            if sizes != nil, numbers(sizes) == nil { return nil }
            return .scatter(Scatter(x: x, y: y, labels: strings(labels), sizes: numbers(sizes), colors: colors))
        case .matrix:
            guard keys(data, ["rows", "cols", "values"]), let rows = strings(data["rows"]), let cols = strings(data["cols"]),
                case .array(let rowValues)? = data["values"]
            else { return nil }
            let values = rowValues.compactMap { numbers($0) }
            guard values.count == rowValues.count else { return nil }
            return .matrix(Matrix(rows: rows, cols: cols, values: values))
        case .curve:
            guard keys(data, ["x", "y", "x_label", "y_label", "baseline", "metric"]), let x = numbers(data["x"]), let y = numbers(data["y"]),
                let xLabel = string(data["x_label"]), let yLabel = string(data["y_label"]), let baseline = string(data["baseline"])
            else { return nil }
            var metric: CurveMetric?
            if let value = data["metric"], value != .null {
                guard keys(value, ["name", "value"]), case .string(let name)? = value["name"], let number = value["value"].flatMap(number)
                else { return nil }
                metric = CurveMetric(name: name, value: number)
            }
            return .curve(Curve(x: x, y: y, xLabel: xLabel, yLabel: yLabel, baseline: baseline, metric: metric))
        case .barChart:
            guard keys(data, ["categories", "groups", "x_label", "y_label", "stacked"]), let categories = strings(data["categories"]),
                case .object(let pairs)? = data["groups"], let xLabel = string(data["x_label"]), let yLabel = string(data["y_label"])
            else { return nil }
            var stacked = false
            if let value = data["stacked"], value != .null {
                guard case .bool(let flag) = value else { return nil }
                stacked = flag
            }
            var groups: [BarGroup] = []
            for (name, values) in pairs {
                guard let values = numbers(values) else { return nil }
                groups.append(BarGroup(name: name, values: values))
            }
            return .barChart(BarChart(categories: categories, groups: groups, xLabel: xLabel, yLabel: yLabel, stacked: stacked))
        case .table:
            guard keys(data, ["columns", "data"]), case .array(let columnValues)? = data["columns"] else { return nil }
            var columns: [TableColumn] = []
            for value in columnValues {
                guard keys(value, ["name", "type"]), case .string(let name)? = value["name"], let typeName = string(value["type"]),
                    let type = TableColumn.ColumnType(rawValue: typeName ?? "string")
                else { return nil }
                columns.append(TableColumn(name: name, type: type))
            }
            var rows: [[JSONValue]] = []
            if let value = data["data"], value != .null {
                guard case .array(let rowValues) = value else { return nil }
                for row in rowValues {
                    guard case .array(let cells) = row else { return nil }
                    rows.append(cells.enumerated().map { position, cell in
                        position < columns.count && columns[position].type == .number ? (number(cell).map(JSONValue.number) ?? cell) : cell
                    })
                }
            }
            return .table(Table(columns: columns, data: rows))
        }
    }
}
