/// The `$name` bindings of one index space (functions, tables, locals, ...) while a
/// module's text is parsed.
struct WatIndexSpace {
    /// What the space holds, for "unknown ..." messages: "function", "table", "local", ...
    let kind: String
    /// The field keyword, for "duplicate ..." messages as the spec suite words them ("func").
    let keyword: String
    private(set) var names: [String: UInt32] = [:]
    private(set) var count: UInt32 = 0

    init(kind: String, keyword: String? = nil) {
        self.kind = kind
        self.keyword = keyword ?? kind
    }

    /// Adds the next entry, binding `name` to it; a name bound twice is malformed.
    @discardableResult
    mutating func add(_ name: String?, at token: WatToken) throws -> UInt32 {
        if let name {
            guard names[name] == nil else {
                throw TextError(line: token.line, column: token.column, message: "duplicate \(keyword) $\(name)")
            }
            names[name] = count
        }
        count += 1
        return count - 1
    }

    /// Looks up an index written as a number or a `$name`; nil if the token is neither.
    func resolve(_ token: WatToken) throws -> UInt32? {
        switch token.kind {
        case .id(let name):
            guard let index = names[name] else {
                throw TextError(line: token.line, column: token.column, message: "unknown \(kind) $\(name)")
            }
            return index
        case .atom(let text):
            switch WatIntegerLiteral.parseUnsigned(text, bitWidth: 32) {
            case .value(let v): return UInt32(v)
            case .outOfRange:
                throw TextError(line: token.line, column: token.column, message: "i32 constant out of range")
            case .invalid: return nil
            }
        default:
            return nil
        }
    }
}
