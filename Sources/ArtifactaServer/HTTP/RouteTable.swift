import Hummingbird

/// One API route: its method and its path in OpenAPI spelling (`/api/runs/{run_id}`).
public struct RouteKey: Hashable, Sendable, CustomStringConvertible {
    public var method: String
    public var path: String

    public init(method: String, path: String) {
        self.method = method
        self.path = path
    }

    public var description: String { "\(method) \(path)" }
}

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
