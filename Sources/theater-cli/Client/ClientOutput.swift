import Foundation
import Theater

/// How a client command prints: text for a person (aligned columns, colour only when
/// standard output is a terminal and `NO_COLOR` is unset) or one JSON document.
struct ClientOutput {
    /// Print JSON instead of text.
    let json: Bool
    /// Colour escapes are used.
    let colour: Bool

    init(json: Bool, colour: Bool = ClientOutput.terminalWantsColour()) {
        self.json = json
        self.colour = colour && !json
    }

    /// True when standard output is a terminal and the user did not ask for no colour.
    static func terminalWantsColour() -> Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Prints a line of text.
    func line(_ text: String) {
        print(text)
    }

    /// Prints `value` as one JSON document on one line.
    func document(_ value: ManagementJSON) {
        print(String(decoding: ManagementJSONWriter.encode(value), as: UTF8.self))
        fflush(stdout)
    }

    /// `text` in bold (when colour is on).
    func bold(_ text: String) -> String { paint(text, "1") }
    /// `text` dimmed (when colour is on).
    func dim(_ text: String) -> String { paint(text, "2") }
    /// `text` in green (good news: running, sent).
    func green(_ text: String) -> String { paint(text, "32") }
    /// `text` in red (failures).
    func red(_ text: String) -> String { paint(text, "31") }
    /// `text` in yellow (stopped, warnings).
    func yellow(_ text: String) -> String { paint(text, "33") }
    /// `text` in cyan (ids, event types).
    func cyan(_ text: String) -> String { paint(text, "36") }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
