import ArtifactaCore
import ArtifactaStore
import Hummingbird

/// A run's logged data: one entry (`/data`, the guide's route), many at once (`/batch`),
/// and reading them back.
enum EntryRoutes {
    static func add<Context: RequestContext>(to table: RouteTable<Context>, _ dependencies: ServerDependencies) {
        let store = dependencies.store
        let logs = dependencies.logs
        let limit = dependencies.configuration.maxJSONBytes

        table.add(.post, "/api/runs/{run_id}/data") { request, context in
            let id = try RunRoutes.runID(context)
            let entry: Entry
            do { entry = try Entry(json: try await RequestJSON.read(request, limit: limit)) } catch let error as ValidationError {
                throw APIError.invalid(error)
            }
            try await logs.log([entry], runID: id)
            return JSONResponse.make(["run_id": .string(id), "logged": 1], status: .created)
        }

        table.add(.post, "/api/runs/{run_id}/batch") { request, context in
            let id = try RunRoutes.runID(context)
            let entries = try batch(try await RequestJSON.read(request, limit: limit))
            try await logs.log(entries, runID: id)
            return JSONResponse.make(["run_id": .string(id), "logged": .number(Double(entries.count))], status: .created)
        }

        table.add(.get, "/api/runs/{run_id}/entries") { _, context in
            let id = try RunRoutes.runID(context)
            let entries = try await store.run { store in
                guard try store.run(id: id) != nil else { throw StoreError.unknownRun(id) }
                return try store.entries(runID: id)
            }
            return JSONResponse.make(["run_id": .string(id), "entries": .array(entries.map { $0.json(includingData: true) })])
        }

        table.add(.get, "/api/runs/{run_id}/series") { request, context in
            let id = try RunRoutes.runID(context)
            let name = try QueryParameters(request).requiredString("name")
            let series = try await store.run { store in
                guard try store.run(id: id) != nil else { throw StoreError.unknownRun(id) }
                guard let series = try store.series(runID: id, name: name) else {
                    throw APIError(.notFound, "run \(NameRules.quoted(id)) has no Series named \(NameRules.quoted(name))")
                }
                return series
            }
            return JSONResponse.make([
                "run_id": .string(id), "name": .string(name), "index": series.index.map(JSONValue.string) ?? .null,
                "point_count": .number(Double(series.pointCount)),
                "fields": .object(series.fields.map { ($0.name, .array($0.values.map(JSONValue.number))) }),
            ])
        }
    }

    /// `{"entries": [entry, …]}`, each validated as the library does; a message names the
    /// entry's position: `entries[2]: Series "loss": …`.
    static func batch(_ json: JSONValue) throws -> [Entry] {
        guard let pairs = json.objectPairs else { throw APIError(.badRequest, "batch must be a JSON object, not \(json.typeName)") }
        if let key = pairs.first(where: { $0.0 != "entries" })?.0 {
            throw APIError(.badRequest, "unknown field \(NameRules.quoted(key)) in batch (expected: entries)")
        }
        guard case .array(let elements)? = json["entries"] else {
            throw APIError(.badRequest, "field \"entries\" must be an array of entries")
        }
        var entries: [Entry] = []
        entries.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do { entries.append(try Entry(json: element)) } catch { throw APIError.invalid(error.prefixed("entries[\(index)]")) }
        }
        return entries
    }
}
