/// A human-readable listing of a decoded (not necessarily valid) module, for debugging
/// the decoder and the passes after it: types, imports, exports, segments and every
/// function body with the input offset of each instruction, indented by nesting.
///
/// The instruction syntax is close to the text format but is not meant to be parsed back.
public enum ModuleDump {
    /// Renders `module` as a multi-line listing.
    public static func render(_ module: Module) -> String {
        var lines: [String] = []
        if let name = module.names?.moduleName { lines.append("module \(quoted(name))") }
        for (index, type) in module.types.enumerated() {
            lines.append("type[\(index)] \(type)")
        }
        var importedFunctions = 0
        for (index, entry) in module.imports.enumerated() {
            let what: String
            switch entry.descriptor {
            case .function(let typeIndex):
                what = "func[\(importedFunctions)] type \(typeIndex)"
                importedFunctions += 1
            case .table(let type): what = "table \(type.elementType) \(limits(type.limits))"
            case .memory(let type): what = "memory \(limits(type.limits))"
            case .global(let type): what = "global \(globalType(type))"
            }
            lines.append("import[\(index)] \(quoted(entry.module)).\(quoted(entry.name)): \(what)")
        }
        for (index, table) in module.tables.enumerated() {
            lines.append("table[\(index)] \(table.elementType) \(limits(table.limits))")
        }
        for (index, memory) in module.memories.enumerated() {
            lines.append("memory[\(index)] \(limits(memory.limits))")
        }
        for (index, global) in module.globals.enumerated() {
            lines.append("global[\(index)] \(globalType(global.type)) = \(expression(global.initializer))")
        }
        for entry in module.exports {
            lines.append("export \(quoted(entry.name)): \(entry.descriptor)")
        }
        if let start = module.start { lines.append("start func[\(start)]") }
        for (index, segment) in module.elements.enumerated() {
            let items = segment.initializers.map(expression).joined(separator: ", ")
            lines.append("elem[\(index)] \(segment.type) \(elementMode(segment.mode)): [\(items)]")
        }
        if let count = module.dataCount { lines.append("data count \(count)") }
        for (index, segment) in module.data.enumerated() {
            let mode: String
            switch segment.mode {
            case .passive: mode = "passive"
            case .active(let memory, let offset): mode = "active memory \(memory) at \(expression(offset))"
            }
            lines.append("data[\(index)] \(mode): \(segment.bytes.count) bytes")
        }
        for (index, body) in module.code.enumerated() {
            let functionIndex = UInt32(importedFunctions + index)
            let name = module.names?.functionNames[functionIndex].map { " \(quoted($0))" } ?? ""
            let typeIndex = index < module.functions.count ? "type \(module.functions[index])" : "type ?"
            let locals = body.locals.isEmpty ? "" : ", locals \(body.locals.map(\.description).joined(separator: " "))"
            lines.append("func[\(functionIndex)]\(name) \(typeIndex)\(locals)")
            var depth = 0
            for (instruction, offset) in zip(body.instructions, body.instructionOffsets) {
                var level = depth
                switch instruction {
                case .end:
                    depth -= 1
                    level = depth
                case .else:
                    level = depth - 1
                default:
                    break
                }
                let indent = String(repeating: "  ", count: max(0, level))
                lines.append("  0x\(hex(offset)):  \(indent)\(text(instruction))")
                switch instruction {
                case .block, .loop, .if: depth += 1
                default: break
                }
            }
        }
        for section in module.customSections {
            lines.append("custom \(quoted(section.name)): \(section.bytes.count) bytes")
        }
        return lines.joined(separator: "\n")
    }

