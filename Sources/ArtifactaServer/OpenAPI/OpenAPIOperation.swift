import ArtifactaCore

/// One operation of the OpenAPI document.
struct OpenAPIOperation {
    var method: String
    var path: String
    var summary: String
    var parameters: [JSONValue] = []
    /// The schema name of a JSON body, or `binary` for raw content.
    var body: String?
    /// Status and the schema name of its JSON answer (nil: no schema).
    var responses: [(String, String?)]

    var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("summary", .string(summary)), ("operationId", .string(operationID)),
        ]
        let pathParameters = path.split(separator: "/").filter { $0.hasPrefix("{") }.map { part -> JSONValue in
            let name = String(part.dropFirst().dropLast())
            return ["name": .string(name), "in": "path", "required": true, "schema": ["type": name == "run_id" ? "string" : "integer"]]
        }
        if !(pathParameters + parameters).isEmpty { pairs.append(("parameters", .array(pathParameters + parameters))) }
        if let body {
            let content: JSONValue = body == "binary"
                ? ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]
                : ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(body)")]]]
            pairs.append(("requestBody", ["required": true, "content": content]))
        }
        var answers: [(String, JSONValue)] = responses.map { status, schema in
            var answer: [(String, JSONValue)] = [("description", .string(Self.describe(status)))]
            if let schema {
                let type = schema == "binary" ? "application/octet-stream" : (schema == "html" ? "text/html" : "application/json")
                let body: JSONValue = schema == "binary" || schema == "html"
                    ? ["type": "string", "format": "binary"] : ["$ref": .string("#/components/schemas/\(schema)")]
                let media: JSONValue = ["schema": body]
                answer.append(("content", .object([(type, media)])))
            }
            return (status, .object(answer))
        }
        answers.append(("default", ["description": "An error", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]))
        pairs.append(("responses", .object(answers)))
        return .object(pairs)
    }

    var operationID: String {
        let words = path.split(separator: "/").map { String($0).filter { $0 != "{" && $0 != "}" } }
        return ([method] + words).joined(separator: "_").replacingOccurrences(of: ".", with: "_")
    }

    static func describe(_ status: String) -> String {
        switch status {
        case "200": "OK"
        case "201": "Created"
        case "400": "Invalid input; the message names the field and index"
        case "404": "Unknown run, artifact or note"
        case "409": "Conflict (duplicate run id, run already ended, content already given)"
        case "413": "Too large"
        case "415": "Not JSON"
        default: "See message"
        }
    }

    static func query(_ name: String, _ type: String, _ description: String, required: Bool = false) -> JSONValue {
        ["name": .string(name), "in": "query", "required": .bool(required), "description": .string(description), "schema": ["type": .string(type)]]
    }
}
