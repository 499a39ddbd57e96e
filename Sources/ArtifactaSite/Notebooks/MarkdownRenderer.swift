import ArtifactaCharts
import CCmarkGFM
import Foundation
import Synchronization

/// Renders notebook Markdown to HTML with cmark-gfm in safe mode: GitHub tables, task lists,
/// strikethrough, autolinks, footnotes and the tag filter; raw HTML is dropped. `$…$` and
/// `$$…$$` become MathML; links and images are rewritten by the caller (attachments).
///
/// This is the only file that imports cmark-gfm.
struct MarkdownRenderer: Sendable {
    /// What happened to a link or image target.
    enum Target {
        /// Use this URL instead.
        case url(String)
        /// Replace the image with this HTML (a preview of an attachment that is not an image).
        case html(String)
        /// Leave it as written.
        case keep
    }

    struct Output {
        var html: String
        var diagnostics: [String]
    }

    private static let registration = Mutex(false)

    init() {
        Self.registration.withLock { registered in
            if !registered {
                cmark_gfm_core_extensions_ensure_registered()
                registered = true
            }
        }
    }

    /// - Parameter resolve: maps a link or image target (as written) to what the page uses.
    func render(_ markdown: String, resolve: (String, Bool) -> Target) -> Output {
        var diagnostics: [String] = []
        let (text, formulas) = MathExtractor.extract(markdown)
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return Output(html: "", diagnostics: ["cmark-gfm could not start"]) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist", "tagfilter"] {
            if let extension_ = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extension_) }
        }
        // Fed by length, not as a C string, so that a NUL does not cut the note short (cmark makes it U+FFFD).
        var source = text
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return Output(html: "", diagnostics: ["cmark-gfm could not parse"]) }
        defer { cmark_node_free(document) }

        var replacements: [String: String] = [:]
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_IMAGE || type == CMARK_NODE_LINK, let raw = cmark_node_get_url(node) else { continue }
                switch resolve(String(cString: raw), type == CMARK_NODE_IMAGE) {
                case .url(let url): cmark_node_set_url(node, url)
                case .html(let html):
                    let key = "artifacta-preview-\(replacements.count)"
                    replacements[key] = html
                    cmark_node_set_url(node, key)
                case .keep: break
                }
            }
        }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return Output(html: "", diagnostics: ["cmark-gfm could not render"])
        }
        var html = String(cString: rendered)
        free(rendered)

        for (key, preview) in replacements {
            // cmark writes an image as <img src="URL" alt="…" />; the whole tag becomes the preview.
            while let start = html.range(of: "<img src=\"\(key)\""), let end = html.range(of: "/>", range: start.upperBound..<html.endIndex) {
                html.replaceSubrange(start.lowerBound..<end.upperBound, with: preview)
            }
        }
        for (index, formula) in formulas.enumerated() {
            let mathML: String
            do { mathML = try TeXToMathML.convert(formula.tex, display: formula.display) } catch {
                diagnostics.append("math \(formula.display ? "$$" : "$")\(formula.tex)\(formula.display ? "$$" : "$") is not drawn: \(error.reason)")
                mathML = "<code class=\"math-error\" title=\"\(XMLText.escape(error.reason))\">\(XMLText.escape(formula.tex))</code>"
            }
            let token = MathExtractor.placeholder(index)
            // A display formula alone in its paragraph replaces the paragraph.
            if formula.display, html.contains("<p>\(token)</p>") {
                html = html.replacingOccurrences(of: "<p>\(token)</p>", with: mathML)
            } else {
                html = html.replacingOccurrences(of: token, with: mathML)
            }
        }
        return Output(html: html, diagnostics: diagnostics)
    }
}
