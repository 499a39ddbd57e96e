/// One logged value of any of the seven kinds.
public enum Primitive: Sendable, Equatable {
    case series(Series)
    case distribution(Distribution)
    case scatter(Scatter)
    case matrix(Matrix)
    case curve(Curve)
    case barChart(BarChart)
    case table(Table)

    /// The kind of this value.
    public var type: PrimitiveType {
        switch self {
        case .series: .series
        case .distribution: .distribution
        case .scatter: .scatter
        case .matrix: .matrix
        case .curve: .curve
        case .barChart: .barChart
        case .table: .table
        }
    }

    /// Decodes the wire `data` of a primitive of the given type, validating it.
    public init(type: PrimitiveType, data: JSONValue) throws(ValidationError) {
        switch type {
        case .series: self = .series(try Series(json: data))
        case .distribution: self = .distribution(try Distribution(json: data))
        case .scatter: self = .scatter(try Scatter(json: data))
        case .matrix: self = .matrix(try Matrix(json: data))
        case .curve: self = .curve(try Curve(json: data))
        case .barChart: self = .barChart(try BarChart(json: data))
        case .table: self = .table(try Table(json: data))
        }
    }

    /// The wire `data` object.
    public var json: JSONValue {
        switch self {
        case .series(let value): value.json
        case .distribution(let value): value.json
        case .scatter(let value): value.json
        case .matrix(let value): value.json
        case .curve(let value): value.json
        case .barChart(let value): value.json
        case .table(let value): value.json
        }
    }

    /// Checks every rule of this kind (lengths, shapes, names).
    public func validate() throws(ValidationError) {
        switch self {
        case .series(let value): try value.validate()
        case .distribution(let value): try value.validate()
        case .scatter(let value): try value.validate()
        case .matrix(let value): try value.validate()
        case .curve(let value): try value.validate()
        case .barChart(let value): try value.validate()
        case .table(let value): try value.validate()
        }
    }

    /// Equal when their wire data is equal; NaN equals NaN.
    public static func == (lhs: Primitive, rhs: Primitive) -> Bool { lhs.json == rhs.json }
}

/// Numbers as JSON, NaN and ±Infinity kept.
func jsonNumbers(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }

func jsonStrings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

/// Throws unless every named list has the length of the first.
func requireEqualLengths(_ lists: [(name: String, count: Int)]) throws(ValidationError) {
    guard let first = lists.first else { return }
    for list in lists.dropFirst() where list.count != first.count {
        throw ValidationError(
            "field \(NameRules.quoted(list.name)) has \(list.count) values but \(NameRules.quoted(first.name)) has \(first.count)")
    }
}
