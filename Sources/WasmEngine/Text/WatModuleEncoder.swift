/// Writes a `Module` in the standard binary format, for modules compiled from text.
///
/// Emits sections in the prescribed order with minimal LEB128 encodings. The data count
/// section is written whenever there are data segments or code uses `memory.init` /
/// `data.drop` (which require it). The module is written as is, valid or not: index and
/// type errors are for the validator to report.
struct WatModuleEncoder {
    let module: Module

    func encode() -> [UInt8] {
        var out = WatBinaryWriter()
        out.append([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00])

        section(1, &out, module.types.count) { w in
            for type in module.types {
                w.byte(0x60)
                w.unsigned(UInt32(type.parameters.count)); type.parameters.forEach { w.valueType($0) }
                w.unsigned(UInt32(type.results.count)); type.results.forEach { w.valueType($0) }
            }
        }
        section(2, &out, module.imports.count) { w in
            for entry in module.imports {
                w.name(entry.module)
                w.name(entry.name)
                switch entry.descriptor {
                case .function(let typeIndex): w.byte(0x00); w.unsigned(typeIndex)
                case .table(let type): w.byte(0x01); tableType(type, &w)
                case .memory(let type): w.byte(0x02); limits(type.limits, &w)
                case .global(let type): w.byte(0x03); globalType(type, &w)
                }
            }
        }
        section(3, &out, module.functions.count) { w in module.functions.forEach { w.unsigned($0) } }
        section(4, &out, module.tables.count) { w in module.tables.forEach { tableType($0, &w) } }
        section(5, &out, module.memories.count) { w in module.memories.forEach { limits($0.limits, &w) } }
        section(6, &out, module.globals.count) { w in
            for global in module.globals {
                globalType(global.type, &w)
                expression(global.initializer, &w)
            }
        }
        section(7, &out, module.exports.count) { w in
            for export in module.exports {
                w.name(export.name)
                switch export.descriptor {
                case .function(let i): w.byte(0x00); w.unsigned(i)
                case .table(let i): w.byte(0x01); w.unsigned(i)
                case .memory(let i): w.byte(0x02); w.unsigned(i)
                case .global(let i): w.byte(0x03); w.unsigned(i)
                }
            }
        }
        if let start = module.start {
            var w = WatBinaryWriter()
            w.unsigned(start)
            out.byte(8)
            out.vector(w.bytes)
        }
        section(9, &out, module.elements.count) { w in module.elements.forEach { elementSegment($0, &w) } }
        if needsDataCount {
            var w = WatBinaryWriter()
            w.unsigned(UInt32(module.data.count))
            out.byte(12)
            out.vector(w.bytes)
        }
        section(10, &out, module.code.count) { w in
            for body in module.code {
                var b = WatBinaryWriter()
                var runs: [(count: UInt32, type: ValueType)] = []
                for type in body.locals {
                    if let last = runs.last, last.type == type {
                        runs[runs.count - 1].count += 1
                    } else {
                        runs.append((1, type))
                    }
                }
                b.unsigned(UInt32(runs.count))
                for run in runs { b.unsigned(run.count); b.valueType(run.type) }
                for instruction in body.instructions { WatInstructionEncoder.encode(instruction, &b) }
                w.vector(b.bytes)
            }
        }
        section(11, &out, module.data.count) { w in
            for segment in module.data {
                switch segment.mode {
                case .passive:
                    w.byte(0x01)
                case .active(memory: 0, let offset):
                    w.byte(0x00)
                    expression(offset, &w)
                case .active(let memory, let offset):
                    w.byte(0x02)
                    w.unsigned(memory)
                    expression(offset, &w)
                }
                w.vector(segment.bytes)
            }
        }
        if let names = module.names { nameSection(names, &out) }
        return out.bytes
    }

    private var needsDataCount: Bool {
        if !module.data.isEmpty { return true }
        return module.code.contains { body in
            body.instructions.contains { instruction in
                switch instruction {
                case .memoryInit, .dataDrop: return true
                default: return false
                }
            }
        }
    }

