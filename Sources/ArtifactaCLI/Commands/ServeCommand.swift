import ArgumentParser
import ArtifactaServer
import ArtifactaStore
import Foundation

/// `artifacta ui`: the tracking server, with the live report site.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Start the tracking server: the HTTP API and the live report site.",
        discussion: """
            Serves the HTTP API of the guide (POST /api/runs, POST /api/runs/{id}/data, …; the full list is at \
            /api/openapi.json) and, at /, the same site `artifacta build` writes, rebuilt as data arrives. \
            It binds 127.0.0.1 unless told otherwise; binding any other address requires an access token \
            (--token or ARTIFACTA_TOKEN), which clients send as 'Authorization: Bearer TOKEN'.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8000

    @Option(help: "The access token clients must send (default: $ARTIFACTA_TOKEN). Required off loopback.")
    var token: String?

    @Option(help: "Allow browser calls to the API from this origin (CORS), e.g. https://example.org.")
    var cors: String?

    @Option(name: .customLong("max-upload-mb"), help: "The largest artifact upload accepted, in MiB.")
    var maxUploadMiB = 4096

    @Option(help: "The title shown on every page.")
    var title = "Artifacta"

    @Flag(help: "Log every request to standard error.")
    var verbose = false

    func run() async throws {
        let siteParent = FileManager.default.temporaryDirectory.appendingPathComponent("artifacta-ui-\(getpid())")
        var configuration = ServerConfiguration(
            host: host, port: port, token: token ?? ProcessInfo.processInfo.environment["ARTIFACTA_TOKEN"], corsOrigin: cors,
            maxUploadBytes: max(1, maxUploadMiB) << 20, siteDirectory: siteParent.appendingPathComponent("site"), siteTitle: title)
        configuration.verbosity = verbose ? .verbose : .normal
        try configuration.validate()
        let location = storeOptions.location
        let store = try Store.open(location)
        let summary = (try? store.summary()).map { " (\($0))" } ?? ""
        Terminal.note("store: \(location)\(summary)")
        try FileManager.default.createDirectory(at: siteParent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: siteParent) }
        let settings = configuration
        let application = try buildApplication(store: store, configuration: settings) { boundPort in
            let access = settings.token == nil ? "" : " (send 'Authorization: Bearer TOKEN'; browsers: add ?token=TOKEN once)"
            let line = "Artifacta is serving at \(settings.url(port: boundPort)) — open it in a browser\(access). Ctrl-C stops.\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        try await application.runService()
    }
}
