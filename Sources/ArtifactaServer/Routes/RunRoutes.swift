import ArtifactaCore
import ArtifactaStore
import Hummingbird

/// Runs: create, list, read, finish, heartbeat.
enum RunRoutes {
    static func add<Context: RequestContext>(to table: RouteTable<Context>, _ dependencies: ServerDependencies) {
        let store = dependencies.store
        let limit = dependencies.configuration.maxJSONBytes

        table.add(.post, "/api/runs") { request, _ in
            var json = try await RequestJSON.read(request, limit: limit)
            // The client's captured environment (git, OS, interpreter, packages) rides along.
            var environment: JSONValue = [:]
            if case .object(let pairs) = json, let found = pairs.first(where: { $0.0 == "environment" }) {
                guard case .object = found.1 else { throw APIError(.badRequest, "field \"environment\" must be a JSON object, not \(found.1.typeName)") }
                environment = found.1
                json = .object(pairs.filter { $0.0 != "environment" })
            }
            let start: RunStart
            do throws(ValidationError) { start = try RunStart(json: json) } catch { throw APIError.invalid(error) }
            let recorded = environment
            let run = try await store.run { try $0.createRun(start, environment: recorded, writer: .remote) }
            return JSONResponse.make(run.json, status: .created)
        }

        table.add(.get, "/api/runs") { request, _ in
            let query = QueryParameters(request)
            let count = try query.integer("limit", in: 1...10_000) ?? 100
            let offset = try query.integer("offset", in: 0...Int(Int32.max)) ?? 0
            let project = query.string("project")
            let runs = try await store.run { try $0.runs(project: project, limit: count, offset: offset) }
            return JSONResponse.make([
                "runs": .array(runs.map(\.json)), "limit": .number(Double(count)), "offset": .number(Double(offset)),
            ])
        }

        table.add(.get, "/api/runs/{run_id}") { _, context in
            let id = try runID(context)
            let (run, entries, artifacts) = try await store.run { store in
                guard let run = try store.run(id: id) else { throw StoreError.unknownRun(id) }
                return (run, try store.entries(runID: id), try store.artifacts(runID: id))
            }
            var json = run.json
            if case .object(var pairs) = json {
                pairs.append(("entries", .array(entries.map { $0.json(includingData: false) })))
                pairs.append(("artifacts", .array(artifacts.map(\.json))))
                json = .object(pairs)
            }
            return JSONResponse.make(json)
        }

        table.add(.post, "/api/runs/{run_id}/finish") { request, context in
            let id = try runID(context)
            let (status, message) = try finishRequest(try await RequestJSON.read(request, limit: limit))
            let run = try await store.run { store in
                guard let run = try store.run(id: id) else { throw StoreError.unknownRun(id) }
                if run.status == .finished || run.status == .failed {
                    throw APIError(.conflict, "run \(NameRules.quoted(id)) has already ended (\(run.status.rawValue))")
                }
                try store.finishRun(id: id, status: status, error: message)
                guard let finished = try store.run(id: id) else { throw StoreError.unknownRun(id) }
                return finished
            }
            return JSONResponse.make(run.json)
        }

        table.add(.post, "/api/runs/{run_id}/heartbeat") { _, context in
            let id = try runID(context)
            let run = try await store.run { store in
                guard try store.run(id: id) != nil else { throw StoreError.unknownRun(id) }
                try store.heartbeat(runID: id)
                guard let run = try store.run(id: id) else { throw StoreError.unknownRun(id) }
                return run
            }
            return JSONResponse.make([
                "run_id": .string(run.id), "status": .string(run.status.rawValue),
                "heartbeat_at": .string(Timestamp.iso8601(run.heartbeatAt)),
            ])
        }
    }

    /// The `{run_id}` of the path; an id that breaks the id rules cannot name a run (404).
    static func runID(_ context: some RequestContext) throws -> String {
        let id = try context.parameters.require("run_id")
        do { try NameRules.validateRunID(id) } catch { throw APIError.unknownRun(id) }
        return id
    }

    /// `{"status": "finished" | "failed", "error": "…"}`; status defaults to finished.
    static func finishRequest(_ json: JSONValue) throws -> (RunStatus, String?) {
        guard let pairs = json.objectPairs else { throw APIError(.badRequest, "finish must be a JSON object, not \(json.typeName)") }
        var status = RunStatus.finished
        var message: String?
        for (key, value) in pairs {
            switch (key, value) {
            case ("status", .string("finished")): status = .finished
            case ("status", .string("failed")): status = .failed
            case ("status", _):
                throw APIError(.badRequest, "field \"status\" must be \"finished\" or \"failed\", not \(value.jsonText)")
            case ("error", .string(let text)): message = text
            case ("error", .null): message = nil
            case ("error", _): throw APIError(.badRequest, "field \"error\" must be a string, not \(value.typeName)")
            default: throw APIError(.badRequest, "unknown field \(NameRules.quoted(key)) in finish (expected: status, error)")
            }
        }
        return (status, message)
    }
}
