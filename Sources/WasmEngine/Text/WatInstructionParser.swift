/// Instructions in the text format: plain (`i32.add`, `block ... end`) and folded
/// (`(i32.add (local.get 0) (i32.const 1))`, `(if (then ...) (else ...))`) forms.
extension WatModuleParser {
    private static let loadOperators = Dictionary(uniqueKeysWithValues: LoadOperator.allCases.map { ($0.name, $0) })
    private static let storeOperators = Dictionary(uniqueKeysWithValues: StoreOperator.allCases.map { ($0.name, $0) })

    /// Reads instructions until `)`, `end`, `else` or the end of input (none consumed).
    ///
    /// Plain `block`, `loop` and `if` ... `end` are tracked on a list here rather than by
    /// recursion, so that deeply nested plain blocks cannot overflow the native stack.
    mutating func parseInstructionSequence(into code: inout [Instruction]) throws {
        var open: [(keyword: String, label: String?, inElse: Bool)] = []
        while true {
            if cursor.atLeftParen {
                try parseFoldedInstruction(into: &code)
                continue
            }
            if cursor.atRightParen || cursor.atEnd {
                if open.isEmpty { return }
                throw cursor.unexpected()
            }
            guard let keyword = cursor.current.keyword else {
                throw cursor.error("unknown operator \(cursor.current.text)")
            }
            switch keyword {
            case "block", "loop", "if":
                cursor.advance()
                let label = cursor.takeId()
                let type = try parseBlockType()
                code.append(keyword == "block" ? .block(type) : keyword == "loop" ? .loop(type) : .if(type))
                labels.append(label)
                open.append((keyword, label, false))
            case "else":
                guard let innermost = open.last else { return }
                guard innermost.keyword == "if", !innermost.inElse else { throw cursor.unexpected() }
                cursor.advance()
                try checkClosingLabel(innermost.label)
                code.append(.else)
                open[open.count - 1].inElse = true
            case "end":
                guard let innermost = open.popLast() else { return }
                cursor.advance()
                try checkClosingLabel(innermost.label)
                labels.removeLast()
                code.append(.end)
            default:
                try parsePlainInstruction(into: &code)
            }
        }
    }

    /// Reads one parenthesized instruction with its folded operands and emits them in
    /// execution order (operands first).
    mutating func parseFoldedInstruction(into code: inout [Instruction]) throws {
        try enterNesting()
        defer { nestingDepth -= 1 }
        try cursor.expectLeftParen()
        guard let keyword = cursor.current.keyword else {
            throw cursor.error("unknown operator \(cursor.current.text)")
        }
        switch keyword {
        case "block", "loop":
            cursor.advance()
            let label = cursor.takeId()
            let type = try parseBlockType()
            code.append(keyword == "block" ? .block(type) : .loop(type))
            labels.append(label)
            try parseInstructionSequence(into: &code)
            labels.removeLast()
            code.append(.end)
        case "if":
            cursor.advance()
            let label = cursor.takeId()
            let type = try parseBlockType()
            while cursor.atLeftParen && cursor.groupKeyword != "then" {
                try parseFoldedInstruction(into: &code)
            }
            code.append(.if(type))
            labels.append(label)
            try cursor.enterGroup("then")
            try parseInstructionSequence(into: &code)
            try cursor.expectRightParen()
            if cursor.atGroup("else") {
                cursor.advance(); cursor.advance()
                code.append(.else)
                try parseInstructionSequence(into: &code)
                try cursor.expectRightParen()
            }
            labels.removeLast()
            code.append(.end)
        default:
            var instruction: [Instruction] = []
            try parsePlainInstruction(into: &instruction)
            while cursor.atLeftParen { try parseFoldedInstruction(into: &code) }
            code += instruction
        }
        try cursor.expectRightParen()
    }

    /// Counts one more level of folded nesting, refusing to go past `maximumNestingDepth`:
    /// parsing recurses per folded level, and deeper text would overflow the native stack.
    private mutating func enterNesting() throws {
        guard nestingDepth < Self.maximumNestingDepth else {
            throw cursor.error("folded instructions nest more than \(Self.maximumNestingDepth) levels deep; "
                               + "write the inner ones in plain form (block ... end)")
        }
        nestingDepth += 1
    }

