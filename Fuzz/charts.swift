import ArtifactaCharts
import ArtifactaCore

/// libFuzzer target: the chart renderer. The input's bytes become a small line chart,
/// heatmap or histogram (numbers drawn from raw bit patterns, so NaN, ±Infinity, subnormals
/// and huge values all occur; labels from markup characters); its SVG must be well-formed,
/// quote every attribute and hold no NaN or infinite coordinate.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCharts(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let svg: String
    switch input.byte() % 3 {
    case 0:
        var runs: [LineChartRun] = []
        for run in 0..<(1 + Int(input.byte() % 3)) {
            let count = Int(input.byte() % 48)
            let y = (0..<count).map { _ in input.number() }
            let x = input.byte() % 2 == 0 ? nil : (0..<count).map { _ in input.number() }
            runs.append(LineChartRun(runID: "r\(run)", name: input.label(), colorIndex: run, x: x, y: y, emphasized: run == 0))
        }
        let smoothing = input.byte() % 2 == 0 ? nil : Double(input.byte()) / 256
        svg = LineChart(title: input.label(), xLabel: input.label(), yLabel: input.label(), runs: runs,
                        yAxis: input.byte() % 2 == 0 ? .linear : .log, smoothing: smoothing).svg()
    case 1:
        let rows = 1 + Int(input.byte() % 6), cols = 1 + Int(input.byte() % 6)
        let matrix = Matrix(
            rows: (0..<rows).map { _ in input.label() }, cols: (0..<cols).map { _ in input.label() },
            values: (0..<rows).map { _ in (0..<cols).map { _ in input.number() } })
        svg = HeatmapChart(title: input.label(), matrix: matrix, normalizeRows: input.byte() % 2 == 0).svg()
    default:
        let count = 1 + Int(input.byte() % 96)
        let values = (0..<count).map { _ in input.number() }
        let groups = input.byte() % 2 == 0 ? nil : (0..<count).map { _ in String(input.byte() % 4) }
        svg = HistogramChart(title: input.label(), distribution: Distribution(values: values, groups: groups), xLabel: input.label(),
                             groupLayout: input.byte() % 2 == 0 ? .overlaid : .sideBySide).svg()
    }
    if let problem = MarkupCheck.problem(in: svg, numeric: true) {
        fatalError("chart SVG is malformed: \(problem)\n\(svg.prefix(2_000))")
    }
    return 0
}

/// Reads fuzz bytes as chart inputs; past the end every read is zero.
struct FuzzInput {
    var bytes: [UInt8]
    var position = 0

    mutating func byte() -> UInt8 {
        defer { position += 1 }
        return position < bytes.count ? bytes[position] : 0
    }

    /// Mostly small values on a 1/4 grid; a quarter of the time any 64-bit pattern.
    mutating func number() -> Double {
        let selector = byte()
        if selector < 64 {
            var bits: UInt64 = 0
            for _ in 0..<8 { bits = bits << 8 | UInt64(byte()) }
            return Double(bitPattern: bits)
        }
        return Double(Int8(bitPattern: byte())) / 4 * (selector > 240 ? 1e6 : 1)
    }

    /// Short text of markup characters, never spelling "nan" or "inf".
    mutating func label() -> String {
        let alphabet = Array("<>&\"' xyz/=;:-\u{0}é😀")
        return String((0..<Int(byte() % 8)).map { _ in alphabet[Int(byte()) % alphabet.count] })
    }
}
