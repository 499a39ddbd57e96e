import ArtifactaCore

/// `index.html`: the projects and the most recent runs.
struct IndexPage {
    static let path = "index.html"

    struct ProjectCard: Sendable {
        var name: String
        var href: String
        var runCount: Int
        var failedCount: Int
        var runningCount: Int
        var hasFailed: Bool
        var hasRunning: Bool
        var lastActivity: String
    }

    struct Model {
        var page: PageContext
        var site: SiteContext
        var projects: [ProjectCard]
        var hasProjects: Bool
        var recentRuns: [RunRow]
        var notebookCount: Int
        var hasNotebooks: Bool
    }

    /// What the index needs of one project, gathered while the project is built.
    struct ProjectSummary: Sendable {
        var card: ProjectCard
        var runs: [(row: RunRow, created: Double)]
    }

    static func summary(of project: ProjectData, paths: SitePaths) -> ProjectSummary {
        let latest = project.runs.map { $0.run.finishedAt ?? $0.run.heartbeatAt }.max()
        let failed = project.runs.filter { $0.run.status == .failed || $0.run.status == .crashed }.count
        let running = project.runs.filter { $0.run.status == .running }.count
        let card = ProjectCard(
            name: project.name, href: paths.projectPage(project.name, "index.html"), runCount: project.runs.count,
            failedCount: failed, runningCount: running, hasFailed: failed > 0, hasRunning: running > 0,
            lastActivity: latest.map(Timestamp.short) ?? "–")
        return ProjectSummary(
            card: card, runs: project.runs.map { (RunRow($0, from: path, paths: paths), $0.run.createdAt.timeIntervalSince1970) })
    }

    static func render(_ summaries: [ProjectSummary], notebooks: Int, site: SiteContext, templates: TemplateRenderer) throws -> RenderedPage {
        let recent = summaries.flatMap(\.runs).sorted { ($0.created, $0.row.id) > ($1.created, $1.row.id) }.prefix(20).map(\.row)
        let model = Model(
            page: .global(title: "Projects", path: path, kind: "index"), site: site, projects: summaries.map(\.card),
            hasProjects: !summaries.isEmpty, recentRuns: Array(recent), notebookCount: notebooks, hasNotebooks: notebooks > 0)
        return RenderedPage(path: path, html: try templates.render(model, template: "index"))
    }
}
