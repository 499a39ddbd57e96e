import Testing

@testable import ArtifactaSite

@Suite("Mustache templates")
struct MustacheTemplateTests {
    struct Row {
        var name: String
        var note: String?
    }

    struct Model {
        var title: String
        var rows: [Row]
        var empty: [Row]
        var flag: Bool
        var count: Int
        var ratio: Double
        var html: String
        var nested: Row
    }

    let model = Model(
        title: "Runs <&> \"q\" 'a'", rows: [Row(name: "a", note: "x"), Row(name: "b", note: nil)], empty: [], flag: false, count: 3,
        ratio: 0.5, html: "<b>bold</b>", nested: Row(name: "inner", note: nil))

    func render(_ source: String, partials: [String: String] = [:]) throws -> String {
        let parsed = try partials.mapValues { try MustacheTemplate($0) }
        return try MustacheTemplate(source).render(TemplateValue.of(model)!, partials: parsed)
    }

    @Test("variables escape HTML; triple braces and & do not")
    func escaping() throws {
        #expect(try render("{{title}}") == "Runs &lt;&amp;&gt; &quot;q&quot; &#39;a&#39;")
        #expect(try render("{{{html}}}|{{& html}}") == "<b>bold</b>|<b>bold</b>")
        #expect(try render("{{count}} {{ratio}} {{flag}} {{missing}}!") == "3 0.5 false !")
    }

    @Test("sections iterate lists, test booleans and enter objects; inverted sections are the opposite")
    func sections() throws {
        #expect(try render("{{#rows}}[{{name}}]{{/rows}}") == "[a][b]")
        #expect(try render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}") == "none")
        #expect(try render("{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}") == "no")
        #expect(try render("{{#nested}}{{name}}{{/nested}} {{nested.name}}") == "inner inner")
        #expect(try render("{{#rows}}{{#note}}({{.}}){{/note}}{{/rows}}") == "(x)")
    }

    @Test("a name missing in the current context is found in an enclosing one")
    func contextStack() throws {
        // Row b has no note: {{note}} is left out, so the lookup climbs to the model, which has none either.
        #expect(try render("{{#rows}}{{name}}:{{count}}:{{note}};{{/rows}}") == "a:3:x;b:3:;")
    }

    @Test("standalone tags take their whole line; inline ones keep it")
    func standaloneLines() throws {
        #expect(try render("<ul>\n  {{#rows}}\n  <li>{{name}}</li>\n  {{/rows}}\n</ul>\n") == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("a {{#flag}}x{{/flag}} b\n") == "a  b\n")
        #expect(try render("{{! a comment }}\nline\n") == "line\n")
    }

    @Test("partials render in the same context, a standalone one indented like its tag")
    func partials() throws {
        let partials = ["item": "<i>{{title}}</i>\n<j/>\n"]
        #expect(try render("{{> item}}", partials: partials) == "<i>Runs &lt;&amp;&gt; &quot;q&quot; &#39;a&#39;</i>\n<j/>\n")
        #expect(try render("<p>\n  {{> item}}\n</p>\n", partials: ["item": "<i/>\n<j/>\n"]) == "<p>\n  <i/>\n  <j/>\n</p>\n")
    }

    @Test("malformed templates are refused with the reason", arguments: [
        ("{{#rows}}x", "never closed"), ("{{/rows}}", "closes no section"), ("{{#a}}{{/b}}", "{{/b}} closes {{#a}}"),
        ("{{title", "never closed"), ("{{=<% %>=}}", "not supported"),
    ])
    func malformed(source: String, reason: String) {
        #expect {
            _ = try MustacheTemplate(source)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }
}
