import ArtifactaCore
import ArtifactaStore

/// Reads what the site shows from the store, one project at a time so that memory holds
/// only the project being rendered.
struct SiteLoader: Sendable {
    let store: Store

    /// Project names to build: all of them, or those asked for.
    /// - Throws: ``SiteError/unknownProjects(_:known:)`` naming any that do not exist.
    func projectNames(selecting requested: [String]) throws -> [String] {
        let known = try store.projects().map(\.name)
        guard !requested.isEmpty else { return known }
        let unknown = requested.filter { !known.contains($0) }
        if !unknown.isEmpty { throw SiteError.unknownProjects(unknown, known: known) }
        return known.filter { requested.contains($0) }
    }

    /// A project with every run's entries, Series points and artifacts, read in one transaction.
    func load(project: String) throws -> ProjectData {
        let snapshot = try store.snapshot(project: project)
        let data = snapshot.runs.enumerated().map { position, run -> RunData in
            let entries = snapshot.entries[run.id] ?? []
            var series: [String: Series] = [:]
            for entry in entries where entry.type == .series { series[entry.name] = snapshot.series[entry.id] }
            return RunData(run: run, colorIndex: position, entries: entries, series: series, artifacts: snapshot.artifacts[run.id] ?? [])
        }
        return ProjectData(name: project, runs: data, notes: snapshot.notes)
    }
}
