import Foundation

/// What `--summary` writes: a GitHub-flavoured Markdown report for CI job summaries and PR comments.
public struct SummaryOptions: Sendable {
    /// Where the Markdown goes.
    public var file: URL
    /// The metric that picks the best run: a Series field (`val_loss`, `metrics/val_loss`)
    /// or a Curve metric (`AUC`); the first Series field when nil.
    public var metric: String?
    /// `min` or `max`; guessed from the metric's name when nil.
    public var goal: Goal?
    /// The address the site will be published at; links are relative to the summary file when nil.
    public var siteURL: String?

    public enum Goal: String, Sendable {
        case min, max
    }

    public init(file: URL, metric: String? = nil, goal: Goal? = nil, siteURL: String? = nil) {
        self.file = file
        self.metric = metric
        self.goal = goal
        self.siteURL = siteURL
    }
}
