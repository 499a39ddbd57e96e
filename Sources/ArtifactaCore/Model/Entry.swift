/// One `log` call: a named primitive in an optional section.
///
/// Wire shape: `{"name", "primitive_type", "section", "data"}`.
public struct Entry: Sendable, Equatable {
    public var name: String
    /// The section given when logging; see ``displaySection`` for the one a page uses.
    public var section: String?
    public var primitive: Primitive

    /// A validated entry.
    /// - Throws: a ``ValidationError`` whose message starts with the type and name, e.g.
    ///   `Series "training": field "accuracy" has 2 values but "loss" has 3`.
    public init(name: String, section: String? = nil, primitive: Primitive) throws(ValidationError) {
        self.name = name
        self.section = section
        self.primitive = primitive
        try Self.validateNames(name: name, section: section, type: primitive.type)
        do { try primitive.validate() } catch { throw error.prefixed(Self.context(primitive.type, name)) }
    }

    /// An entry whose parts were already validated, such as Series appends gathered in memory.
    public init(validated name: String, section: String?, primitive: Primitive) {
        self.name = name
        self.section = section
        self.primitive = primitive
    }

    /// Decodes and validates the wire shape.
    public init(json: JSONValue) throws(ValidationError) {
        let object = try JSONFields(json, what: "entry", allowed: ["name", "primitive_type", "section", "data"])
        let name = try object.string("name")
        let type = try PrimitiveType(wireName: try object.string("primitive_type"))
        let section = try object.optionalString("section")
        try Self.validateNames(name: name, section: section, type: type)
        let primitive: Primitive
        do { primitive = try Primitive(type: type, data: try object.required("data")) } catch {
            throw error.prefixed(Self.context(type, name))
        }
        self.name = name
        self.section = section
        self.primitive = primitive
    }

    /// The wire shape.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("name", .string(name)), ("primitive_type", .string(primitive.type.rawValue))]
        if let section { pairs.append(("section", .string(section))) }
        pairs.append(("data", primitive.json))
        return .object(pairs)
    }

    /// The section a page groups this entry under: the given one, else the name's prefix
    /// before `/`, else `General`.
    public var displaySection: String { Self.displaySection(name: name, section: section) }

    /// The section of an entry named `name` logged with `section` (DESIGN.md §5).
    public static func displaySection(name: String, section: String?) -> String {
        if let section, !section.isEmpty { return section }
        if let slash = name.firstIndex(of: "/"), slash != name.startIndex { return String(name[..<slash]) }
        return "General"
    }

    private static func validateNames(name: String, section: String?, type: PrimitiveType) throws(ValidationError) {
        do {
            try NameRules.validate(name, as: "entry name")
            if let section { try NameRules.validate(section, as: "section") }
        } catch { throw error.prefixed(type.rawValue) }
    }

    private static func context(_ type: PrimitiveType, _ name: String) -> String {
        "\(type.rawValue) \(NameRules.quoted(name))"
    }
}
