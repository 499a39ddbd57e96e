import ArtifactaCharts
import ArtifactaCore

/// `p/<project>/lineage.html`: which artifacts went into which runs and what came out,
/// chained through shared content.
struct LineagePage {
    struct Model {
        var page: PageContext
        var site: SiteContext
        var chartCSS = ChartTheme.embeddedCSS
        var svg: String
        var shared: [LineageBuilder.SharedArtifact]
        var hasShared: Bool
        var hasArtifacts: Bool
    }

    static func render(_ project: ProjectData, paths: SitePaths, site: SiteContext, templates: TemplateRenderer) throws -> RenderedPage {
        let path = paths.projectPage(project.name, "lineage.html")
        let builder = LineageBuilder(project: project, paths: paths)
        let svg = String(decoding: LineageChart(title: "Lineage of \(project.name)", graph: builder.graph(from: path)).document().withoutStyle(), as: UTF8.self)
        let shared = builder.sharedArtifacts(from: path)
        let model = Model(
            page: .project(project.name, title: "Lineage of \(project.name)", path: path, kind: "lineage", paths: paths), site: site,
            svg: svg, shared: shared, hasShared: !shared.isEmpty, hasArtifacts: project.runs.contains { !$0.artifacts.isEmpty })
        return RenderedPage(path: path, html: try templates.render(model, template: "lineage"))
    }
}
