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
