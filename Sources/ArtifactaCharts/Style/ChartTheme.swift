/// The stylesheet embedded in every chart and the theme variables a page may set.
///
/// Every colour and font goes through a CSS variable with a light-theme fallback, so a
/// standalone SVG renders as-is and a page switches themes by setting variables.
public enum ChartTheme {
    /// The `<style>` element every chart starts with, escaped once: a page that links the
    /// stylesheet instead removes exactly this text.
    public static let styleElement = "<style>" + XMLText.escape(embeddedCSS) + "</style>"

    /// The `<style>` content embedded in each chart (identical in all charts).
    public static let embeddedCSS: String = {
        var css = ".ac{" + themed("font-family", "chart-font", "system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif") + ";font-size:11px}"
        css += ".ac-bg{" + themed("fill", "chart-bg", "#FFFFFF") + "}"
        css += ".ac text{" + themed("fill", "chart-text", "#1F2328") + "}"
        css += ".ac .ac-title{font-size:14px;font-weight:600}"
        css += ".ac .ac-muted,.ac .ac-tick{" + themed("fill", "chart-muted", "#656D76") + "}"
        css += ".ac .ac-axis-title{font-size:12px;font-weight:500}"
        css += ".ac .ac-halo{paint-order:stroke;" + themed("stroke", "chart-bg", "#FFFFFF") + ";stroke-width:3px}"
        css += ".ac-grid{" + themed("stroke", "chart-grid", "#E8EBEF") + ";stroke-width:1;shape-rendering:crispEdges}"
        css += ".ac-axis{" + themed("stroke", "chart-axis", "#8C959F") + ";stroke-width:1;shape-rendering:crispEdges}"
        css += ".ac-arrow{" + themed("fill", "chart-axis", "#8C959F") + "}"
        css += ".ac-line{fill:none;stroke:currentColor;stroke-width:1.75;stroke-linejoin:round;stroke-linecap:round}"
        css += ".ac-line.ac-raw{stroke-width:1;opacity:.3}"
        css += ".ac-rest .ac-line{stroke-width:1;opacity:.32}"
        css += ".ac-line.ac-best-halo{" + themed("stroke", "chart-text", "#1F2328") + ";stroke-width:6;opacity:.9}"
        css += ".ac-line.ac-no-metric{" + themed("stroke", "chart-muted", "#656D76") + "}"
        css += ".ac-band{" + themed("fill", "chart-band", "#8C959F") + ";opacity:.16}"
        css += ".ac-dot,.ac-mark{fill:currentColor}"
        css += ".ac-sweep-points .ac-mark{fill-opacity:.8}"
        css += ".ac-mark.ac-missing{" + themed("fill", "chart-muted", "#656D76") + "}"
        css += ".ac-ref{" + themed("stroke", "chart-axis", "#8C959F") + ";stroke-dasharray:4 4;fill:none}"
        css += ".ac-frame{fill:none;" + themed("stroke", "chart-grid", "#E8EBEF") + "}"
        css += ".ac-cell-text{font-size:11px;font-variant-numeric:tabular-nums}"
        css += ".ac-node{" + themed("fill", "chart-node", "#F6F8FA") + ";" + themed("stroke", "chart-axis", "#8C959F") + "}"
        css += ".ac-node-run{" + themed("fill", "chart-node-run", "#DDF4FF") + ";stroke:currentColor}"
        css += ".ac-edge{fill:none;" + themed("stroke", "chart-axis", "#8C959F") + ";stroke-width:1.2}"
        css += ".ac .run:hover .ac-line{stroke-width:2.75;opacity:1}"
        for slot in 0..<Palette.count {
            css += ".ac-c\(slot){" + themed("color", "series-\(slot)", Palette.light[slot]) + "}"
        }
        return css
    }()

    /// `property:fallback;property:var(--variable,fallback)`: renderers without CSS
    /// variables (librsvg, some viewers) drop the second declaration and keep the first.
    static func themed(_ property: String, _ variable: String, _ fallback: String) -> String {
        "\(property):\(fallback);\(property):var(--\(variable),\(fallback))"
    }

    /// CSS custom properties for a light theme on `:root` and a dark theme on
    /// `[data-theme=dark]`, for pages that embed charts.
    public static let pageVariablesCSS: String = {
        var css = ":root{--chart-bg:#FFFFFF;--chart-text:#1F2328;--chart-muted:#656D76;--chart-grid:#E8EBEF;"
        css += "--chart-axis:#8C959F;--chart-band:#8C959F;--chart-node:#F6F8FA;--chart-node-run:#DDF4FF;"
        for (slot, hex) in Palette.light.enumerated() { css += "--series-\(slot):\(hex);" }
        css += "}\n[data-theme=dark]{--chart-bg:#0D1117;--chart-text:#E6EDF3;--chart-muted:#9198A1;--chart-grid:#21262D;"
        css += "--chart-axis:#3D444D;--chart-band:#9198A1;--chart-node:#161B22;--chart-node-run:#0C2D4A;"
        for (slot, hex) in Palette.dark.enumerated() { css += "--series-\(slot):\(hex);" }
        css += "}\n"
        return css
    }()
}
