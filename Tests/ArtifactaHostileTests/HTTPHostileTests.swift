import ArtifactaCore
import ArtifactaServer
import ArtifactaSite
import ArtifactaStore
import ArtifactaTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The corpus through the HTTP API: every wire case posted to the route of its target (4xx
/// and nothing stored for `reject`, 2xx for `accept`), and every injection payload logged over
/// HTTP, then built into the site and scanned.
@Suite(.serialized) struct HTTPHostileTests {
    /// A store and the router over it, called in-process.
    struct Server {
        let folder = TemporaryDirectory("hostile-http")
        let store: Store
        let configuration: ServerConfiguration

        init() throws {
            store = try Store.open(StoreLocation(directory: folder.path("store")))
            configuration = ServerConfiguration(siteDirectory: folder.path("live-site"), siteRebuildInterval: 0)
        }

        func withClient(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
            let router = try buildRouter(store: store, configuration: configuration).router
            try await Application(router: router).test(.router) { client in try await test(client) }
        }

        /// Rows of every table, to prove a refused request stored nothing.
        func counts() throws -> [Int] {
            let runs = try store.runs()
            var entries = 0
            var artifacts = 0
            for run in runs {
                entries += try store.entries(runID: run.id).count
                artifacts += try store.artifacts(runID: run.id).count
            }
            return [runs.count, entries, artifacts, try store.notes().count]
        }
    }

    static func post(_ client: any TestClientProtocol, _ path: String, _ bytes: [UInt8]) async throws -> (status: Int, message: String) {
        try await client.execute(
            uri: path, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: bytes)
        ) { response in
            let json = (try? JSONParser.parse(Array(response.body.readableBytesView))) ?? .null
            let message: String = if case .string(let text)? = json["error"]?["message"] { text } else { "" }
            return (response.status.code, message)
        }
    }

    /// The route of a target, with the run it needs created first.
    static func route(_ wireCase: HostileCorpus.WireCase, client: any TestClientProtocol) async throws -> String {
        switch wireCase.target {
        case .run: return "/api/runs"
        case .entry:
            _ = try await post(client, "/api/runs", Array(#"{"run_id": "hostile", "project": "hostile"}"#.utf8))
            return "/api/runs/hostile/data"
        case .artifact:
            let runID = (try? JSONParser.parse(wireCase.bytes))?["run_id"].flatMap { if case .string(let id) = $0 { id } else { nil } }
            if let runID, (try? NameRules.validateRunID(runID)) != nil {
                _ = try await post(client, "/api/runs", Array(#"{"run_id": "\#(runID)", "project": "hostile"}"#.utf8))
            }
            return "/api/artifacts"
        }
    }

    @Test(arguments: HostileCorpus.shared.wire)
    func `each wire case posted over HTTP is refused with nothing stored, or accepted`(wireCase: HostileCorpus.WireCase) async throws {
        let server = try Server()
        try await server.withClient { client in
            let path = try await Self.route(wireCase, client: client)
            let before = try server.counts()
            let answer = try await Self.post(client, path, wireCase.bytes)
            switch wireCase.expect {
            case .reject:
                #expect((400..<500).contains(answer.status), "\(wireCase.id): \(answer.status)")
                // An empty body is refused before decoding, with words of its own.
                let words = wireCase.bytes.isEmpty ? "body is empty" : wireCase.error
                if let words { #expect(answer.message.contains(words), "\(wireCase.id): \(answer.message)") }
                #expect(try server.counts() == before, "\(wireCase.id): a refused request stored something")
            case .accept:
                #expect((200..<300).contains(answer.status), "\(wireCase.id): \(answer.status) \(answer.message)")
            }
        }
    }

    @Test func `every injection payload logged over HTTP stays text in the site`() async throws {
        let server = try Server()
        let cases = HostileCorpus.shared.injections.filter { $0.field.target == "run" || $0.field.target == "entry" || $0.field.target == "note" }
        #expect(cases.count >= 200)
        try await server.withClient { client in
            _ = try await Self.post(client, "/api/runs", Array(#"{"run_id": "inj-entries", "project": "inj"}"#.utf8))
            for injection in cases {
                switch injection.field.target {
                case "run":
                    var pairs = injection.value.objectPairs ?? []
                    pairs.append(("run_id", .string("inj-\(injection.number)")))
                    let answer = try await Self.post(client, "/api/runs", Array(JSONValue.object(pairs).jsonText.utf8))
                    #expect(answer.status == 201, "\(injection.testDescription): \(answer.message)")
                case "entry":
                    var value = injection.value
                    if case .object(var pairs) = value, let index = pairs.firstIndex(where: { $0.0 == "name" }),
                        case .string(let name) = pairs[index].1
                    {
                        pairs[index].1 = .string("\(name) \(injection.number)")
                        value = .object(pairs)
                    }
                    let answer = try await Self.post(client, "/api/runs/inj-entries/data", Array(value.jsonText.utf8))
                    #expect(answer.status == 201, "\(injection.testDescription): \(answer.message)")
                default:
                    var pairs = injection.value.objectPairs ?? []
                    pairs.append(("project", "inj"))
                    let answer = try await Self.post(client, "/api/notes", Array(JSONValue.object(pairs).jsonText.utf8))
                    #expect(answer.status == 201, "\(injection.testDescription): \(answer.message)")
                }
            }
        }
        let site = server.folder.path("site")
        _ = try SiteBuilder(store: server.store, output: site).build()
        var scanned = 0
        let enumerator = FileManager.default.enumerator(atPath: site.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".html") || path.hasSuffix(".svg"), !path.hasPrefix("files/") else { continue }
            let text = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
            let findings = MarkupSafetyScanner.scan(text)
            #expect(findings.isEmpty, "\(path): \(findings.prefix(3))")
            scanned += 1
        }
        #expect(scanned > 20)
    }
}
