import ArtifactaSite
import Foundation

/// Shows build progress on one rewritten line when standard error is a terminal, and one
/// line per project otherwise.
final class ProgressDisplay: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1

    func show(_ progress: SiteProgress) {
        let steps = progress.stepCount > 0 ? " (\(progress.stepsDone)/\(progress.stepCount) steps)" : ""
        let text = "[project \(progress.projectIndex + 1)/\(progress.projectCount)] \(progress.project): \(progress.step)\(steps) — "
            + "\(progress.pagesWritten) pages, \(progress.chartsDrawn) charts"
        if isTerminal {
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
        } else if progress.step == "reading" {
            FileHandle.standardError.write(Data("\(text)\n".utf8))
        }
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