    /// Checks the optional `$label` after `end` or `else` against the block's label.
    private mutating func checkClosingLabel(_ label: String?) throws {
        guard case .id(let name) = cursor.current.kind else { return }
        guard name == label else { throw cursor.error("mismatching label") }
        cursor.advance()
    }

    /// Reads a label reference: a depth, or a `$name` of an enclosing block.
    private mutating func parseLabel() throws -> UInt32 {
        if case .id(let name) = cursor.current.kind {
            guard let position = labels.lastIndex(where: { $0 == name }) else {
                throw cursor.error("unknown label $\(name)")
            }
            cursor.advance()
            return UInt32(labels.count - 1 - position)
        }
        return try cursor.expectU32()
    }

    /// Whether a token could be an index (a number or an id).
    private static func isIndexToken(_ token: WatToken) -> Bool {
        switch token.kind {
        case .id: return true
        case .atom(let text): return text.utf8.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
        default: return false
        }
    }

    /// Reads `x? y`: with two indices the first is from `first`, else it defaults to 0.
    private mutating func parseOptionalPair(_ first: WatIndexSpace, _ second: WatIndexSpace) throws -> (UInt32, UInt32) {
        if atIndex && Self.isIndexToken(cursor.peek(1)) {
            let a = try expectIndex(in: first)
            return (a, try expectIndex(in: second))
        }
        return (0, try expectIndex(in: second))
    }

    /// Reads `x? y?` for copies: both or neither (defaulting to 0 0).
    private mutating func parseOptionalCopyPair(_ space: WatIndexSpace) throws -> (UInt32, UInt32) {
        guard let destination = try takeIndex(in: space) else { return (0, 0) }
        return (destination, try expectIndex(in: space))
    }

    /// Reads the numeric literal of a `*.const` instruction.
    private mutating func parseConstant(_ type: ValueType) throws -> Instruction {
        guard let text = cursor.current.atom else { throw cursor.unexpected() }
        let instruction: Instruction
        switch type {
        case .i32, .i64:
            let width = type == .i32 ? 32 : 64
            switch WatIntegerLiteral.parseInteger(text, bitWidth: width) {
            case .value(let bits):
                instruction = type == .i32 ? .i32Const(Int32(bitPattern: UInt32(bits))) : .i64Const(Int64(bitPattern: bits))
            case .outOfRange: throw cursor.error("constant out of range")
            case .invalid: throw cursor.error("unknown operator \(text)")
            }
        default:
            switch WatFloatLiteral.parse(text, format: type == .f32 ? .f32 : .f64) {
            case .value(let bits):
                instruction = type == .f32 ? .f32Const(bits: UInt32(bits)) : .f64Const(bits: bits)
            case .outOfRange: throw cursor.error("constant out of range")
            case .invalid: throw cursor.error("unknown operator \(text)")
            }
        }
        cursor.advance()
        return instruction
    }

    /// Reads `memidx? offset=N? align=N?` for an access of the given natural alignment
    /// (the memory index, a name or number, is multi-memory's; it defaults to 0).
    private mutating func parseMemoryArgument(naturalAlignment: UInt32) throws -> MemoryArgument {
        let memoryIndex = try takeIndex(in: memories) ?? 0
        var offset: UInt64 = 0
        var alignment = naturalAlignment
        if let text = cursor.current.atom, text.hasPrefix("offset=") {
            switch WatIntegerLiteral.parseUnsigned(String(text.dropFirst(7)), bitWidth: 32) {
            case .value(let v): offset = v
            case .outOfRange: throw cursor.error("i32 constant out of range")
            case .invalid: throw cursor.error("unknown operator \(text)")
            }
            cursor.advance()
        }
        if let text = cursor.current.atom, text.hasPrefix("align=") {
            switch WatIntegerLiteral.parseUnsigned(String(text.dropFirst(6)), bitWidth: 32) {
            case .value(let v):
                guard v != 0, v & (v - 1) == 0 else { throw cursor.error("alignment must be a power of two") }
                alignment = UInt32(v.trailingZeroBitCount)
            case .outOfRange: throw cursor.error("i32 constant out of range")
            case .invalid: throw cursor.error("unknown operator \(text)")
            }
            cursor.advance()
        }
        return MemoryArgument(alignment: alignment, offset: offset, memoryIndex: memoryIndex)
    }

