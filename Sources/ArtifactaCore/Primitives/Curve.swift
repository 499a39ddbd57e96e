/// An x–y relationship such as a ROC or precision–recall curve.
public struct Curve: Sendable {
    public var x: [Double]
    public var y: [Double]
    public var xLabel: String?
    public var yLabel: String?
    /// A reference line to draw; only `"diagonal"` is known.
    public var baseline: String?
    /// A summary number shown with the curve, such as `AUC 0.93`.
    public var metric: CurveMetric?

    public init(
        x: [Double], y: [Double], xLabel: String? = nil, yLabel: String? = nil, baseline: String? = nil,
        metric: CurveMetric? = nil
    ) {
        self.x = x
        self.y = y
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.baseline = baseline
        self.metric = metric
    }

    public func validate() throws(ValidationError) {
        if x.isEmpty { throw ValidationError("field \"x\" is empty") }
        try requireEqualLengths([("x", x.count), ("y", y.count)])
        if let baseline, baseline != "diagonal" {
            throw ValidationError("field \"baseline\" must be \"diagonal\", not \(NameRules.quoted(baseline))")
        }
        if let metric { try NameRules.validate(metric.name, as: "metric name") }
    }

    public init(json: JSONValue) throws(ValidationError) {
        let object = try JSONFields(
            json, what: "Curve data", allowed: ["x", "y", "x_label", "y_label", "baseline", "metric"])
        var metric: CurveMetric?
        if let metricJSON = object.optional("metric") {
            let fields = try JSONFields(metricJSON, what: "field \"metric\"", allowed: ["name", "value"])
            guard let value = JSONFields.number(try fields.required("value")) else {
                throw ValidationError("field \"metric.value\" must be a number")
            }
            metric = CurveMetric(name: try fields.string("name"), value: value)
        }
        self.init(
            x: try object.numbers("x"), y: try object.numbers("y"), xLabel: try object.optionalString("x_label"),
            yLabel: try object.optionalString("y_label"), baseline: try object.optionalString("baseline"),
            metric: metric)
        try validate()
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("x", jsonNumbers(x)), ("y", jsonNumbers(y))]
        if let xLabel { pairs.append(("x_label", .string(xLabel))) }
        if let yLabel { pairs.append(("y_label", .string(yLabel))) }
        if let baseline { pairs.append(("baseline", .string(baseline))) }
        if let metric { pairs.append(("metric", .object([("name", .string(metric.name)), ("value", .number(metric.value))]))) }
        return .object(pairs)
    }
}

/// The named summary number of a ``Curve``.
public struct CurveMetric: Sendable {
    public var name: String
    public var value: Double

    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}
