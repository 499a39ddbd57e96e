import Foundation
import ArtifactaCore
import Hummingbird

/// Reads a request body as JSON: `Content-Type: application/json` (else 415), at most
/// `limit` bytes (else 413), parsed by Core's `JSONParser` (else 400, with its message).
enum RequestJSON {
    static func read(_ request: Request, limit: Int) async throws -> JSONValue {
        try requireJSONContentType(request)
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError.tooLarge(limit: limit, what: "the request body")
        }
        var body = ByteBuffer()
        for try await chunk in request.body {
            if body.readableBytes + chunk.readableBytes > limit { throw APIError.tooLarge(limit: limit, what: "the request body") }
            var chunk = chunk
            body.writeBuffer(&chunk)
        }
        let bytes = body.readableBytesView
        if bytes.isEmpty { throw APIError(.badRequest, "the request body is empty; send a JSON object") }
        do { return try JSONParser.parse(bytes) } catch { throw APIError(.badRequest, error.description) }
    }

    /// Accepts `application/json` with any parameters (`; charset=utf-8`).
    static func requireJSONContentType(_ request: Request) throws {
        let type = request.headers[.contentType] ?? ""
        let essence = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard essence == "application/json" else {
            let given = type.isEmpty ? "no Content-Type" : "Content-Type \(type)"
            throw APIError(.unsupportedMediaType, "send the body as JSON with Content-Type: application/json (got \(given))")
        }
    }
}
