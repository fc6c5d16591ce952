/// Reads the commands of a `.wast` script from its tokens.
struct WastParser {
    var cursor: WatTokenCursor

    mutating func parseCommands() throws -> [WastCommand] {
        // A script may also be the bare fields of a single module.
        if let keyword = cursor.groupKeyword, WastParser.moduleFieldKeywords.contains(keyword) {
            let line = cursor.current.line
            let source: WastModuleSource
            do {
                let bytes = try WAT.encodeModuleBody(&cursor)
                guard cursor.atEnd else { throw cursor.unexpected() }
                source = .binary(bytes)
            } catch let error as TextError {
                source = .textError(error)
            }
            return [.module(WastModule(name: nil, source: source, line: line))]
        }
        var commands: [WastCommand] = []
        while !cursor.atEnd {
            commands.append(try parseCommand())
        }
        return commands
    }

    private static let moduleFieldKeywords: Set<String> = [
        "type", "import", "func", "table", "memory", "global", "export", "start", "elem", "data",
    ]

    private mutating func parseCommand() throws -> WastCommand {
        guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
        let line = cursor.current.line
        switch keyword {
        case "module":
            return .module(try parseModule())
        case "register":
            cursor.advance(); cursor.advance()
            let name = try parseText()
            let module = cursor.takeId()
            try cursor.expectRightParen()
            return .register(as: name, module: module, line: line)
        case "invoke", "get":
            return .action(try parseAction(), line: line)
        case "assert_return":
            cursor.advance(); cursor.advance()
            let action = try parseAction()
            var expectations: [WastExpectation] = []
            while !cursor.atRightParen { expectations.append(try parseExpectation()) }
            try cursor.expectRightParen()
            return .assertReturn(action, expectations, line: line)
        case "assert_trap":
            cursor.advance(); cursor.advance()
            if cursor.atGroup("module") {
                let module = try parseModule()
                let message = try parseText()
                try cursor.expectRightParen()
                return .assertTrapModule(module, message: message, line: line)
            }
            let action = try parseAction()
            let message = try parseText()
            try cursor.expectRightParen()
            return .assertTrap(action, message: message, line: line)
        case "assert_exhaustion":
            cursor.advance(); cursor.advance()
            let action = try parseAction()
            let message = try parseText()
            try cursor.expectRightParen()
            return .assertExhaustion(action, message: message, line: line)
        case "assert_malformed", "assert_invalid", "assert_unlinkable", "assert_uninstantiable":
            cursor.advance(); cursor.advance()
            let module = try parseModule()
            let message = try parseText()
            try cursor.expectRightParen()
            switch keyword {
            case "assert_malformed": return .assertMalformed(module, message: message, line: line)
            case "assert_invalid": return .assertInvalid(module, message: message, line: line)
            case "assert_unlinkable": return .assertUnlinkable(module, message: message, line: line)
            default: return .assertUninstantiable(module, message: message, line: line)
            }
        default:
            throw cursor.error("unknown command \(keyword)", at: cursor.peek(1))
        }
    }

    /// A string used as text (names, messages); invalid UTF-8 is replaced, not rejected.
    private mutating func parseText() throws -> String {
        String(decoding: try cursor.expectString(), as: UTF8.self)
    }

    /// Reads `(module $name? ...)`. A text module is compiled here; if that fails the
    /// module becomes `.textError` and parsing resumes after its closing parenthesis.
    private mutating func parseModule() throws -> WastModule {
        let line = cursor.current.line
        var end = cursor
        try end.skipItem()
        try cursor.enterGroup("module")
        let name = cursor.takeId()
        let source: WastModuleSource
        if cursor.current.keyword == "quote" {
            cursor.advance()
            var bytes: [UInt8] = []
            while let string = cursor.takeString() { bytes += string }
            if let text = WatTokenCursor.decodeUTF8(bytes) {
                source = .quote(text)
            } else {
                source = .textError(cursor.error("malformed UTF-8 encoding"))
            }
        } else {
            do {
                var body = cursor
                let bytes = try WAT.encodeModuleBody(&body)
                guard body.atRightParen else { throw body.unexpected() }
                source = .binary(bytes)
            } catch let error as TextError {
                source = .textError(error)
            }
        }
        cursor = end
        return WastModule(name: name, source: source, line: line)
    }

    /// Reads `(invoke $M? "name" const*)` or `(get $M? "name")`.
    private mutating func parseAction() throws -> WastAction {
        guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
        cursor.advance(); cursor.advance()
        let module = cursor.takeId()
        let name = try parseText()
        let action: WastAction
        switch keyword {
        case "invoke":
            var arguments: [WastValue] = []
            while !cursor.atRightParen { arguments.append(try parseValue()) }
            action = .invoke(module: module, name: name, arguments: arguments)
        case "get":
            action = .get(module: module, name: name)
        default:
            throw cursor.error("unknown action \(keyword)", at: cursor.peek(-2))
        }
        try cursor.expectRightParen()
        return action
    }

    /// Reads a constant argument.
    private mutating func parseValue() throws -> WastValue {
        switch try parseExpectation() {
        case .value(let value) where value != .refFunc: return value
        case .refNull(let type?): return .refNull(type)
        case .refExtern(let value?): return .refExtern(value)
        default: throw cursor.error("expected a constant argument", at: cursor.peek(-1))
        }
    }

    /// Reads an expected result (also used for arguments, which are the plain constants).
    private mutating func parseExpectation() throws -> WastExpectation {
        guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
        cursor.advance(); cursor.advance()
        let token = cursor.current
        let result: WastExpectation
        switch keyword {
        case "i32.const", "i64.const":
            guard let text = token.atom else { throw cursor.unexpected() }
            let width = keyword == "i32.const" ? 32 : 64
            guard case .value(let bits) = WatIntegerLiteral.parseInteger(text, bitWidth: width) else {
                throw cursor.error("invalid \(keyword) constant \(text)")
            }
            cursor.advance()
            result = .value(width == 32 ? .i32(UInt32(bits)) : .i64(bits))
        case "f32.const", "f64.const":
            guard let text = token.atom else { throw cursor.unexpected() }
            let isF32 = keyword == "f32.const"
            cursor.advance()
            switch text {
            case "nan:canonical": result = isF32 ? .f32NaN(.canonical) : .f64NaN(.canonical)
            case "nan:arithmetic": result = isF32 ? .f32NaN(.arithmetic) : .f64NaN(.arithmetic)
            default:
                guard case .value(let bits) = WatFloatLiteral.parse(text, format: isF32 ? .f32 : .f64) else {
                    throw cursor.error("invalid \(keyword) constant \(text)", at: token)
                }
                result = .value(isF32 ? .f32(UInt32(bits)) : .f64(bits))
            }
        case "ref.null":
            if cursor.atRightParen {
                result = .refNull(nil)
            } else {
                result = .refNull(try WatModuleParser.parseHeapType(&cursor))
            }
        case "ref.extern":
            if cursor.atRightParen {
                result = .refExtern(nil)
            } else {
                result = .refExtern(try cursor.expectU32())
            }
        case "ref.func":
            if !cursor.atRightParen { try cursor.skipItem() }
            result = .refFunc
        case "either":
            var alternatives: [WastExpectation] = []
            while !cursor.atRightParen { alternatives.append(try parseExpectation()) }
            result = .either(alternatives)
        default:
            throw cursor.error("unsupported value \(keyword)", at: cursor.peek(-1))
        }
        try cursor.expectRightParen()
        return result
    }
}
