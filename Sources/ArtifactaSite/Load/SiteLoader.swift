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

    /// Entry types whose data is read only when a page draws it: every page that shows one
    /// run's Distribution, Scatter, Matrix, bars or Table may be reused; every run's Curves
    /// are usually kept decoded by the previous build (``KeptCurves``).
    static let deferredTypes: Set<PrimitiveType> = [.distribution, .scatter, .matrix, .barChart, .table, .curve]

    /// A project with every run's entries and artifacts, read in one transaction. Series
    /// points are read when first needed (``SeriesPoints``), up to the point counts of that
    /// transaction.
    func load(project: String) throws -> ProjectData {
        let snapshot = try store.snapshot(project: project, deferringPayloadsOf: Self.deferredTypes, readingPoints: false)
        let decoded = DecodedPrimitives(store: store)
        let points = SeriesPoints(store: store, project: project, entries: snapshot.entries.values.flatMap { $0 })
        let data = snapshot.runs.enumerated().map { position, run -> RunData in
            RunData(
                decoded: decoded, points: points, run: run, colorIndex: position, entries: snapshot.entries[run.id] ?? [],
                artifacts: snapshot.artifacts[run.id] ?? [])
        }
        return ProjectData(name: project, runs: data, notes: snapshot.notes, decoded: decoded, points: points)
    }
}
