/// Why the server refuses to start, in words that say what to do.
public enum ServerStartError: Error, Sendable, Equatable, CustomStringConvertible {
    case tokenRequired(host: String)
    case emptyToken
    case badPort(Int)
    case cannotPrepareSite(path: String, reason: String)

    public var description: String {
        switch self {
        case .tokenRequired(let host):
            return "refusing to serve on \(host) without an access token: anyone who can reach this address could read "
                + "and write the store. Pass --token TOKEN (or set ARTIFACTA_TOKEN); clients then send "
                + "'Authorization: Bearer TOKEN'. Or bind 127.0.0.1 (the default)."
        case .emptyToken: return "the access token is empty; pass a non-empty --token or ARTIFACTA_TOKEN"
        case .badPort(let port): return "port \(port) is not between 0 and 65535"
        case .cannotPrepareSite(let path, let reason): return "cannot prepare the live site folder \(path): \(reason)"
        }
    }
}
