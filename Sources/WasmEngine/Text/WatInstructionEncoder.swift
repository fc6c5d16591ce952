/// Writes single instructions in the binary format.
enum WatInstructionEncoder {
    static func encode(_ instruction: Instruction, _ w: inout WatBinaryWriter) {
        switch instruction {
        case .unreachable: w.byte(0x00)
        case .nop: w.byte(0x01)
        case .block(let type): w.byte(0x02); blockType(type, &w)
        case .loop(let type): w.byte(0x03); blockType(type, &w)
        case .if(let type): w.byte(0x04); blockType(type, &w)
        case .else: w.byte(0x05)
        case .end: w.byte(0x0B)
        case .br(let label): w.byte(0x0C); w.unsigned(label)
        case .brIf(let label): w.byte(0x0D); w.unsigned(label)
        case .brTable(let labels, let defaultLabel):
            w.byte(0x0E)
            w.unsigned(UInt32(labels.count))
            labels.forEach { w.unsigned($0) }
            w.unsigned(defaultLabel)
        case .return: w.byte(0x0F)
        case .call(let function): w.byte(0x10); w.unsigned(function)
        case .callIndirect(let type, let table): w.byte(0x11); w.unsigned(type); w.unsigned(table)
        case .refNull(let type): w.byte(0xD0); w.valueType(type)
        case .refIsNull: w.byte(0xD1)
        case .refFunc(let function): w.byte(0xD2); w.unsigned(function)
        case .drop: w.byte(0x1A)
        case .select: w.byte(0x1B)
        case .typedSelect(let types):
            w.byte(0x1C)
            w.unsigned(UInt32(types.count))
            types.forEach { w.valueType($0) }
        case .localGet(let i): w.byte(0x20); w.unsigned(i)
        case .localSet(let i): w.byte(0x21); w.unsigned(i)
        case .localTee(let i): w.byte(0x22); w.unsigned(i)
        case .globalGet(let i): w.byte(0x23); w.unsigned(i)
        case .globalSet(let i): w.byte(0x24); w.unsigned(i)
        case .tableGet(let i): w.byte(0x25); w.unsigned(i)
        case .tableSet(let i): w.byte(0x26); w.unsigned(i)
        case .tableInit(let element, let table): prefixed(12, &w); w.unsigned(element); w.unsigned(table)
        case .elemDrop(let element): prefixed(13, &w); w.unsigned(element)
        case .tableCopy(let destination, let source): prefixed(14, &w); w.unsigned(destination); w.unsigned(source)
        case .tableGrow(let i): prefixed(15, &w); w.unsigned(i)
        case .tableSize(let i): prefixed(16, &w); w.unsigned(i)
        case .tableFill(let i): prefixed(17, &w); w.unsigned(i)
        case .load(let op, let argument): w.byte(op.rawValue); memoryArgument(argument, &w)
        case .store(let op, let argument): w.byte(op.rawValue); memoryArgument(argument, &w)
        case .memorySize(let memory): w.byte(0x3F); w.unsigned(memory)
        case .memoryGrow(let memory): w.byte(0x40); w.unsigned(memory)
        case .memoryInit(let data, let memory): prefixed(8, &w); w.unsigned(data); w.unsigned(memory)
        case .dataDrop(let data): prefixed(9, &w); w.unsigned(data)
        case .memoryCopy(let destination, let source): prefixed(10, &w); w.unsigned(destination); w.unsigned(source)
        case .memoryFill(let memory): prefixed(11, &w); w.unsigned(memory)
        case .i32Const(let v): w.byte(0x41); w.signed(Int64(v))
        case .i64Const(let v): w.byte(0x42); w.signed(v)
        case .f32Const(let bits):
            w.byte(0x43)
            for shift in stride(from: 0, to: 32, by: 8) { w.byte(UInt8(truncatingIfNeeded: bits >> UInt32(shift))) }
        case .f64Const(let bits):
            w.byte(0x44)
            for shift in stride(from: 0, to: 64, by: 8) { w.byte(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        case .numeric(let op):
            if op.rawValue > 0xFF {
                prefixed(UInt32(op.rawValue & 0xFF), &w)
            } else {
                w.byte(UInt8(op.rawValue))
            }
        }
    }

    private static func prefixed(_ subopcode: UInt32, _ w: inout WatBinaryWriter) {
        w.byte(0xFC)
        w.unsigned(subopcode)
    }

    private static func blockType(_ type: BlockType, _ w: inout WatBinaryWriter) {
        switch type {
        case .empty: w.byte(0x40)
        case .value(let valueType): w.valueType(valueType)
        case .typeIndex(let index): w.signed(Int64(index))
        }
    }

    /// Alignment exponent, then offset; a non-zero memory index uses the multi-memory
    /// form (bit 6 of the alignment field set).
    private static func memoryArgument(_ argument: MemoryArgument, _ w: inout WatBinaryWriter) {
        if argument.memoryIndex != 0 {
            w.unsigned(argument.alignment | 0x40)
            w.unsigned(argument.memoryIndex)
        } else {
            w.unsigned(argument.alignment)
        }
        w.unsigned(argument.offset)
    }
}
