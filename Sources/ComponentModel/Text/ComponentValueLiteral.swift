@_spi(Text) import WasmEngine

/// Component value literals of the reference tests' scripts: `(u32.const 7)`,
/// `(str.const "hi")`, `(record.const (field "a" u32.const 1))`, `(option.some ...)`, ...
@_spi(Text) public enum ComponentValueLiteral {
    /// Reads one `( keyword args... )` value group.
    @_spi(Text) public static func parse(_ cursor: inout WatTokenCursor) throws -> ComponentValue {
        try cursor.expectLeftParen()
        let value = try parseBody(&cursor)
        try cursor.expectRightParen()
        return value
    }

    /// Reads a value's keyword and arguments, stopping before the closing `)`; record
    /// fields write their value this way, without a group of its own.
    static func parseBody(_ cursor: inout WatTokenCursor) throws -> ComponentValue {
        let token = cursor.current
        guard let keyword = token.keyword else { throw cursor.unexpected() }
        cursor.advance()
        switch keyword {
        case "bool.const":
            if cursor.takeKeyword("true") { return .bool(true) }
            if cursor.takeKeyword("false") { return .bool(false) }
            throw cursor.error("expected true or false")
        case "s8.const": return .s8(Int8(truncatingIfNeeded: try integer(&cursor, bits: 8, signed: true)))
        case "u8.const": return .u8(UInt8(truncatingIfNeeded: try integer(&cursor, bits: 8, signed: false)))
        case "s16.const": return .s16(Int16(truncatingIfNeeded: try integer(&cursor, bits: 16, signed: true)))
        case "u16.const": return .u16(UInt16(truncatingIfNeeded: try integer(&cursor, bits: 16, signed: false)))
        case "s32.const": return .s32(Int32(truncatingIfNeeded: try integer(&cursor, bits: 32, signed: true)))
        case "u32.const": return .u32(UInt32(truncatingIfNeeded: try integer(&cursor, bits: 32, signed: false)))
        case "s64.const": return .s64(Int64(bitPattern: try integer(&cursor, bits: 64, signed: true)))
        case "u64.const": return .u64(try integer(&cursor, bits: 64, signed: false))
        case "f32.const": return .f32(Float(bitPattern: UInt32(try float(&cursor, format: .f32))))
        case "f64.const": return .f64(Double(bitPattern: try float(&cursor, format: .f64)))
        case "char.const":
            let stringToken = cursor.current
            let text = try string(&cursor)
            guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else {
                throw cursor.error("char.const needs exactly one Unicode scalar value", at: stringToken)
            }
            return .char(scalar)
        case "str.const": return .string(try string(&cursor))
        case "list.const": return .list(try values(&cursor))
        case "tuple.const": return .tuple(try values(&cursor))
        case "record.const":
            var fields: [ComponentField] = []
            while cursor.atGroup("field") {
                cursor.advance(); cursor.advance()
                let label = try string(&cursor)
                let value = cursor.atLeftParen ? try parse(&cursor) : try parseBody(&cursor)
                try cursor.expectRightParen()
                fields.append(ComponentField(label, value))
            }
            return .record(fields)
        case "variant.const":
            let name = try string(&cursor)
            return .variant(caseName: name, payload: cursor.atRightParen ? nil : try parse(&cursor))
        case "enum.const": return .enum(try string(&cursor))
        case "option.none": return .option(nil)
        case "option.some": return .option(try parse(&cursor))
        case "result.ok": return .result(.ok(cursor.atRightParen ? nil : try parse(&cursor)))
        case "result.err": return .result(.error(cursor.atRightParen ? nil : try parse(&cursor)))
        case "flags.const":
            var names: Set<String> = []
            while !cursor.atRightParen { names.insert(try string(&cursor)) }
            return .flags(names)
        default:
            throw cursor.error("unknown value \(keyword)", at: token)
        }
    }

    private static func values(_ cursor: inout WatTokenCursor) throws -> [ComponentValue] {
        var result: [ComponentValue] = []
        while !cursor.atRightParen { result.append(try parse(&cursor)) }
        return result
    }

    private static func string(_ cursor: inout WatTokenCursor) throws -> String {
        let token = cursor.current
        guard let bytes = cursor.takeString() else { throw cursor.unexpected() }
        guard let text = WatTokenCursor.decodeUTF8(bytes) else { throw cursor.error("malformed UTF-8 encoding", at: token) }
        return text
    }

    /// An integer of `bits` bits as its two's complement pattern; unsigned types take no
    /// sign, signed ones must lie in their signed range.
    private static func integer(_ cursor: inout WatTokenCursor, bits: Int, signed: Bool) throws -> UInt64 {
        let token = cursor.current
        guard let text = token.atom else { throw cursor.unexpected() }
        if !signed && (text.hasPrefix("-") || text.hasPrefix("+")) {
            throw cursor.error("unsigned constant cannot have a sign", at: token)
        }
        switch WatIntegerLiteral.parseInteger(text, bitWidth: bits) {
        case .value(let value):
            if signed && !text.hasPrefix("-") && bits < 64 && value >> UInt64(bits - 1) != 0 && !text.hasPrefix("0x") {
                throw cursor.error("constant out of range", at: token)
            }
            cursor.advance()
            return value
        case .outOfRange: throw cursor.error("constant out of range", at: token)
        case .invalid: throw cursor.error("invalid integer constant \(text)", at: token)
        }
    }

    private static func float(_ cursor: inout WatTokenCursor, format: WatFloatFormat) throws -> UInt64 {
        let token = cursor.current
        guard let text = token.atom else { throw cursor.unexpected() }
        switch WatFloatLiteral.parse(text, format: format) {
        case .value(let bits): cursor.advance(); return bits
        case .outOfRange: throw cursor.error("constant out of range", at: token)
        case .invalid: throw cursor.error("invalid float constant \(text)", at: token)
        }
    }
}
