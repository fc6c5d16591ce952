/// Expands `${VAR}` and `${VAR:-default}` in manifest strings from an environment.
///
/// - `${VAR}` is the value of `VAR`; an unset `VAR` is an error (a set but empty one
///   gives the empty string).
/// - `${VAR:-default}` is the value of `VAR` when it is set and not empty, otherwise
///   `default` (taken literally up to the first `}`: defaults do not nest).
/// - `$${` is a literal `${`; any other `$` is kept as it is.
/// - Names are `[A-Za-z_][A-Za-z0-9_]*`.
///
/// Substitution runs on string *values* after TOML parsing, so a value can never change
/// the TOML structure around it.
enum VariableSubstitution {
    /// What went wrong in one string; the caller adds the file, line and field.
    struct Failure: Error, Equatable {
        let message: String
    }

    /// Returns `text` with every reference replaced.
    static func expand(_ text: String, environment: [String: String]) throws(Failure) -> String {
        let bytes = Array(text.utf8)
        // Fast path: most strings reference nothing.
        guard bytes.contains(UInt8(ascii: "$")) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        let dollar = UInt8(ascii: "$"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == dollar else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 2 < bytes.count, bytes[index + 1] == dollar, bytes[index + 2] == open {
                output.append(contentsOf: [dollar, open])
                index += 3
                continue
            }
            guard index + 1 < bytes.count, bytes[index + 1] == open else {
                output.append(byte)
                index += 1
                continue
            }
            guard let closeIndex = bytes[(index + 2)...].firstIndex(of: close) else {
                let rest = String(decoding: bytes[index...].prefix(30), as: UTF8.self)
                throw Failure(message: "\"\(rest)\" has no closing }; close the reference with } or write $${ for a literal ${")
            }
            let body = String(decoding: bytes[(index + 2)..<closeIndex], as: UTF8.self)
            output.append(contentsOf: try resolve(body, environment: environment).utf8)
            index = closeIndex + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The value of one `${body}` reference.
    private static func resolve(_ body: String, environment: [String: String]) throws(Failure) -> String {
        let name: String
        let fallback: String?
        if let separator = body.range(of: ":-") {
            name = String(body[..<separator.lowerBound])
            fallback = String(body[separator.upperBound...])
        } else {
            name = body
            fallback = nil
        }
        guard isValidName(name) else {
            throw Failure(message: "${\(body)} does not name an environment variable (names are letters, digits and _, not starting with a digit); write ${NAME} or ${NAME:-default}, or $${ for a literal ${")
        }
        if let fallback {
            if let value = environment[name], !value.isEmpty { return value }
            return fallback
        }
        guard let value = environment[name] else {
            throw Failure(message: "environment variable \(name) is not set; set it, or give a default with ${\(name):-default}")
        }
        return value
    }

    private static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(first >= 0x30 && first <= 0x39) else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }
    }
}
