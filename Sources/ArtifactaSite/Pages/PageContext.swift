/// What every page's header and footer show.
struct PageContext: Sendable {
    /// Every built page's Content-Security-Policy: nothing leaves the site, scripts only from it.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; media-src 'self'; object-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'"

    var csp = PageContext.contentSecurityPolicy
    var title: String
    /// `../` back to the site root.
    var root: String
    var kind: String
    /// The project's name for scripts (the selection is kept per project); empty outside projects.
    var projectKey: String
    var project: String?
    var projectRoot: String
    var tabs: [Tab] { didSet { hasTabs = !tabs.isEmpty } }
    /// Stored, not computed: templates see stored properties only.
    var hasTabs: Bool

    struct Tab: Sendable {
        var label: String
        var href: String
        var current: Bool
    }

    /// A page outside any project.
    static func global(title: String, path: String, kind: String) -> PageContext {
        PageContext(
            title: title, root: SitePaths.root(from: path), kind: kind, projectKey: "", project: nil, projectRoot: "", tabs: [],
            hasTabs: false)
    }

    /// A page of a project, with the project's tabs.
    static func project(_ name: String, title: String, path: String, kind: String, paths: SitePaths) -> PageContext {
        let tabs: [(String, String, String)] = [
            ("Runs", "index.html", "project"), ("Plots", PlotVariant.standard.pageName, "plots"),
            ("Tables", "tables.html", "tables"), ("Sweeps", "sweeps.html", "sweeps"), ("Lineage", "lineage.html", "lineage"),
            ("Artifacts", "artifacts.html", "artifacts"), ("Compare", "compare.html", "compare"),
            ("Notebooks", "notebooks.html", "notebooks"),
        ]
        return PageContext(
            title: title, root: SitePaths.root(from: path), kind: kind, projectKey: name, project: name,
            projectRoot: SitePaths.link(from: path, to: paths.projectFolder(name)),
            tabs: tabs.map { label, page, tabKind in
                Tab(label: label, href: SitePaths.link(from: path, to: paths.projectPage(name, page)), current: tabKind == kind)
            }, hasTabs: true)
    }
}

/// What the footer says about the whole site.
struct SiteContext: Sendable {
    var title: String
    var version: String
}

/// A page ready to write.
struct RenderedPage: Sendable {
    var path: String
    /// UTF-8.
    var html: [UInt8]
}
