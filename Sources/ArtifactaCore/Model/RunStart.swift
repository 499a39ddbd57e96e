import Foundation

/// What starts a run: wire shape `{"run_id", "project", "name", "config"}`.
public struct RunStart: Sendable, Equatable {
    public var id: String
    public var project: String
    public var name: String
    /// A JSON object of the run's parameters.
    public var config: JSONValue
    public var tags: [String]

    /// A validated run start; a fresh id is made when `id` is nil.
    public init(id: String? = nil, project: String, name: String, config: JSONValue = [:], tags: [String] = [])
        throws(ValidationError)
    {
        self.id = id ?? RunStart.makeID()
        self.project = project
        self.name = name
        self.config = config
        self.tags = tags
        try NameRules.validateRunID(self.id)
        try NameRules.validate(project, as: "project")
        try NameRules.validate(name, as: "run name")
        guard case .object = config else {
            throw ValidationError("config must be a JSON object, not \(config.typeName)")
        }
        for tag in tags { try NameRules.validate(tag, as: "tag") }
    }

    /// Decodes and validates the wire shape. `name` defaults to the id.
    public init(json: JSONValue) throws(ValidationError) {
        let object = try JSONFields(json, what: "run", allowed: ["run_id", "project", "name", "config", "tags"])
        let id = try object.optionalString("run_id")
        try self.init(
            id: id, project: try object.optionalString("project") ?? "default",
            name: try object.optionalString("name") ?? id ?? "run", config: object.optional("config") ?? [:],
            tags: try object.optionalStrings("tags") ?? [])
    }

    /// A new random run id: 16 lowercase hex digits.
    public static func makeID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
