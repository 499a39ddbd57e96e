import ArtifactaCharts
import ArtifactaCore

/// How a run appears in lists: name, colour, status, times, link.
struct RunRow: Sendable {
    var id: String
    var name: String
    var project: String
    var status: String
    var colorClass: String
    var href: String
    var started: String
    var startedValue: String
    var duration: String
    var durationValue: String

    /// What a row made from `run` shows of it, for a ``ContentHash`` of the row.
    static func addInputs(of run: RunData, to hash: inout ContentHash) {
        hash.add(run.run.id)
        hash.add(run.run.name)
        hash.add(run.run.project)
        hash.add(run.run.status.rawValue)
        hash.add(run.colorIndex)
        hash.add(run.run.createdAt.timeIntervalSince1970)
        hash.add(run.run.duration)
    }

    init(_ run: RunData, from page: String, paths: SitePaths) {
        id = run.run.id
        name = run.run.name
        project = run.run.project
        status = run.run.status.rawValue
        colorClass = Palette.colorClass(run.colorIndex)
        href = SitePaths.link(from: page, to: paths.runPage(project: run.run.project, runID: run.run.id))
        started = Timestamp.short(run.run.createdAt)
        startedValue = JSONWriter.numberText(run.run.createdAt.timeIntervalSince1970)
        duration = Timestamp.duration(run.run.duration)
        durationValue = JSONWriter.numberText(run.run.duration)
    }
}
