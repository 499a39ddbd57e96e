import ArtifactaAssets

/// Renders the embedded Mustache templates with view models.
///
/// `{{x}}` escapes HTML; `{{{x}}}` is used only for HTML and SVG that our own code produced.
/// The model is reflected once into a ``TemplateValue`` and rendered by ``MustacheTemplate``:
/// a general Mustache library reflected the model again for every name it looked up, which
/// made templates a fifth of the site build's time.
struct TemplateRenderer: Sendable {
    private let templates: [String: MustacheTemplate]

    init() throws {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in EmbeddedAssets.templates.sorted(by: { $0.key < $1.key }) {
            do { templates[name] = try MustacheTemplate(text) } catch {
                throw SiteError.missingTemplate("\(name) (\(error))")
            }
        }
        self.templates = templates
    }

    /// The page `template` makes of `model`, as UTF-8.
    func render(_ model: Any, template: String) throws -> [UInt8] {
        guard let parsed = templates[template] else { throw SiteError.missingTemplate(template) }
        return parsed.renderBytes(TemplateValue.of(model) ?? .object([]), partials: templates)
    }

    /// ``render(_:template:)`` as text.
    func renderText(_ model: Any, template: String) throws -> String {
        String(decoding: try render(model, template: template), as: UTF8.self)
    }
}
