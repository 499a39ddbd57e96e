@testable import ArtifactaSite
import Testing

@Suite struct CSVWriterTests {
    @Test func `fields with commas, quotes or line breaks are quoted, whatever the line break`() {
        let csv = CSVWriter.csv(header: ["a", "b"], rows: [["plain", "x,y"], ["say \"hi\"", "one\r\ntwo"], ["lf\nonly", "cr\ronly"]])
        #expect(csv == "a,b\r\nplain,\"x,y\"\r\n\"say \"\"hi\"\"\",\"one\r\ntwo\"\r\n\"lf\nonly\",\"cr\ronly\"\r\n")
    }

    @Test func `header text that a spreadsheet would run is defused`() {
        #expect(CSVWriter.csv(header: ["=1+1", "-x", "ok"], rows: []) == "'=1+1,'-x,ok\r\n")
    }
}
