import ArtifactaCore
import Testing

/// Every bad entry gets a message naming the field and index, as the wire decoder and the Swift initialisers say it.
@Suite struct ValidationTests {
    @Test(arguments: [
        (#"{"name": "training", "primitive_type": "Series", "data": {"fields": {"loss": [0.5, 0.3, 0.2], "accuracy": [0.6, 0.8]}}}"#,
         #"Series "training": field "accuracy" has 2 values but "loss" has 3"#),
        (#"{"name": "m", "primitive_type": "Series", "data": {"fields": {"loss": [0.5, "x"]}}}"#,
         #"Series "m": field "loss" value 1 is "x", not a number"#),
        (#"{"name": "m", "primitive_type": "Series", "data": {"fields": {}}}"#,
         #"Series "m": fields must hold at least one field"#),
        (#"{"name": "m", "primitive_type": "Series", "data": {"fields": {"loss": []}}}"#,
         #"Series "m": fields hold no values"#),
        (#"{"name": "m", "primitive_type": "Series", "data": {"fields": {"loss": 3}}}"#,
         #"Series "m": field "loss" must be an array of numbers, not a number"#),
        (#"{"name": "m", "primitive_type": "Series", "data": {"fields": {"loss": [1]}, "colour": 1}}"#,
         #"Series "m": unknown field "colour" in Series data (expected: index, fields)"#),
        (#"{"name": "", "primitive_type": "Series", "data": {"fields": {"loss": [1]}}}"#,
         "Series: entry name must not be empty"),
        (#"{"name": "w", "primitive_type": "Histogram", "data": {}}"#,
         #"unknown primitive_type "Histogram" (known: Series, Distribution, Scatter, Matrix, Curve, BarChart, Table)"#),
        (#"{"name": "w", "primitive_type": "Distribution", "data": {"values": [1, null]}}"#,
         #"Distribution "w": field "values" value 1 is null, not a number"#),
        (#"{"name": "w", "primitive_type": "Distribution", "data": {"values": [1, 2], "groups": ["a"]}}"#,
         #"Distribution "w": field "groups" has 1 values but "values" has 2"#),
        (#"{"name": "e", "primitive_type": "Scatter", "data": {"x": [1, 2, 3], "y": [2, 4, 6], "labels": ["A", "B"]}}"#,
         #"Scatter "e": field "labels" has 2 values but "x" has 3"#),
        (#"{"name": "c", "primitive_type": "Matrix", "data": {"rows": ["a", "b"], "cols": ["x", "y"], "values": [[1, 2], [3]]}}"#,
         #"Matrix "c": field "values" row 1 has 1 columns but "cols" has 2 labels"#),
        (#"{"name": "c", "primitive_type": "Matrix", "data": {"rows": ["a"], "cols": ["x"], "values": [[1], [2]]}}"#,
         #"Matrix "c": field "values" has 2 rows but "rows" has 1 labels"#),
        (#"{"name": "roc", "primitive_type": "Curve", "data": {"x": [0, 1], "y": [0, 1], "baseline": "random"}}"#,
         #"Curve "roc": field "baseline" must be "diagonal", not "random""#),
        (#"{"name": "roc", "primitive_type": "Curve", "data": {"x": [0, 1], "y": [0]}}"#,
         #"Curve "roc": field "y" has 1 values but "x" has 2"#),
        (#"{"name": "b", "primitive_type": "BarChart", "data": {"categories": ["a", "b"], "groups": {"acc": [1]}}}"#,
         #"BarChart "b": field "acc" has 1 values but "categories" has 2"#),
        (#"{"name": "t", "primitive_type": "Table", "data": {"columns": [{"name": "n", "type": "number"}], "data": [["x"]]}}"#,
         #"Table "t": row 0 column "n" is "x", not a number"#),
        (#"{"name": "t", "primitive_type": "Table", "data": {"columns": [{"name": "n", "type": "number"}], "data": [[1, 2]]}}"#,
         "Table \"t\": row 0 has 2 cells but there are 1 columns"),
        (#"{"name": "t", "primitive_type": "Table", "data": {"columns": [{"name": "n", "type": "date"}], "data": []}}"#,
         #"Table "t": columns[0] has type "date"; use "string", "number" or "boolean""#),
    ])
    func `bad entries are rejected with a message naming field and index`(json: String, message: String) throws {
        let value = try JSONParser.parse(json)
        #expect(throws: ValidationError(message)) { try Entry(json: value) }
    }

    @Test func `the Swift initialiser gives the same message as the wire decoder`() {
        let series = Series(fields: ["loss": [0.5, 0.3, 0.2], "accuracy": [0.6, 0.8]])
        #expect(throws: ValidationError(#"Series "training": field "accuracy" has 2 values but "loss" has 3"#)) {
            try Entry(name: "training", primitive: .series(series))
        }
    }

    @Test(arguments: [
        (#"{"project": "p", "name": "n", "config": [1, 2]}"#, "config must be a JSON object, not an array"),
        (#"{"run_id": "../etc", "project": "p", "name": "n"}"#,
         #"run_id "../etc" may hold only letters, digits, '.', '_' and '-', and not start with '.'"#),
        (#"{"project": "", "name": "n"}"#, "project must not be empty"),
        (#"{"project": "p", "name": "a\u0000b"}"#, #"run name "a\u0000b" contains the control character U+0000"#),
    ])
    func `bad run starts are rejected`(json: String, message: String) throws {
        #expect(throws: ValidationError(message)) { try RunStart(json: try JSONParser.parse(json)) }
    }

    @Test func `overlong names are rejected with their length`() {
        let name = String(repeating: "x", count: 300)
        #expect(throws: ValidationError("run name is 300 characters long; the limit is 256")) {
            try RunStart(project: "p", name: name)
        }
    }

    @Test(arguments: ["../x", "/abs", "a//b", "a/./b", "a\\b", ""])
    func `artifact file paths that could escape are rejected`(path: String) {
        #expect(throws: ValidationError.self) { try ArtifactPath.validateRelativePath(path) }
    }
}