    /// Writes a section with a vector of `count` entries, omitting empty ones.
    private func section(_ id: UInt8, _ out: inout WatBinaryWriter, _ count: Int, _ body: (inout WatBinaryWriter) -> Void) {
        guard count > 0 else { return }
        var w = WatBinaryWriter()
        w.unsigned(UInt32(count))
        body(&w)
        out.byte(id)
        out.vector(w.bytes)
    }

    private func limits(_ limits: Limits, _ w: inout WatBinaryWriter) {
        if let max = limits.max {
            w.byte(0x01); w.unsigned(limits.min); w.unsigned(max)
        } else {
            w.byte(0x00); w.unsigned(limits.min)
        }
    }

    private func tableType(_ type: TableType, _ w: inout WatBinaryWriter) {
        w.valueType(type.elementType)
        limits(type.limits, &w)
    }

    private func globalType(_ type: GlobalType, _ w: inout WatBinaryWriter) {
        w.valueType(type.valueType)
        w.byte(type.isMutable ? 0x01 : 0x00)
    }

    private func expression(_ expression: ConstantExpression, _ w: inout WatBinaryWriter) {
        for instruction in expression.instructions { WatInstructionEncoder.encode(instruction, &w) }
        w.byte(0x0B)
    }

    /// Picks the compact function-index encoding when every element is a plain `ref.func`
    /// of a funcref segment, the expression encoding otherwise.
    private func elementSegment(_ segment: ElementSegment, _ w: inout WatBinaryWriter) {
        let functionIndices: [UInt32]? = segment.type != .funcref ? nil : {
            var indices: [UInt32] = []
            for initializer in segment.initializers {
                guard initializer.instructions.count == 1, case .refFunc(let index) = initializer.instructions[0] else { return nil }
                indices.append(index)
            }
            return indices
        }()
        let usesExpressions = functionIndices == nil
        switch segment.mode {
        case .active(table: 0, let offset) where segment.type == .funcref:
            w.byte(usesExpressions ? 0x04 : 0x00)
            expression(offset, &w)
        case .active(let table, let offset):
            w.byte(usesExpressions ? 0x06 : 0x02)
            w.unsigned(table)
            expression(offset, &w)
            if usesExpressions { w.valueType(segment.type) } else { w.byte(0x00) }
        case .passive:
            w.byte(usesExpressions ? 0x05 : 0x01)
            if usesExpressions { w.valueType(segment.type) } else { w.byte(0x00) }
        case .declarative:
            w.byte(usesExpressions ? 0x07 : 0x03)
            if usesExpressions { w.valueType(segment.type) } else { w.byte(0x00) }
        }
        if let functionIndices {
            w.unsigned(UInt32(functionIndices.count))
            functionIndices.forEach { w.unsigned($0) }
        } else {
            w.unsigned(UInt32(segment.initializers.count))
            segment.initializers.forEach { expression($0, &w) }
        }
    }

    /// The `name` custom section: function names (subsection 1) and local names (2).
    private func nameSection(_ names: NameSection, _ out: inout WatBinaryWriter) {
        var content = WatBinaryWriter()
        content.name("name")
        if !names.functionNames.isEmpty {
            var sub = WatBinaryWriter()
            let sorted = names.functionNames.sorted { $0.key < $1.key }
            sub.unsigned(UInt32(sorted.count))
            for (index, name) in sorted { sub.unsigned(index); sub.name(name) }
            content.byte(1)
            content.vector(sub.bytes)
        }
        if !names.localNames.isEmpty {
            var sub = WatBinaryWriter()
            let sorted = names.localNames.sorted { $0.key < $1.key }
            sub.unsigned(UInt32(sorted.count))
            for (function, locals) in sorted {
                sub.unsigned(function)
                let sortedLocals = locals.sorted { $0.key < $1.key }
                sub.unsigned(UInt32(sortedLocals.count))
                for (index, name) in sortedLocals { sub.unsigned(index); sub.name(name) }
            }
            content.byte(2)
            content.vector(sub.bytes)
        }
        out.byte(0)
        out.vector(content.bytes)
    }
}
