/// One lexical token of WIT (see the "Lexical structure" section of WIT.md).
struct WitToken: Equatable {
    /// What the token is.
    enum Kind: Equatable {
        /// A kebab-case identifier; `explicit` is true when it was written with a leading `%`
        /// (which lets keywords be used as names).
        case identifier(String, explicit: Bool)
        /// A reserved word such as `interface` or `u32`.
        case keyword(WitKeyword)
        /// A run of decimal digits.
        case integer(String)
        /// A double-quoted string literal, unescaped.
        case string(String)
        /// One of `= , : ; ( ) { } < > * -> / . @` (and `_`, used in `result<_, E>`).
        case symbol(String)
        /// The end of the input.
        case end
    }

    var kind: Kind
    var location: WitLocation
    /// Documentation comments (`///`, `/** */`) that came right before the token.
    var docs: [String]
    /// True when whitespace or a comment separates this token from the previous one;
    /// used to tell `ns:pkg` (one path) from `name: type`.
    var spaceBefore: Bool
    /// Scalar offsets of the token in the source.
    var start: Int
    var end: Int

    /// The token as the user wrote it, for error messages.
    var display: String {
        switch kind {
        case let .identifier(name, explicit): return explicit ? "%" + name : name
        case let .keyword(k): return k.rawValue
        case let .integer(s): return s
        case let .string(s): return "\"" + s + "\""
        case let .symbol(s): return s
        case .end: return "end of input"
        }
    }
}

/// The reserved words of WIT, which cannot be used as bare identifiers.
enum WitKeyword: String, CaseIterable {
    case `as`, async, bool, borrow, char, constructor, `enum`, export, f32, f64, flags, from, `func`,
         future, `import`, include, interface, list, map, option, own, package, record, resource,
         result, s16, s32, s64, s8, `static`, stream, string, tuple, type, u16, u32, u64, u8, use,
         variant, with, world
}
