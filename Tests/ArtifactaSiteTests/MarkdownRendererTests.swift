@testable import ArtifactaSite
import Testing

@Suite(.serialized) struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    func html(_ markdown: String) -> String { renderer.render(markdown) { _, _ in .keep }.html }

    @Test func `GitHub tables, task lists, strikethrough, autolinks and footnotes render`() {
        let output = html("""
            | a | b |
            |---|---|
            | 1 | 2 |

            - [x] done
            - [ ] todo

            ~~gone~~ https://example.org text[^1]

            [^1]: a note
            """)
        #expect(output.contains("<table>"))
        #expect(output.contains("<td>1</td>"))
        #expect(output.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(output.contains("<del>gone</del>"))
        #expect(output.contains("<a href=\"https://example.org\">"))
        #expect(output.contains("class=\"footnotes\""))
    }

    @Test func `raw HTML and scripts are dropped in safe mode`() {
        let output = html("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))")
        #expect(!output.contains("<script"))
        #expect(!output.contains("onerror"))
        #expect(!output.contains("javascript:"))
    }

    @Test(arguments: [
        ("$\\frac{a}{b}$", "<mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac>"),
        ("$x^2_i$", "<msubsup><mi>x</mi><mrow><mi>i</mi></mrow><mrow><mn>2</mn></mrow></msubsup>"),
        ("$\\sqrt{x}$", "<msqrt><mrow><mi>x</mi></mrow></msqrt>"),
        ("$\\sqrt[3]{x}$", "<mroot><mrow><mi>x</mi></mrow><mrow><mn>3</mn></mrow></mroot>"),
        ("$\\alpha + \\beta \\leq \\Omega$", "<mi>α</mi><mo>+</mo><mi>β</mi><mo>≤</mo><mi>Ω</mi>"),
        ("$\\mathbf{x}$", "<mi>𝐱</mi>"),
        ("$\\mathbb{R}^n$", "<msup><mrow><mi>ℝ</mi></mrow><mrow><mi>n</mi></mrow></msup>"),
        ("$\\text{loss } L$", "<mtext>loss </mtext><mi>L</mi>"),
        ("$\\hat{y}$", "<mover accent=\"true\"><mrow><mi>y</mi></mrow><mo stretchy=\"false\">^</mo></mover>"),
        ("$\\left(x\\right)$", "<mrow><mo fence=\"true\" stretchy=\"true\">(</mo><mi>x</mi><mo fence=\"true\" stretchy=\"true\">)</mo></mrow>"),
        ("$3.14$", "<mn>3.14</mn>"),
    ])
    func `inline math becomes MathML`(markdown: String, expected: String) {
        let output = html(markdown)
        #expect(output.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">"), "\(output)")
        #expect(output.contains(expected), "\(output)")
    }

    @Test func `display sums, integrals and matrices become block MathML`() {
        let output = html("$$\\sum_{i=1}^{n} x_i = \\int_0^1 f(x)\\,dx$$\n\n$$\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}$$")
        #expect(output.contains("display=\"block\""))
        #expect(output.contains("<munderover><mo largeop=\"true\">∑</mo>"))
        #expect(output.contains("<msubsup><mo largeop=\"true\">∫</mo>"))
        #expect(output.contains("<mtable><mtr><mtd><mrow><mi>a</mi></mrow></mtd><mtd><mrow><mi>b</mi></mrow></mtd></mtr>"))
        #expect(!output.contains("<p><math"))
    }

    @Test func `dollars in code, prices and escapes stay text`() {
        let output = html("It costs $5 and $10. Use `$x$` or \\$y\\$.\n\n```\n$z$\n```")
        #expect(!output.contains("<math"))
        #expect(output.contains("<code>$x$</code>"))
        #expect(output.contains("$z$"))
    }

    @Test func `unsupported math is shown as code with a diagnostic`() {
        let output = renderer.render("$\\foo{x}$") { _, _ in .keep }
        #expect(output.html.contains("<code class=\"math-error\""))
        #expect(output.diagnostics == ["math $\\foo{x}$ is not drawn: \\foo is not supported"])
    }

    @Test func `images of attachments are rewritten and other files previewed`() {
        let output = renderer.render("![plot](plot.png) ![paper](paper.pdf) [data](data.csv)") { url, isImage in
            switch url {
            case "plot.png": .url("files/abc/plot.png")
            case "paper.pdf": isImage ? .html("<object data=\"files/def/paper.pdf\"></object>") : .keep
            case "data.csv": .url("files/123/data.csv")
            default: .keep
            }
        }
        #expect(output.html.contains("<img src=\"files/abc/plot.png\" alt=\"plot\" />"))
        #expect(output.html.contains("<object data=\"files/def/paper.pdf\"></object>"))
        #expect(output.html.contains("<a href=\"files/123/data.csv\">data</a>"))
    }
}

@Suite struct TeXRegressionTests {
    /// Found by the markdown fuzzer: a script inside a root's index looped forever.
    @Test(arguments: ["\\sqrt[x^2}", "\\sqrt[^]{x}", "\\sqrt[x_", "\\sqrt[", "\\sqrt[2]{x}"])
    func `a root's index always ends, drawn or refused`(tex: String) {
        let result = Result { () throws(UnsupportedTeX) -> String in try TeXToMathML.convert(tex, display: false) }
        if tex == "\\sqrt[2]{x}" { #expect((try? result.get())?.contains("<mroot>") == true) }
    }

    @Test func `the fuzzer's hanging note renders`() {
        let markdown = "# Title\n\nInline $\\frac{a}{b} + \\sqrt[x^2}$ and$\\m $$\\sum_{i=0}" + String(repeating: "\u{B8}", count: 40) + "athb| \\ma"
        let output = MarkdownRenderer().render(markdown) { _, _ in .keep }
        #expect(output.html.contains("Title"))
    }
}
