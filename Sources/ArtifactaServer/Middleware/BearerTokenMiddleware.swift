import Hummingbird

/// Lets through only requests that carry the access token: `Authorization: Bearer TOKEN`,
/// or, for a browser, the `artifacta_token` cookie that visiting any page with
/// `?token=TOKEN` once sets.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    static var cookieName: String { "artifacta_token" }
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer", Self.equal(String(parts[1]), token) else {
                throw Self.refusal("the access token is wrong")
            }
            return try await next(request, context)
        }
        if let cookie = request.cookies[Self.cookieName]?.value, Self.equal(cookie, token) {
            return try await next(request, context)
        }
        if let given = request.uri.queryParameters.get("token") {
            guard Self.equal(given, token) else { throw Self.refusal("the access token is wrong") }
            var response = try await next(request, context)
            response.setCookie(Cookie(name: Self.cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        throw Self.refusal("this server requires an access token")
    }

    static func refusal(_ reason: String) -> APIError {
        APIError(
            .unauthorized, "\(reason): send 'Authorization: Bearer TOKEN' (browsers: open any page once with ?token=TOKEN)",
            headers: [.wwwAuthenticate: "Bearer"])
    }

    /// Compares in time that does not depend on where the texts differ.
    static func equal(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<b.count { difference |= (index < a.count ? a[index] : 0) ^ b[index] }
        return difference == 0
    }
}
