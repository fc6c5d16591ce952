@_spi(Text) import WasmEngine

/// Reads the commands of a component script from its tokens.
struct ComponentWastParser {
    var cursor: WatTokenCursor

    init(_ text: String) throws {
        cursor = WatTokenCursor(try WatLexer.tokenize(text))
    }

    mutating func parseCommands() throws -> [ComponentWastCommand] {
        var commands: [ComponentWastCommand] = []
        while !cursor.atEnd {
            commands.append(try parseCommand())
        }
        return commands
    }

    private mutating func parseCommand() throws -> ComponentWastCommand {
        guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
        let line = cursor.current.line
        switch keyword {
        case "component":
            if cursor.peek(2).keyword == "instance" {
                cursor.advance(); cursor.advance(); cursor.advance()
                let name = cursor.takeId()
                guard let definition = cursor.takeId() else { throw cursor.unexpected() }
                try cursor.expectRightParen()
                return .instance(name: name, definition: definition, line: line)
            }
            return .component(try parseComponent())
        case "invoke":
            return .action(try parseAction(), line: line)
        case "assert_return":
            cursor.advance(); cursor.advance()
            let action = try parseAction()
            var expected: [ComponentValue] = []
            while !cursor.atRightParen { expected.append(try ComponentValueLiteral.parse(&cursor)) }
            try cursor.expectRightParen()
            return .assertReturn(action, expected, line: line)
        case "assert_trap":
            cursor.advance(); cursor.advance()
            if cursor.atGroup("component") {
                let component = try parseComponent()
                let message = try parseText()
                try cursor.expectRightParen()
                return .assertTrapComponent(component, message: message, line: line)
            }
            let action = try parseAction()
            let message = try parseText()
            try cursor.expectRightParen()
            return .assertTrap(action, message: message, line: line)
        case "assert_malformed", "assert_invalid", "assert_unlinkable":
            cursor.advance(); cursor.advance()
            let component = try parseComponent()
            let message = try parseText()
            try cursor.expectRightParen()
            switch keyword {
            case "assert_malformed": return .assertMalformed(component, message: message, line: line)
            case "assert_invalid": return .assertInvalid(component, message: message, line: line)
            default: return .assertUnlinkable(component, message: message, line: line)
            }
        default:
            throw cursor.error("unknown command \(keyword)", at: cursor.peek(1))
        }
    }

    /// A string used as text (messages, export names); invalid UTF-8 is replaced.
    private mutating func parseText() throws -> String {
        String(decoding: try cursor.expectString(), as: UTF8.self)
    }

    /// Reads `(component definition? $name? ...)`. A text component is encoded here; if
    /// that fails it becomes `.textError` and parsing resumes after its `)`.
    private mutating func parseComponent() throws -> ComponentWastModule {
        let line = cursor.current.line
        var end = cursor
        try end.skipItem()
        try cursor.enterGroup("component")
        let isDefinition = cursor.takeKeyword("definition")
        let name = cursor.takeId()
        let source: ComponentWastSource
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
                let bytes = try ComponentWAT.encodeBody(&body, name: name)
                guard body.atRightParen else { throw body.unexpected() }
                source = .binary(bytes)
            } catch let error as TextError {
                source = .textError(error)
            }
        }
        cursor = end
        return ComponentWastModule(name: name, source: source, isDefinition: isDefinition, line: line)
    }

    /// Reads `(invoke $instance? "name" value*)`.
    private mutating func parseAction() throws -> ComponentWastAction {
        try cursor.enterGroup("invoke")
        let instance = cursor.takeId()
        let name = try parseText()
        var arguments: [ComponentValue] = []
        while !cursor.atRightParen { arguments.append(try ComponentValueLiteral.parse(&cursor)) }
        try cursor.expectRightParen()
        return .invoke(instance: instance, name: name, arguments: arguments)
    }
}
