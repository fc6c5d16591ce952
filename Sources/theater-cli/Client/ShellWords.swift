/// Splits a line of the interactive shell into words the way a POSIX shell does for simple
/// commands: blanks separate words; 'single quotes' keep everything literally; "double
/// quotes" keep blanks and allow \" \\ \$ \`; a backslash outside quotes escapes the next
/// character. No expansions, pipes or redirections.
enum ShellWords {
    /// A line that cannot be split.
    struct Failure: Error, CustomStringConvertible, Equatable {
        let description: String
    }

    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            switch character {
            case " ", "\t":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            case "'":
                inWord = true
                var closed = false
                while let next = iterator.next() {
                    if next == "'" { closed = true; break }
                    current.append(next)
                }
                if !closed { throw Failure(description: "unterminated single quote in: \(line)") }
            case "\"":
                inWord = true
                var closed = false
                while let next = iterator.next() {
                    if next == "\"" { closed = true; break }
                    if next == "\\" {
                        guard let escaped = iterator.next() else { break }
                        if !"\"\\$`".contains(escaped) { current.append("\\") }
                        current.append(escaped)
                    } else {
                        current.append(next)
                    }
                }
                if !closed { throw Failure(description: "unterminated double quote in: \(line)") }
            case "\\":
                inWord = true
                guard let escaped = iterator.next() else { throw Failure(description: "a backslash ends the line: \(line)") }
                current.append(escaped)
            default:
                inWord = true
                current.append(character)
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
