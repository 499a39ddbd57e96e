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
