@testable import Artifacta
import Testing

@Suite struct EntryBufferTests {
    @Test func `consecutive appends to one series merge into one write`() throws {
        var buffer = EntryBuffer()
        for step in 0..<5 {
            buffer.append(try Entry(name: "m", primitive: .series(Series(index: "step", fields: ["step": [Double(step)], "loss": [1]]))))
            buffer.append(try Entry(name: "d\(step)", primitive: .distribution(Distribution(values: [1]))))
        }
        let entries = buffer.drain()
        #expect(entries.map(\.name) == ["m", "d0", "d1", "d2", "d3", "d4"])
        guard case .series(let series) = entries[0].primitive else { Issue.record("not a series"); return }
        #expect(series.fields.first?.values == [0, 1, 2, 3, 4])
        #expect(buffer.isEmpty)
    }

    @Test func `merging series with different fields pads with NaN`() throws {
        var buffer = EntryBuffer()
        buffer.append(try Entry(name: "m", primitive: .series(Series(fields: ["a": [1, 2]]))))
        buffer.append(try Entry(name: "m", primitive: .series(Series(fields: ["b": [3]]))))
        let entries = buffer.drain()
        #expect(entries.count == 1)
        guard case .series(let merged) = entries[0].primitive else { Issue.record("not a series"); return }
        #expect(merged.fields.map(\.name) == ["a", "b"])
        #expect(merged.fields[0].values.count == 3 && merged.fields[0].values[2].isNaN)
        #expect(merged.fields[1].values[0].isNaN && merged.fields[1].values[2] == 3)
    }
}
