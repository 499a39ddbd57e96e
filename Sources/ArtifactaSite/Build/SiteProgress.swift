/// Where a build is, for a progress display.
public struct SiteProgress: Sendable {
    public var project: String
    public var projectIndex: Int
    public var projectCount: Int
    public var step: String
    public var pagesWritten: Int
    public var chartsDrawn: Int
    /// How long the step that just ended took (steps of a project run at the same time).
    public var stepSeconds: Double? = nil
}
