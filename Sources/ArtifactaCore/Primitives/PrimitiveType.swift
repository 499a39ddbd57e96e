/// The seven kinds of data Artifacta logs, named as on the wire (`primitive_type`).
public enum PrimitiveType: String, Sendable, CaseIterable, Codable {
    case series = "Series"
    case distribution = "Distribution"
    case scatter = "Scatter"
    case matrix = "Matrix"
    case curve = "Curve"
    case barChart = "BarChart"
    case table = "Table"

    /// Parses a wire name, with an error listing the known ones.
    public init(wireName: String) throws(ValidationError) {
        guard let type = PrimitiveType(rawValue: wireName) else {
            let known = PrimitiveType.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown primitive_type \(NameRules.quoted(wireName)) (known: \(known))")
        }
        self = type
    }
}
