import ArtifactaCore
import Foundation
import Hummingbird

/// The live site at `/`: the files `artifacta build` writes, from the server's site folder only.
enum SiteRoutes {
    static func add<Context: RequestContext>(to router: Router<Context>, _ dependencies: ServerDependencies) {
        let site = dependencies.site
        let handler: @Sendable (Request, Context) async throws -> Response = { request, context in
            let components: [String]
            do { components = try SiteRequestPath.components(request.uri.path) } catch {
                throw APIError(.badRequest, "not a path inside the site")
            }
            let state = await site.servable()
            guard state.version != nil else {
                throw APIError(.serviceUnavailable, "the site could not be built: \(state.lastError ?? "no build has finished yet")")
            }
            guard let file = SiteRequestPath.file(components, in: state.folder) else {
                throw APIError(.notFound, "no page \(NameRules.quoted(components.joined(separator: "/"))) in the site")
            }
            return try await response(for: file, components: components, version: state.version ?? "", context: context)
        }
        router.get("/", use: handler)
        router.get("/**", use: handler)
    }

    static func response(for file: URL, components: [String], version: String, context: some RequestContext) async throws -> Response {
        let name = file.lastPathComponent
        let mediaType = name.hasSuffix(".css") ? "text/css; charset=utf-8" : MediaType.forFileName(name)
        var headers: HTTPFields = [.contentType: mediaType, .cacheControl: "no-cache"]
        if name.hasSuffix(".html") {
            guard let data = FileManager.default.contents(atPath: file.path) else { throw APIError(.notFound, "page vanished") }
            let html = LivePage.inject(version: version, into: String(decoding: data, as: UTF8.self))
            headers[.contentType] = "text/html; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        }
        if components.first == "files", ["html", "svg", "xml", "javascript"].contains(where: mediaType.contains) {
            // Artifact content that a browser could run: never as a page of this origin.
            headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
        }
        if name.hasSuffix(".zip") || name.hasSuffix(".csv") {
            headers[.contentDisposition] = Download.contentDisposition(name)
        }
        let body = try await FileIO().loadFile(path: file.path, context: context)
        return Response(status: .ok, headers: headers, body: body)
    }
}
