import ArtifactaCore
import ArtifactaSite
import ArtifactaStore
import Hummingbird

/// What is not a run: health, projects, the OpenAPI document, the live site's change poll.
enum ServiceRoutes {
    static func add<Context: RequestContext>(to table: RouteTable<Context>, _ dependencies: ServerDependencies) {
        let store = dependencies.store
        let site = dependencies.site

        table.add(.get, "/health") { _, _ in
            let summary = try await store.run { try $0.summary() }
            return JSONResponse.make([
                "status": "ok", "version": .string(SiteBuilder.version),
                "projects": .number(Double(summary.projects)), "runs": .number(Double(summary.runs)),
            ])
        }

        table.add(.get, "/api/projects") { _, _ in
            let projects = try await store.run { try $0.projects() }
            return JSONResponse.make([
                "projects": .array(projects.map { project in
                    [
                        "name": .string(project.name), "runs": .number(Double(project.runCount)),
                        "latest_activity": .string(Timestamp.iso8601(project.latestActivity)),
                    ]
                })
            ])
        }

        table.add(.get, "/api/openapi.json") { _, _ in
            JSONResponse.make(OpenAPIDocument.json)
        }

        table.add(.get, "/api/changes") { request, _ in
            let since = QueryParameters(request).string("since")
            let state = await site.refresh()
            return JSONResponse.make([
                "version": state.version.map(JSONValue.string) ?? .null,
                "changed": .bool(since != nil && since != state.version),
                "building": .bool(state.building),
            ])
        }
    }
}