    /// One instruction in text-format-like syntax, e.g. `i32.load offset=8 align=4`.
    public static func text(_ instruction: Instruction) -> String {
        switch instruction {
        case .unreachable: return "unreachable"
        case .nop: return "nop"
        case .block(let type): return "block\(blockType(type))"
        case .loop(let type): return "loop\(blockType(type))"
        case .if(let type): return "if\(blockType(type))"
        case .else: return "else"
        case .end: return "end"
        case .br(let label): return "br \(label)"
        case .brIf(let label): return "br_if \(label)"
        case .brTable(let labels, let defaultLabel):
            return "br_table \((labels + [defaultLabel]).map(String.init).joined(separator: " "))"
        case .return: return "return"
        case .call(let function): return "call \(function)"
        case .callIndirect(let type, let table): return "call_indirect \(table) (type \(type))"
        case .refNull(let type): return "ref.null \(type == .externref ? "extern" : type == .funcref ? "func" : type.description)"
        case .refIsNull: return "ref.is_null"
        case .refFunc(let function): return "ref.func \(function)"
        case .drop: return "drop"
        case .select: return "select"
        case .typedSelect(let types): return "select (result \(types.map(\.description).joined(separator: " ")))"
        case .localGet(let index): return "local.get \(index)"
        case .localSet(let index): return "local.set \(index)"
        case .localTee(let index): return "local.tee \(index)"
        case .globalGet(let index): return "global.get \(index)"
        case .globalSet(let index): return "global.set \(index)"
        case .tableGet(let table): return "table.get \(table)"
        case .tableSet(let table): return "table.set \(table)"
        case .tableInit(let element, let table): return "table.init \(table) \(element)"
        case .elemDrop(let element): return "elem.drop \(element)"
        case .tableCopy(let destination, let source): return "table.copy \(destination) \(source)"
        case .tableGrow(let table): return "table.grow \(table)"
        case .tableSize(let table): return "table.size \(table)"
        case .tableFill(let table): return "table.fill \(table)"
        case .load(let op, let argument): return "\(op.name)\(memoryArgument(argument))"
        case .store(let op, let argument): return "\(op.name)\(memoryArgument(argument))"
        case .memorySize: return "memory.size"
        case .memoryGrow: return "memory.grow"
        case .memoryInit(let data, _): return "memory.init \(data)"
        case .dataDrop(let data): return "data.drop \(data)"
        case .memoryCopy: return "memory.copy"
        case .memoryFill: return "memory.fill"
        case .i32Const(let value): return "i32.const \(value)"
        case .i64Const(let value): return "i64.const \(value)"
        case .f32Const(let bits): return "f32.const \(Float(bitPattern: bits)) (0x\(String(bits, radix: 16)))"
        case .f64Const(let bits): return "f64.const \(Double(bitPattern: bits)) (0x\(String(bits, radix: 16)))"
        case .numeric(let op): return op.name
        }
    }

    private static func blockType(_ type: BlockType) -> String {
        switch type {
        case .empty: return ""
        case .value(let value): return " (result \(value))"
        case .typeIndex(let index): return " (type \(index))"
        }
    }

    private static func memoryArgument(_ argument: MemoryArgument) -> String {
        let offset = argument.offset == 0 ? "" : " offset=\(argument.offset)"
        return "\(offset) align=\(UInt64(1) << UInt64(min(argument.alignment, 63)))"
    }

    private static func expression(_ expression: ConstantExpression) -> String {
        expression.instructions.map(text).joined(separator: "; ")
    }

    private static func elementMode(_ mode: ElementMode) -> String {
        switch mode {
        case .passive: return "passive"
        case .declarative: return "declarative"
        case .active(let table, let offset): return "active table \(table) at \(expression(offset))"
        }
    }

    private static func limits(_ limits: Limits) -> String {
        limits.max.map { "\(limits.min)..\($0)" } ?? "\(limits.min).."
    }

    private static func globalType(_ type: GlobalType) -> String {
        type.isMutable ? "mut \(type.valueType)" : "\(type.valueType)"
    }

    private static func quoted(_ text: String) -> String { "\"\(text)\"" }

    private static func hex(_ offset: UInt32) -> String {
        let digits = String(offset, radix: 16)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