    /// Reads one plain instruction other than a structured one (the cursor is at its keyword).
    mutating func parsePlainInstruction(into code: inout [Instruction]) throws {
        let token = cursor.current
        guard let keyword = token.keyword else { throw cursor.error("unknown operator \(token.text)") }
        cursor.advance()
        switch keyword {
        case "block", "loop", "if", "else", "end":
            // Structured instructions are read by `parseInstructionSequence`.
            throw cursor.error("unexpected \(keyword)")
        case "unreachable": code.append(.unreachable)
        case "nop": code.append(.nop)
        case "return": code.append(.return)
        case "drop": code.append(.drop)
        case "br": code.append(.br(labelIndex: try parseLabel()))
        case "br_if": code.append(.brIf(labelIndex: try parseLabel()))
        case "br_table":
            var targets: [UInt32] = []
            while atIndex { targets.append(try parseLabel()) }
            guard let defaultTarget = targets.popLast() else { throw cursor.unexpected() }
            code.append(.brTable(labelIndices: targets, defaultIndex: defaultTarget))
        case "call": code.append(.call(functionIndex: try expectIndex(in: functions)))
        case "call_indirect":
            let table = try takeIndex(in: tables) ?? 0
            let use = try parseTypeUse(allowNames: false)
            code.append(.callIndirect(typeIndex: try resolveTypeIndex(use), tableIndex: table))
        case "ref.null": code.append(.refNull(try Self.parseHeapType(&cursor)))
        case "ref.is_null": code.append(.refIsNull)
        case "ref.func": code.append(.refFunc(functionIndex: try expectIndex(in: functions)))
        case "select":
            if cursor.atGroup("result") {
                code.append(.typedSelect(try parseResultGroups()))
            } else {
                code.append(.select)
            }
        case "local.get": code.append(.localGet(try expectIndex(in: locals)))
        case "local.set": code.append(.localSet(try expectIndex(in: locals)))
        case "local.tee": code.append(.localTee(try expectIndex(in: locals)))
        case "global.get": code.append(.globalGet(try expectIndex(in: globals)))
        case "global.set": code.append(.globalSet(try expectIndex(in: globals)))
        case "table.get": code.append(.tableGet(try takeIndex(in: tables) ?? 0))
        case "table.set": code.append(.tableSet(try takeIndex(in: tables) ?? 0))
        case "table.size": code.append(.tableSize(try takeIndex(in: tables) ?? 0))
        case "table.grow": code.append(.tableGrow(try takeIndex(in: tables) ?? 0))
        case "table.fill": code.append(.tableFill(try takeIndex(in: tables) ?? 0))
        case "table.copy":
            let (destination, source) = try parseOptionalCopyPair(tables)
            code.append(.tableCopy(destinationTable: destination, sourceTable: source))
        case "table.init":
            let (table, element) = try parseOptionalPair(tables, elements)
            code.append(.tableInit(elementIndex: element, tableIndex: table))
        case "elem.drop": code.append(.elemDrop(try expectIndex(in: elements)))
        case "memory.size": code.append(.memorySize(memoryIndex: try takeIndex(in: memories) ?? 0))
        case "memory.grow": code.append(.memoryGrow(memoryIndex: try takeIndex(in: memories) ?? 0))
        case "memory.fill": code.append(.memoryFill(memoryIndex: try takeIndex(in: memories) ?? 0))
        case "memory.copy":
            let (destination, source) = try parseOptionalCopyPair(memories)
            code.append(.memoryCopy(destinationMemory: destination, sourceMemory: source))
        case "memory.init":
            let (memory, data) = try parseOptionalPair(memories, dataSegments)
            code.append(.memoryInit(dataIndex: data, memoryIndex: memory))
        case "data.drop": code.append(.dataDrop(try expectIndex(in: dataSegments)))
        case "i32.const": code.append(try parseConstant(.i32))
        case "i64.const": code.append(try parseConstant(.i64))
        case "f32.const": code.append(try parseConstant(.f32))
        case "f64.const": code.append(try parseConstant(.f64))
        default:
            if let load = Self.loadOperators[keyword] {
                code.append(.load(load, try parseMemoryArgument(naturalAlignment: load.naturalAlignment)))
            } else if let store = Self.storeOperators[keyword] {
                code.append(.store(store, try parseMemoryArgument(naturalAlignment: store.naturalAlignment)))
            } else if let op = NumericOperator(name: keyword) {
                code.append(.numeric(op))
            } else {
                throw cursor.error("unknown operator \(keyword)", at: token)
            }
        }
    }
}
