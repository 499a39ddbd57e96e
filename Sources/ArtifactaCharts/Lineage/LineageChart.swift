/// A lineage graph drawn as SVG: artifact and run boxes in layers, curved edges labelled by role.
public struct LineageChart: SVGChart {
    public var title: String
    public var graph: LineageGraph
    /// Edge labels are written on the edges up to this many edges (always in the tooltip).
    public var edgeLabelLimit: Int
    /// Nodes beyond this many are left out (and said so).
    public var maxNodes: Int

    public init(title: String, graph: LineageGraph, edgeLabelLimit: Int = 60, maxNodes: Int = 400) {
        self.title = title
        self.graph = graph
        self.edgeLabelLimit = edgeLabelLimit
        self.maxNodes = maxNodes
    }

    /// The chart as a standalone SVG document; its width and height follow the graph. It stays
    /// under ``ChartLimits/maxBytes``: past it, fewer nodes are drawn (and the note says so).
    public func document() -> SVGDocument {
        guard !graph.nodes.isEmpty else { return ChartCanvas.message("No lineage recorded", title: title, width: 520, height: 180) }
        var limit = maxNodes
        var output = render(nodeLimit: limit)
        while output.utf8.count > ChartLimits.maxBytes, limit > 1 {
            limit = limit * 3 / 4
            output = render(nodeLimit: limit)
        }
        return output
    }

    private func render(nodeLimit: Int) -> SVGDocument {
        let kept = LineageGraph(nodes: Array(graph.nodes.prefix(nodeLimit)), edges: graph.edges)
        let top = ChartCanvas.titleHeight + 10
        let layout = LineageLayout(graph: kept, top: top)
        let width = max(360, layout.width), height = max(140, layout.height)
        let runCount = layout.boxes.filter { $0.node.kind == .run }.count
        let artifactCount = layout.boxes.count - runCount
        var note = "\(runCount) run\(runCount == 1 ? "" : "s") · \(artifactCount) artifact\(artifactCount == 1 ? "" : "s")"
        if graph.nodes.count > kept.nodes.count { note = "first \(kept.nodes.count) of \(graph.nodes.count) nodes" }
        let summary = "Lineage \(title): \(note), \(layout.edges.count) links"
        var canvas = ChartCanvas(width: width, height: height, title: title, summary: summary, note: note)
        let labelEdges = layout.edges.count <= edgeLabelLimit
        var placedLabels: [(x: Double, y: Double, width: Double)] = []
        canvas.writer.open("g", ["class": "ac-edges"])
        for edge in layout.edges {
            let from = layout.boxes[edge.from], to = layout.boxes[edge.to]
            let start = (from.x + from.width, from.y + from.height / 2), end = (to.x, to.y + to.height / 2)
            let bend = max(30, (end.0 - start.0) / 2)
            var d = "M" + SVGNumber.text(start.0) + " " + SVGNumber.text(start.1)
            d += "C" + SVGNumber.text(start.0 + bend) + " " + SVGNumber.text(start.1) + " " + SVGNumber.text(end.0 - bend) + " "
            d += SVGNumber.text(end.1) + " " + SVGNumber.text(end.0 - 5) + " " + SVGNumber.text(end.1)
            canvas.writer.open("g", ["class": "ac-link"])
            canvas.writer.title("\(from.node.label) → \(to.node.label) (\(edge.role))")
            canvas.writer.leaf("path", ["class": "ac-edge", "d": d])
            let arrow = "M\(SVGNumber.text(end.0 - 6)) \(SVGNumber.text(end.1 - 4))L\(SVGNumber.text(end.0)) \(SVGNumber.text(end.1))L\(SVGNumber.text(end.0 - 6)) \(SVGNumber.text(end.1 + 4))Z"
            canvas.writer.leaf("path", ["class": "ac-arrow", "d": arrow])
            if labelEdges, let mid = Self.labelPosition(
                edge.role, curve: [start, (start.0 + bend, start.1), (end.0 - bend, end.1), end], avoiding: &placedLabels,
                boxes: layout.boxes)
            {
                canvas.writer.element(
                    "text",
                    ["class": "ac-muted ac-halo", "x": SVGNumber.text(mid.0), "y": SVGNumber.text(mid.1), "text-anchor": "middle",
                     "font-size": "10"],
                    content: edge.role)
            }
            canvas.writer.close("g")
        }
        canvas.writer.close("g")
        for box in layout.boxes { drawNode(box, on: &canvas) }
        return canvas.finish()
    }

