import ArgumentParser

/// How a command that streams events prints each one.
enum EventFormat: String, ExpressibleByArgument, CaseIterable {
    /// Time, type and summary in aligned columns (coloured on a terminal).
    case pretty
    /// Type and summary only, one short line per event.
    case compact
    /// One JSON object per line (JSON Lines), for scripts.
    case json
}
