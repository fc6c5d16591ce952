/// Rules for WIT names (the component model's kebab-case `label`).
enum WitName {
    /// Returns why `name` is not a kebab-case label, or nil when it is one.
    ///
    /// A label is words joined by single `-`; each word starts with a letter and is either
    /// all lower-case (`[a-z][a-z0-9]*`) or all upper-case (`[A-Z][A-Z0-9]*`).
    static func kebabProblem(_ name: String) -> String? {
        if name.isEmpty { return "names cannot be empty" }
        for word in name.split(separator: "-", omittingEmptySubsequences: false) {
            guard let first = word.unicodeScalars.first else {
                return "'-' must separate two words (no leading, trailing or doubled '-')"
            }
            guard first.isIdentifierStart else {
                return "each word must start with a letter, but '\(word)' starts with '\(first)'"
            }
            let lower = ("a"..."z").contains(first)
            for c in word.unicodeScalars {
                let digit = ("0"..."9").contains(c)
                let ok = lower ? (("a"..."z").contains(c) || digit) : (("A"..."Z").contains(c) || digit)
                if !ok { return "word '\(word)' mixes upper and lower case; use all-lower or all-upper words" }
            }
        }
        return nil
    }

    /// Names are compared case-insensitively when checking for duplicates.
    static func key(_ name: String) -> String { name.lowercased() }

    /// The name as it must be written in WIT: `%` before keywords.
    static func escaped(_ name: String) -> String {
        WitKeyword(rawValue: name) != nil ? "%" + name : name
    }
}
