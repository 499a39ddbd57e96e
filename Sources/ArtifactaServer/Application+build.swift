import ArtifactaStore
import Foundation
import Hummingbird
import Logging

/// The request context every route sees.
public typealias ServerRequestContext = BasicRequestContext

/// The application `artifacta ui` runs: the router below on the configured address.
///
/// `onServerRunning` receives the bound port (useful with port 0).
public func buildApplication(
    store: Store, configuration: ServerConfiguration,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws(ServerStartError) -> some ApplicationProtocol {
    try configuration.validate()
    var logger = Logger(label: "artifacta.server")
    switch configuration.verbosity {
    case .quiet: logger.logLevel = .critical
    case .normal: logger.logLevel = .warning
    case .verbose: logger.logLevel = .info
    }
    let router = try buildRouter(store: store, configuration: configuration).router
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Artifacta"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// The API and the live site over one store, with the routes it serves (for the OpenAPI check).
public func buildRouter(
    store: Store, configuration: ServerConfiguration
) throws(ServerStartError) -> (router: Router<ServerRequestContext>, routes: [RouteKey]) {
    let siteFolder = try LiveSiteFolder.prepare(configuration.siteDirectory)
    let dependencies = ServerDependencies(
        store: BackgroundStore(store),
        logs: LogCommitter(store: store),
        site: LiveSite(store: store, folder: siteFolder, title: configuration.siteTitle, minimumInterval: configuration.siteRebuildInterval),
        configuration: configuration)
    let router = Router(context: ServerRequestContext.self, options: .autoGenerateHeadEndpoints)
    // Middleware applies to routes added after it, outermost first.
    router.add(middleware: SecurityHeadersMiddleware())
    // CORS outside the error conversion, so that a browser can read error answers too.
    if let origin = configuration.corsOrigin {
        router.add(
            middleware: CORSMiddleware(
                allowOrigin: .custom(origin), allowHeaders: [.accept, .authorization, .contentType, .origin],
                allowMethods: [.get, .post, .put, .options]))
    }
    router.add(middleware: JSONErrorMiddleware())
    if configuration.verbosity == .verbose {
        router.add(middleware: LogRequestsMiddleware(.info))
    }
    if let token = configuration.token {
        router.add(middleware: BearerTokenMiddleware(token: token))
    }
    let table = RouteTable(router: router)
    ServiceRoutes.add(to: table, dependencies)
    RunRoutes.add(to: table, dependencies)
    EntryRoutes.add(to: table, dependencies)
    ArtifactRoutes.add(to: table, dependencies)
    NoteRoutes.add(to: table, dependencies)
    SiteRoutes.add(to: router, dependencies)
    return (router, table.routes)
}