    /// A point along the edge's curve where its label overlaps no earlier label and no box,
    /// trying the middle first; `nil` when there is none (the tooltip still names the role).
    static func labelPosition(
        _ text: String, curve: [(Double, Double)], avoiding placed: inout [(x: Double, y: Double, width: Double)],
        boxes: [LineageLayout.Box]
    ) -> (Double, Double)? {
        let width = TextMeasure.width(text, fontSize: 10) + 4
        for t in [0.5, 0.38, 0.62, 0.26, 0.74] {
            let u = 1 - t
            let x = u * u * u * curve[0].0 + 3 * u * u * t * curve[1].0 + 3 * u * t * t * curve[2].0 + t * t * t * curve[3].0
            let y = u * u * u * curve[0].1 + 3 * u * u * t * curve[1].1 + 3 * u * t * t * curve[2].1 + t * t * t * curve[3].1 - 4
            let clashesLabel = placed.contains { abs($0.x - x) < ($0.width + width) / 2 && abs($0.y - y) < 12 }
            let clashesBox = boxes.contains { box in
                x + width / 2 > box.x && x - width / 2 < box.x + box.width && y > box.y - 2 && y - 10 < box.y + box.height
            }
            if !clashesLabel && !clashesBox {
                placed.append((x, y, width))
                return (x, y)
            }
        }
        return nil
    }

    private func drawNode(_ box: LineageLayout.Box, on canvas: inout ChartCanvas) {
        let isRun = box.node.kind == .run
        var attributes: [(String, String)] = [("class", isRun ? "run ac-lineage-run " + Palette.colorClass(box.node.colorIndex) : "ac-lineage-artifact")]
        attributes.append((isRun ? "data-run" : "data-artifact", box.node.id))
        if let href = box.node.href { canvas.writer.open("a", ["href": href, "class": "ac-node-link"]) }
        canvas.writer.open("g", attributeList: attributes)
        canvas.writer.title((isRun ? "Run " : "Artifact ") + box.node.label + (box.node.detail.map { "\n" + $0 } ?? ""))
        canvas.writer.leaf("rect", [
            "class": isRun ? "ac-node-run" : "ac-node", "x": SVGNumber.text(box.x), "y": SVGNumber.text(box.y),
            "width": SVGNumber.text(box.width), "height": SVGNumber.text(box.height), "rx": isRun ? "15" : "4",
        ])
        if isRun {
            canvas.writer.leaf("circle", [
                "class": "ac-dot", "cx": SVGNumber.text(box.x + 11), "cy": SVGNumber.text(box.y + 15), "r": "4",
            ])
        }
        let textX = isRun ? box.x + 20 : box.x + 12
        canvas.writer.element(
            "text", ["x": SVGNumber.text(textX), "y": SVGNumber.text(box.y + 19), "font-size": "12", "font-weight": isRun ? "600" : ""],
            content: box.label)
        if let detail = box.node.detail {
            let fitted = TextMeasure.truncatedEnd(detail, maxWidth: LineageLayout.maxLabelWidth, fontSize: 10)
            canvas.writer.element(
                "text", ["class": "ac-muted", "x": SVGNumber.text(textX), "y": SVGNumber.text(box.y + 33), "font-size": "10"],
                content: fitted.text)
        }
        canvas.writer.close("g")
        if box.node.href != nil { canvas.writer.close("a") }
    }
}
