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
    /// Steps of this project done so far, of ``stepCount`` (0 of 0 while reading).
    public var stepsDone = 0
    public var stepCount = 0
}
