import Hummingbird

/// Turns every error into the API's JSON shape `{"error": {"message": …}}`: the router's own
/// 404s and 413s, and anything unexpected as a 500.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let message: String
            switch error.status {
            case .notFound: message = error.body ?? "no route \(request.method.rawValue) \(request.uri.path)"
            case .contentTooLarge: message = error.body ?? "the request body is too large"
            default: message = error.body ?? error.status.reasonPhrase
            }
            return try APIError(error.status, message, headers: error.headers).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try APIError(error.status, "\(error)").response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            return try APIError(.internalServerError, "internal error: \(error)").response(from: request, context: context)
        }
    }
}
