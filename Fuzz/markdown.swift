/// libFuzzer target: notebook Markdown with math. The whole renderer (cmark-gfm in safe
/// mode with the tag filter, then `$…$` → MathML) must not crash and must never emit a
/// `<script`, an `<iframe` or a `javascript:` link; each formula alone goes through
/// `TeXToMathML`, whose output must be well-formed markup.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let output = MarkdownRenderer().render(text) { _, _ in .keep }
    let html = output.html.lowercased()
    for forbidden in ["<script", "<iframe", "href=\"javascript:", "src=\"javascript:", "<svg", " onerror=", " onload="] where html.contains(forbidden) {
        fatalError("rendered Markdown holds \(forbidden): \(output.html.prefix(300))")
    }
    for formula in MathExtractor.extract(text).formulas {
        guard let mathML = try? TeXToMathML.convert(formula.tex, display: formula.display) else { continue }
        if let problem = MarkupCheck.problem(in: mathML, numeric: false) {
            fatalError("MathML of \(formula.tex.prefix(100)) is malformed: \(problem): \(mathML.prefix(300))")
        }
    }
    return 0
}
