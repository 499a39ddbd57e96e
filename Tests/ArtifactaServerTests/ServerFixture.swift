import ArtifactaCore
import ArtifactaServer
import ArtifactaStore
import ArtifactaTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting

/// A fresh store and a server over it, called in-process through the router.
struct ServerFixture {
    let folder = TemporaryDirectory("server")
    var store: Store
    var configuration: ServerConfiguration

    init(heartbeatTimeout: TimeInterval = 90, configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        store = try Store.open(StoreLocation(directory: folder.path("store")))
        store.heartbeatTimeout = heartbeatTimeout
        configuration = ServerConfiguration(siteDirectory: folder.path("site"), siteRebuildInterval: 0)
        configure(&configuration)
    }

    /// Runs `test` with a client that calls the router in-process.
    func withClient(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let router = try buildRouter(store: store, configuration: configuration).router
        try await Application(router: router).test(.router) { client in try await test(client) }
    }

    /// Every file of the blob folder, to prove a rejected upload stored nothing.
    func blobFiles() -> [String] {
        let root = store.blobs.directory
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }
}

/// Requests and answers in JSON.
extension TestClientProtocol {
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, json: String? = nil, body: ByteBuffer? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        if json != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) } ?? body) { $0 }
    }
}

extension TestResponse {
    /// The body parsed as JSON (NaN as strings, as the server writes).
    var json: JSONValue {
        (try? JSONParser.parse(Array(body.readableBytesView))) ?? .string("not JSON: \(String(decoding: body.readableBytesView, as: UTF8.self))")
    }

    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }

    /// The message of an error answer.
    var errorMessage: String? {
        if case .string(let message)? = json["error"]?["message"] { return message }
        return nil
    }
}

/// Request bodies used across the tests: the guide's examples.
enum GuideBodies {
    static let run = """
        {"run_id": "my-run-123", "project": "my-project", "name": "Experiment 1", "config": {"learning_rate": 0.001}}
        """
    static let series = """
        {"name": "training_metrics", "primitive_type": "Series", "section": "training",
         "data": {"index": "step", "fields": {"loss": [0.5, 0.3, 0.2], "step": [1, 2, 3]}}}
        """
    static let artifact = """
        {"run_id": "my-run-123", "name": "model.pt", "hash": "abcd1234", "storage_path": "/path/to/model.pt",
         "size_bytes": 1024, "metadata": {"framework": "PyTorch"}, "role": "output"}
        """
}
