import Foundation

/// Polls a project's sources (`ProjectSources`) for changes by modification time and size:
/// no inotify or FSEvents, so it works the same everywhere, at the cost of one `stat` per
/// watched file per poll.
///
/// A change is reported once the files have settled (two polls in a row see the same
/// files), so that an editor's save in several steps, or a `git checkout`, makes one
/// rebuild rather than several.
final class SourceWatcher {
    /// The files watched.
    let sources: ProjectSources
    /// The time between two polls.
    let interval: Duration
    /// The files as the last reported change (or the start) left them.
    private(set) var baseline: SourceSnapshot

    /// Starts watching: the files as they are now are the baseline.
    init(sources: ProjectSources, interval: Duration) throws(CommandFailure) {
        self.sources = sources
        self.interval = interval
        baseline = try sources.snapshot()
    }

    /// Waits for the next settled change and returns the paths that changed (absolute,
    /// sorted); nil once `stopped` returns true (checked at every poll).
    func nextChange(stopped: () -> Bool) async throws(CommandFailure) -> [String]? {
        while !stopped() {
            try? await Task.sleep(for: interval)
            if stopped() { return nil }
            var current = try sources.snapshot()
            guard current != baseline else { continue }
            // Settle: poll until nothing moves between two polls.
            while true {
                try? await Task.sleep(for: interval)
                if stopped() { return nil }
                let next = try sources.snapshot()
                if next == current { break }
                current = next
            }
            let changed = current.changes(since: baseline)
            baseline = current
            if !changed.isEmpty { return changed }
        }
        return nil
    }
}
