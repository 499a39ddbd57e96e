import ArtifactaAssets
import Mustache

/// Renders the embedded Mustache templates with view models.
///
/// `{{x}}` escapes HTML; `{{{x}}}` is used only for HTML and SVG that our own code produced.
struct TemplateRenderer: Sendable {
    private let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in EmbeddedAssets.templates.sorted(by: { $0.key < $1.key }) {
            do { try library.register(text, named: name) } catch {
                throw SiteError.missingTemplate("\(name) (\(error))")
            }
        }
        self.library = library
    }

    func render(_ model: Any, template: String) throws -> String {
        guard let html = library.render(TemplateContext.tree(model) ?? [String: Any](), withTemplate: template) else { throw SiteError.missingTemplate(template) }
        return html
    }
}
