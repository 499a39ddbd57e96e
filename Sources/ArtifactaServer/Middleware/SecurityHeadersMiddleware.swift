import Hummingbird

/// Headers every response carries: no MIME sniffing, no framing by other sites, no referrer.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "SAMEORIGIN"
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }
}

extension HTTPFields.Element.Name {
    static var xFrameOptions: Self { Self("X-Frame-Options")! }
    static var referrerPolicy: Self { Self("Referrer-Policy")! }
}
