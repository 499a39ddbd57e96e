import Foundation

/// How `artifacta ui` serves: where it listens, who may call it, and its limits.
public struct ServerConfiguration: Sendable {
    /// The address to bind; a non-loopback address requires ``token``.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The access token every request must carry as `Authorization: Bearer …`; nil: none.
    public var token: String?
    /// The one origin allowed to call the API from a browser (CORS); nil: no CORS headers.
    public var corsOrigin: String?
    /// The largest JSON body accepted, in bytes (a batch of entries may be large).
    public var maxJSONBytes: Int
    /// The largest artifact or attachment upload accepted, in bytes.
    public var maxUploadBytes: Int
    /// Where the live site is built; nil: a fresh folder in the temporary directory.
    public var siteDirectory: URL?
    /// The least time between two rebuilds of the live site, in seconds.
    public var siteRebuildInterval: TimeInterval
    /// The title shown on every page of the site.
    public var siteTitle: String
    /// How much the server logs to standard error.
    public var verbosity: Verbosity = .normal

    /// How much the server logs.
    public enum Verbosity: Sendable {
        /// Nothing but critical failures (tests).
        case quiet
        /// Warnings and errors.
        case normal
        /// Every request too.
        case verbose
    }

    public init(
        host: String = "127.0.0.1", port: Int = 8000, token: String? = nil, corsOrigin: String? = nil,
        maxJSONBytes: Int = 64 << 20, maxUploadBytes: Int = 4 << 30, siteDirectory: URL? = nil,
        siteRebuildInterval: TimeInterval = 2, siteTitle: String = "Artifacta"
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.corsOrigin = corsOrigin
        self.maxJSONBytes = maxJSONBytes
        self.maxUploadBytes = maxUploadBytes
        self.siteDirectory = siteDirectory
        self.siteRebuildInterval = siteRebuildInterval
        self.siteTitle = siteTitle
    }

    /// Whether ``host`` is reachable from this machine only.
    public var bindsLoopbackOnly: Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return name == "localhost" || name == "::1" || name.hasPrefix("127.")
    }

    /// Refuses settings that would expose the store: another address without a token.
    public func validate() throws(ServerStartError) {
        if let token, token.isEmpty { throw ServerStartError.emptyToken }
        if !bindsLoopbackOnly, token == nil { throw ServerStartError.tokenRequired(host: host) }
        guard (0...65535).contains(port) else { throw ServerStartError.badPort(port) }
    }

    /// The address to open in a browser.
    public func url(port actualPort: Int? = nil) -> String {
        let shown = host == "0.0.0.0" || host == "::" ? "localhost" : (host.contains(":") ? "[\(host)]" : host)
        return "http://\(shown):\(actualPort ?? port)/"
    }
}
