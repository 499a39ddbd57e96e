import ArtifactaCore
import Testing

@Suite struct PrimitiveRoundTripTests {
    static let examples: [(PrimitiveType, String)] = [
        (.series, #"{"index":"step","fields":{"loss":[0.5,NaN,0.2],"step":[1,2,3]}}"#),
        (.distribution, #"{"values":[1,2.5,-Infinity],"groups":["a","b","a"]}"#),
        (.scatter, #"{"x":[1,2,3,4],"y":[2,4,6,8],"labels":["A","B","C","D"],"sizes":[1,2,3,4],"colors":["r","g","r","g"]}"#),
        (.matrix, #"{"rows":["True A","True B"],"cols":["Class A","Class B"],"values":[[10,2],[3,15]]}"#),
        (.curve, #"{"x":[0,0.5,1],"y":[0,0.8,1],"x_label":"False Positive Rate","y_label":"True Positive Rate","baseline":"diagonal","metric":{"name":"AUC","value":0.93}}"#),
        (.barChart, #"{"categories":["ResNet-50","ViT"],"groups":{"accuracy":[0.85,0.9],"f1":[0.83,0.89]},"x_label":"Model","y_label":"Score","stacked":false}"#),
        (.table, #"{"columns":[{"name":"Chromosome","type":"string"},{"name":"Position","type":"number"},{"name":"ok","type":"boolean"}],"data":[["chr1",12345678,true],["chr2",NaN,null]]}"#),
    ]

    @Test(arguments: examples)
    func `every primitive survives decode and encode unchanged`(type: PrimitiveType, json: String) throws {
        let primitive = try Primitive(type: type, data: try JSONParser.parse(json))
        #expect(primitive.type == type)
        #expect(primitive.json.jsonText == json)
    }

    @Test func `NaN and infinities spelled as strings decode as numbers`() throws {
        let primitive = try Primitive(type: .distribution, data: try JSONParser.parse(#"{"values":["NaN","Infinity","-Infinity",1]}"#))
        #expect(primitive.json.jsonText == #"{"values":[NaN,Infinity,-Infinity,1]}"#)
    }

    @Test func `sections come from the section, else the name prefix, else General`() throws {
        let series = Series(fields: ["x": [1]])
        #expect(try Entry(name: "train/loss", section: "custom", primitive: .series(series)).displaySection == "custom")
        #expect(try Entry(name: "train/loss", primitive: .series(series)).displaySection == "train")
        #expect(try Entry(name: "loss", primitive: .series(series)).displaySection == "General")
        #expect(try Entry(name: "/loss", primitive: .series(series)).displaySection == "General")
    }

    @Test func `nested config keys flatten with dots in order`() {
        let config: JSONValue = ["optim": ["lr": 0.1, "betas": [0.9, 0.99]], "seed": 3, "empty": [:]]
        let flat = ConfigFlattening.flatten(config)
        #expect(flat.map(\.key) == ["optim.lr", "optim.betas", "seed", "empty"])
    }
}
