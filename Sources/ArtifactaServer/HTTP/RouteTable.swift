import Hummingbird

/// Adds API routes to a router and remembers each, so that a test can hold the OpenAPI
/// document against what is really served.
final class RouteTable<Context: RequestContext> {
    let router: Router<Context>
    private(set) var routes: [RouteKey] = []

    init(router: Router<Context>) { self.router = router }

    func add(
        _ method: HTTPRequest.Method, _ path: String,
        _ handler: @escaping @Sendable (Request, Context) async throws -> Response
    ) {
        routes.append(RouteKey(method: method.rawValue, path: path))
        router.on(RouterPath(path), method: method, use: handler)
    }
}
