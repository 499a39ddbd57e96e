import ArtifactaCharts
import Foundation

/// Writes every golden chart into HTML pages (light and dark) for looking at them.
///
/// The pages go to `ARTIFACTA_CHART_GALLERY` (a path ending in `.html`) or
/// `.build/chart-gallery.html`; the dark page sits beside it with `-dark` in its name.
enum Gallery {
    static func write(_ charts: [(String, String)]) throws -> [String] {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let light = ProcessInfo.processInfo.environment["ARTIFACTA_CHART_GALLERY"].map(URL.init(fileURLWithPath:))
            ?? packageRoot.appendingPathComponent(".build/chart-gallery.html")
        let dark = light.deletingPathExtension().appendingPathExtension("dark.html")
        try FileManager.default.createDirectory(at: light.deletingLastPathComponent(), withIntermediateDirectories: true)
        for (url, theme) in [(light, "light"), (dark, "dark")] {
            try Data(page(charts, theme: theme).utf8).write(to: url, options: .atomic)
        }
        // One page per chart kind as well, small enough to look at one screenshot at a time.
        let kinds = charts.map { String($0.0.prefix { $0 != "-" }) }
        for kind in Set(kinds).sorted() {
            let subset = charts.filter { $0.0.hasPrefix(kind + "-") }
            for theme in ["light", "dark"] {
                let url = light.deletingLastPathComponent().appendingPathComponent("chart-gallery-\(kind)-\(theme).html")
                try Data(page(subset, theme: theme).utf8).write(to: url, options: .atomic)
            }
        }
        return [light.path, dark.path]
    }

    static func page(_ charts: [(String, String)], theme: String) -> String {
        var html = "<!doctype html><html data-theme=\"\(theme)\"><head><meta charset=\"utf-8\"><title>Artifacta chart gallery</title><style>"
        html += ChartTheme.pageVariablesCSS
        html += "body{margin:24px;background:var(--chart-bg);color:var(--chart-text);font-family:system-ui,sans-serif}"
        html += "main{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start}"
        html += "figure{margin:0;border:1px solid var(--chart-grid);border-radius:8px;padding:6px}"
        html += "figcaption{font:12px ui-monospace,monospace;color:var(--chart-muted);padding:4px 6px}</style></head><body>"
        html += "<h1>Chart gallery (\(theme))</h1><main>"
        for (name, svg) in charts {
            html += "<figure><figcaption>\(name).svg · \(svg.utf8.count / 1024) KB</figcaption>\(svg)</figure>"
        }
        html += "</main></body></html>\n"
        return html
    }
}
