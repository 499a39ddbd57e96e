import ArtifactaCore
import ArtifactaStore
import Hummingbird

/// Artifacts: registration by hash (the guide's route), upload of content, reading and
/// downloading.
enum ArtifactRoutes {
    static func add<Context: RequestContext>(to table: RouteTable<Context>, _ dependencies: ServerDependencies) {
        let store = dependencies.store
        let limits = dependencies.configuration

        table.add(.post, "/api/artifacts") { request, _ in
            let registration: ArtifactRegistration
            do { registration = try ArtifactRegistration(json: try await RequestJSON.read(request, limit: limits.maxJSONBytes)) } catch let error as ValidationError {
                throw APIError.invalid(error)
            }
            let artifact = try await store.run { try $0.registerArtifact(registration) }
            return JSONResponse.make(artifact.json, status: .created)
        }

        table.add(.get, "/api/artifacts/{artifact_id}") { _, context in
            let artifact = try await find(try artifactID(context), in: store)
            return JSONResponse.make(artifact.json)
        }

        table.add(.put, "/api/artifacts/{artifact_id}/content") { request, context in
            let id = try artifactID(context)
            let artifact = try await find(id, in: store)
            if artifact.kind == .directory {
                return try await uploadDirectoryFile(request, artifact: artifact, store: store, limit: limits.maxUploadBytes)
            }
            guard artifact.kind == .reference else {
                throw APIError(.conflict, "artifact \(id) already has its content (it is a \(artifact.kind.rawValue))")
            }
            let fileName = try uploadFileName(QueryParameters(request).string("file_name"), artifact: artifact)
            let upload = try await ContentUpload.receive(request, into: store.store.blobs, limit: limits.maxUploadBytes)
            if BlobStore.isHash(artifact.hash), artifact.hash != upload.sha256 {
                let received = upload.sha256
                upload.discard()
                throw APIError(.badRequest, "the content's SHA-256 is \(received), not the registered hash \(artifact.hash); nothing was stored")
            }
            if artifact.sizeBytes > 0, artifact.sizeBytes != upload.sizeBytes {
                let received = upload.sizeBytes
                upload.discard()
                throw APIError(.badRequest, "the content is \(received) bytes, not the registered size_bytes \(artifact.sizeBytes); nothing was stored")
            }
            let stored = try await store.run { store in try upload.store(in: store.blobs) }
            let updated = try await store.run { try $0.attachContent(artifactID: id, blob: stored, fileName: fileName) }
            return JSONResponse.make(updated.json)
        }

        table.add(.get, "/api/artifacts/{artifact_id}/content") { request, context in
            let id = try artifactID(context)
            let artifact = try await find(id, in: store)
            let path = QueryParameters(request).string("path")
            let file: ArtifactFile
            if let path {
                guard let match = artifact.files.first(where: { $0.path == path }) else {
                    throw APIError(.notFound, "artifact \(id) has no file \(NameRules.quoted(path))")
                }
                file = match
            } else {
                guard artifact.files.count == 1, let only = artifact.files.first else {
                    throw APIError(
                        .notFound,
                        artifact.files.isEmpty
                            ? "artifact \(id) has no content in the store (it was registered by hash only)"
                            : "artifact \(id) is a directory of \(artifact.files.count) files; name one with ?path=")
                }
                file = only
            }
            return try await Download.blob(file.hash, name: file.path, mediaType: file.mediaType, store: store, context: context)
        }

        table.add(.get, "/api/runs/{run_id}/artifacts") { _, context in
            let id = try RunRoutes.runID(context)
            let artifacts = try await store.run { store in
                guard try store.run(id: id) != nil else { throw StoreError.unknownRun(id) }
                return try store.artifacts(runID: id)
            }
            return JSONResponse.make(["run_id": .string(id), "artifacts": .array(artifacts.map(\.json))])
        }
    }

    /// `PUT …/content?path=P` of a directory registered with its files: the content must be
    /// the declared file's (SHA-256 and size), which the blobs then hold. Sending a file again
    /// is harmless.
    static func uploadDirectoryFile(_ request: Request, artifact: Artifact, store: BackgroundStore, limit: Int) async throws -> Response {
        guard let path = QueryParameters(request).string("path") else {
            throw APIError(.badRequest, "artifact \(artifact.id) is a directory: name the file with ?path=")
        }
        guard let file = artifact.files.first(where: { $0.path == path }) else {
            throw APIError(.notFound, "artifact \(artifact.id) declares no file \(NameRules.quoted(path))")
        }
        let upload = try await ContentUpload.receive(request, into: store.store.blobs, limit: limit)
        guard upload.sha256 == file.hash, upload.sizeBytes == file.sizeBytes else {
            let received = (upload.sha256, upload.sizeBytes)
            upload.discard()
            throw APIError(
                .badRequest,
                "the content of \(NameRules.quoted(path)) has SHA-256 \(received.0) and \(received.1) bytes, not the declared "
                    + "\(file.hash) and \(file.sizeBytes); nothing was stored")
        }
        _ = try await store.run { store in try upload.store(in: store.blobs) }
        return JSONResponse.make(artifact.json)
    }

    static func artifactID(_ context: some RequestContext) throws -> Int64 {
        let text = try context.parameters.require("artifact_id")
        guard let id = Int64(text), id > 0 else { throw APIError(.notFound, "no artifact with id \(NameRules.quoted(text))") }
        return id
    }

    static func find(_ id: Int64, in store: BackgroundStore) async throws -> Artifact {
        try await store.run { store in
            guard let artifact = try store.artifact(id: id) else { throw StoreError.unknownArtifact(id) }
            return artifact
        }
    }

    /// The name the uploaded file gets: `?file_name=`, else the registered path's last part,
    /// else the artifact's name; made safe as one file name.
    static func uploadFileName(_ given: String?, artifact: Artifact) throws -> String {
        let lastPart = artifact.sourcePath?.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init)
        let name = ArtifactPath.safeFileName(given ?? lastPart ?? artifact.name)
        do { try ArtifactPath.validateRelativePath(name) } catch { throw APIError.invalid(error) }
        return name
    }
}
