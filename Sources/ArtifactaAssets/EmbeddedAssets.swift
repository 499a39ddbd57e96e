/// The Mustache templates of `Templates/` and the static files of `site/`, embedded in the
/// binary so that `artifacta` works when copied alone to another machine.
///
/// Adding a file to either folder means adding it to the lists below; a test checks that
/// the lists and the folders agree.
public enum EmbeddedAssets {
    /// Templates by name (file name without `.mustache`).
    public static let templates: [String: String] = [
        "layout-head": text(PackageResources.layout_head_mustache),
        "layout-foot": text(PackageResources.layout_foot_mustache),
        "index": text(PackageResources.index_mustache),
        "project": text(PackageResources.project_mustache),
        "project-row": text(PackageResources.project_row_mustache),
        "plots": text(PackageResources.plots_mustache),
        "tables": text(PackageResources.tables_mustache),
        "tables-series-row": text(PackageResources.tables_series_row_mustache),
        "artifacts": text(PackageResources.artifacts_mustache),
        "artifact": text(PackageResources.artifact_mustache),
        "run": text(PackageResources.run_mustache),
        "notebooks": text(PackageResources.notebooks_mustache),
        "notebook": text(PackageResources.notebook_mustache),
        "sweeps": text(PackageResources.sweeps_mustache),
        "lineage": text(PackageResources.lineage_mustache),
        "compare": text(PackageResources.compare_mustache),
        "note-editor": text(PackageResources.note_editor_mustache),
    ]

    /// Files copied into every site's `assets/` folder, by file name.
    public static let siteFiles: [String: [UInt8]] = [
        "artifacta.css": PackageResources.artifacta_css,
        "artifacta.js": PackageResources.artifacta_js,
        "compare.js": PackageResources.compare_js,
        "note-editor.js": PackageResources.note_editor_js,
        "favicon.svg": PackageResources.favicon_svg,
    ]

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
