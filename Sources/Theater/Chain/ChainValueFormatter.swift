import ComponentModel

/// Renders component values on one line for event summaries (`theater events`): WAVE
/// (reusing `WAVE.format` for every leaf), except that byte lists show as a quoted
/// string when they are printable UTF-8 and as `0x...` hex otherwise, and any long
/// string or byte list is cut at `limit` characters with the total size noted.
enum ChainValueFormatter {
    /// The default cut-off for one string or byte list.
    static let defaultLimit = 80

    /// One value on one line.
    static func format(_ value: ComponentValue, limit: Int = defaultLimit) -> String {
        if let bytes = value.chainByteListContents { return format(bytes: bytes, limit: limit) }
        switch value {
        case .string(let text): return format(text: text, limit: limit)
        case .list(let items): return "[" + format(items, limit: limit) + "]"
        case .bytes: return "[]"
        case .tuple(let items): return "(" + format(items, limit: limit) + ")"
        case .record(let fields):
            return "{" + fields.map { label($0.label) + ": " + format($0.value, limit: limit) }.joined(separator: ", ") + "}"
        case .variant(let name, let payload): return label(name) + (payload.map { "(" + format($0, limit: limit) + ")" } ?? "")
        case .option(let payload): return payload.map { "some(" + format($0, limit: limit) + ")" } ?? "none"
        case .result(.ok(let payload)): return "ok" + (payload.map { "(" + format($0, limit: limit) + ")" } ?? "")
        case .result(.error(let payload)): return "err" + (payload.map { "(" + format($0, limit: limit) + ")" } ?? "")
        case .bool, .s8, .u8, .s16, .u16, .s32, .u32, .s64, .u64, .f32, .f64, .char, .enum, .flags, .own, .borrow:
            return WAVE.format(value)
        }
    }

    /// Values separated by commas.
    static func format(_ values: [ComponentValue], limit: Int = defaultLimit) -> String {
        values.map { format($0, limit: limit) }.joined(separator: ", ")
    }

    /// Raw bytes: a quoted string when they are printable UTF-8, else hex; cut past `limit`.
    static func format(bytes: [UInt8], limit: Int = defaultLimit) -> String {
        if let text = String(validating: bytes, as: UTF8.self), isPrintable(text) {
            return format(text: text, limit: limit, totalBytes: bytes.count)
        }
        let shown = max(limit / 2, 1)
        if bytes.count <= shown { return "0x" + ChainHash.hex(bytes) }
        return "0x" + ChainHash.hex(bytes.prefix(shown)) + "…(\(bytes.count) bytes)"
    }

    /// A string in WAVE quotes, cut past `limit` characters.
    private static func format(text: String, limit: Int, totalBytes: Int? = nil) -> String {
        guard text.count > limit else { return WAVE.format(.string(text)) }
        let shown = WAVE.format(.string(String(text.prefix(limit))))
        return shown + "…(\(totalBytes ?? text.utf8.count) bytes)"
    }

    /// A label as WAVE writes it (keywords get a `%`).
    private static func label(_ name: String) -> String {
        WAVE.format(.enum(name))
    }

    /// Text with no control characters other than newline, tab and carriage return.
    private static func isPrintable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: return true
            case 0x00..<0x20, 0x7F..<0xA0: return false
            default: return scalar.properties.generalCategory != .unassigned
            }
        }
    }
}
