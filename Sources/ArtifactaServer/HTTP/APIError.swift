import ArtifactaCore
import ArtifactaStore
import Hummingbird

/// An error answered as `{"error": {"message": …}}` with the status that fits it.
///
/// Every failure of the API ends up as one of these: invalid input (400), a missing or
/// wrong token (401), an unknown run (404), a duplicate run id (409), a body too large (413),
/// a wrong content type (415).
public struct APIError: HTTPResponseError, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String
    /// Extra response headers, such as `WWW-Authenticate`.
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(["error": ["message": .string(message)]], status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    static func invalid(_ error: ValidationError) -> APIError { APIError(.badRequest, error.message) }

    static func unknownRun(_ id: String) -> APIError { APIError(.notFound, StoreError.unknownRun(id).description) }

    static func tooLarge(limit: Int, what: String) -> APIError {
        APIError(.contentTooLarge, "\(what) is larger than the server's limit of \(ByteCount.text(limit))")
    }
}

extension APIError {
    /// The API's answer to a store failure.
    init(_ error: StoreError) {
        switch error {
        case .invalid(let validation): self.init(.badRequest, validation.message)
        case .unknownRun, .unknownArtifact, .unknownNote, .missingBlob: self.init(.notFound, error.description)
        case .duplicateRun: self.init(.conflict, error.description)
        case .missingStore, .notWritable, .newerSchema, .notAStore, .unreadableFile, .database:
            self.init(.internalServerError, error.description)
        }
    }
}
