import ArtifactaCore

/// The OpenAPI 3 description of every API route, served at `/api/openapi.json` and kept in
/// `docs/openapi.json`. Written by hand from the routes; a test holds it against the router.
enum OpenAPIDocument {
    static var json: JSONValue {
        var paths: [(String, JSONValue)] = []
        for operation in OpenAPIOperations.all {
            let item = operation.json
            if let index = paths.firstIndex(where: { $0.0 == operation.path }), case .object(var methods) = paths[index].1 {
                methods.append((operation.method, item))
                paths[index].1 = .object(methods)
            } else {
                paths.append((operation.path, .object([(operation.method, item)])))
            }
        }
        return .object([
            ("openapi", "3.0.3"),
            ("info", [
                "title": "Artifacta tracking server",
                "version": "0.1.0",
                "description": """
                    Log runs, entries, artifacts and notes over HTTP into an Artifacta store. Bodies are JSON; \
                    numbers may be NaN, Infinity or -Infinity, written as strings. Errors are \
                    {"error": {"message": …}}. When the server has a token, every request sends \
                    'Authorization: Bearer TOKEN'.
                    """,
            ]),
            ("servers", [["url": "http://127.0.0.1:8000"]]),
            ("components", ["schemas": OpenAPISchemas.all, "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]]),
            ("security", [["bearer": []], [:]]),
            ("paths", .object(paths)),
        ])
    }

    /// Every method and path the document describes.
    static var routes: [RouteKey] {
        OpenAPIOperations.all.map { RouteKey(method: $0.method.uppercased(), path: $0.path) }
    }
}
