import ArtifactaCore

/// The JSON shapes of the API (DESIGN.md §4), as OpenAPI schemas.
enum OpenAPISchemas {
    static func object(_ properties: [(String, JSONValue)], required: [String] = []) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", "object"), ("properties", .object(properties))]
        if !required.isEmpty { pairs.append(("required", .array(required.map(JSONValue.string)))) }
        return .object(pairs)
    }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static func list(_ name: String) -> JSONValue { ["type": "array", "items": ref(name)] }
    static let string: JSONValue = ["type": "string"]
    static let integer: JSONValue = ["type": "integer"]
    static let number: JSONValue = ["oneOf": [["type": "number"], ["type": "string", "enum": ["NaN", "Infinity", "-Infinity"]]]]
    static let anyObject: JSONValue = ["type": "object", "additionalProperties": true]

    static var all: JSONValue {
        .object([
            ("Error", object([("error", object([("message", string)], required: ["message"]))], required: ["error"])),
            ("Health", object([("status", string), ("version", string), ("projects", integer), ("runs", integer)])),
            ("ProjectList", object([("projects", ["type": "array", "items": object([("name", string), ("runs", integer), ("latest_activity", string)])])])),
            ("RunStart", object([("environment", anyObject), ("run_id", string), ("project", string), ("name", string), ("config", anyObject), ("tags", ["type": "array", "items": string])])),
            ("Run", object([
                ("run_id", string), ("project", string), ("name", string),
                ("status", ["type": "string", "enum": ["running", "finished", "failed", "crashed"]]),
                ("created_at", string), ("finished_at", ["type": "string", "nullable": true]), ("config", anyObject),
                ("tags", ["type": "array", "items": string]), ("environment", anyObject), ("error", string),
            ])),
            ("RunList", object([("runs", list("Run")), ("limit", integer), ("offset", integer)])),
            ("RunDetails", ["allOf": [ref("Run"), object([("entries", list("StoredEntry")), ("artifacts", list("Artifact"))])]]),
            ("Entry", object([
                ("name", string), ("primitive_type", ["type": "string", "enum": ["Series", "Distribution", "Scatter", "Matrix", "Curve", "BarChart", "Table"]]),
                ("section", string), ("data", anyObject),
            ], required: ["name", "primitive_type", "data"])),
            ("Batch", object([("entries", list("Entry"))], required: ["entries"])),
            ("Logged", object([("run_id", string), ("logged", integer)])),
            ("Finish", object([("status", ["type": "string", "enum": ["finished", "failed"]]), ("error", string)])),
            ("Heartbeat", object([("run_id", string), ("status", string), ("heartbeat_at", string)])),
            ("StoredEntry", object([
                ("id", integer), ("name", string), ("primitive_type", string), ("section", ["type": "string", "nullable": true]),
                ("logged_at", string), ("index", string), ("fields", ["type": "array", "items": string]), ("point_count", integer),
                ("data", anyObject),
            ])),
            ("EntryList", object([("run_id", string), ("entries", list("StoredEntry"))])),
            ("SeriesPoints", object([
                ("run_id", string), ("name", string), ("index", ["type": "string", "nullable": true]), ("point_count", integer),
                ("fields", ["type": "object", "additionalProperties": ["type": "array", "items": number]]),
            ])),
            ("ArtifactRegistration", object([
                ("run_id", string), ("name", string), ("hash", string), ("storage_path", string), ("size_bytes", integer),
                ("metadata", anyObject), ("role", ["type": "string", "enum": ["input", "output"]]),
                ("files", ["type": "array", "items": object([("path", string), ("hash", string), ("size_bytes", integer)], required: ["path", "hash"])]),
            ], required: ["run_id", "name"])),
            ("Artifact", object([
                ("id", integer), ("run_id", string), ("name", string), ("hash", string), ("storage_path", ["type": "string", "nullable": true]),
                ("size_bytes", integer), ("metadata", anyObject), ("role", string),
                ("kind", ["type": "string", "enum": ["file", "directory", "reference"]]), ("media_type", ["type": "string", "nullable": true]),
                ("files", ["type": "array", "items": object([("path", string), ("hash", string), ("size_bytes", integer), ("media_type", string)])]),
            ])),
            ("ArtifactList", object([("run_id", string), ("artifacts", list("Artifact"))])),
            ("NoteDraft", object([
                ("project", string), ("title", string), ("markdown", string),
                ("attachments", ["type": "array", "items": object([("name", string), ("content_base64", string)], required: ["name", "content_base64"])]),
            ], required: ["title"])),
            ("Note", object([
                ("id", integer), ("project", string), ("title", string), ("markdown", string),
                ("attachments", ["type": "array", "items": object([("name", string), ("hash", string), ("size_bytes", integer), ("media_type", string)])]),
                ("created_at", string), ("updated_at", string),
            ])),
            ("NoteList", object([("notes", list("Note"))])),
            ("NotePreviewRequest", object([("markdown", string), ("note_id", ["type": "integer", "nullable": true])], required: ["markdown"])),
            ("NotePreview", object([("html", string), ("warnings", ["type": "array", "items": string])])),
            ("Changes", object([("version", ["type": "string", "nullable": true]), ("changed", ["type": "boolean"]), ("building", ["type": "boolean"])])),
        ])
    }
}
