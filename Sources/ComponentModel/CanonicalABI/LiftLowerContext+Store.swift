import WasmEngine

/// Storing: writing a component value of a given type into linear memory (the spec's
/// `store`), allocating strings and lists through `realloc`.
extension LiftLowerContext {
    /// Writes `value` as `type` at `pointer`, which must be aligned and in bounds (checked).
    public func store(_ value: ComponentValue, as type: ABIType, at pointer: Int) throws {
        try checkValueRange("\(type)", pointer, type)
        try storeUnchecked(value, as: type, at: pointer)
    }

    /// `store` for a range the caller already checked.
    func storeUnchecked(_ value: ComponentValue, as type: ABIType, at pointer: Int) throws {
        let memory = try memory()
        func int(_ v: UInt64, _ size: Int) throws { try memory.storeInteger(v, at: pointer, byteCount: size) }
        switch (type, value) {
        case (.bool, .bool(let v)): try int(v ? 1 : 0, 1)
        case (.u8, .u8(let v)): try int(UInt64(v), 1)
        case (.s8, .s8(let v)): try int(UInt64(UInt8(bitPattern: v)), 1)
        case (.u16, .u16(let v)): try int(UInt64(v), 2)
        case (.s16, .s16(let v)): try int(UInt64(UInt16(bitPattern: v)), 2)
        case (.u32, .u32(let v)): try int(UInt64(v), 4)
        case (.s32, .s32(let v)): try int(UInt64(UInt32(bitPattern: v)), 4)
        case (.u64, .u64(let v)): try int(v, 8)
        case (.s64, .s64(let v)): try int(UInt64(bitPattern: v), 8)
        case (.f32, .f32(let v)): try int(UInt64(CanonicalNaN.canonicalize(v).bitPattern), 4)
        case (.f64, .f64(let v)): try int(CanonicalNaN.canonicalize(v).bitPattern, 8)
        case (.char, .char(let v)): try int(UInt64(v.value), 4)
        case (.string, .string(let s)):
            let (begin, units) = try storeString(s)
            try memory.storeInteger(UInt64(begin), at: pointer, byteCount: 4)
            try memory.storeInteger(UInt64(units), at: pointer + 4, byteCount: 4)
        case (.list(let element), .list(let values)):
            let begin = try storeList(values, element)
            try memory.storeInteger(UInt64(begin), at: pointer, byteCount: 4)
            try memory.storeInteger(UInt64(values.count), at: pointer + 4, byteCount: 4)
        case (.list(.u8), .bytes(let bytes)):
            let begin = try storeBytes(bytes)
            try memory.storeInteger(UInt64(begin), at: pointer, byteCount: 4)
            try memory.storeInteger(UInt64(bytes.count), at: pointer + 4, byteCount: 4)
        case (.flags(let labels), _):
            try int(UInt64(try flagBits(value, labels, type)), ABIType.flagsByteSize(labelCount: labels.count))
        case (.own(let resource), .own(let rep)):
            try int(UInt64(try instance.lowerOwn(rep, type: resource)), 4)
        case (.borrow(let resource), .borrow(let rep)):
            try int(UInt64(try instance.lowerBorrow(rep, type: resource, scope: borrowScope)), 4)
        case (.record, _), (.tuple, _):
            let values = try fieldValues(value, type)
            var offset = pointer
            for (field, fieldValue) in zip(type.despecializedFields!, values) {
                offset = ABIType.alignUp(offset, to: field.type.alignment)
                try storeUnchecked(fieldValue, as: field.type, at: offset)
                offset += field.type.elementSize
            }
        case (.variant, _), (.enum, _), (.option, _), (.result, _):
            let cases = type.despecializedCases!
            let (index, payload) = try caseOf(value, type)
            let discriminantSize = ABIType.discriminantSize(caseCount: cases.count)
            try int(UInt64(index), discriminantSize)
            if let payloadType = cases[index].type, let payload {
                let offset = ABIType.alignUp(pointer + discriminantSize, to: ABIType.maxCaseAlignment(cases))
                try storeUnchecked(payload, as: payloadType, at: offset)
            }
        default:
            throw CanonicalABIError.typeMismatch(expected: type.description, value: value.description)
        }
    }

    /// Allocates a block for a `list<u8>` and copies `bytes` into it at once; returns the
    /// block's pointer.
    func storeBytes(_ bytes: [UInt8]) throws -> Int {
        guard bytes.count <= CanonicalABILimits.maxListByteLength else {
            throw CanonicalABIError.listTooLong(byteLength: bytes.count)
        }
        let pointer = try allocate(alignment: 1, size: bytes.count)
        try memory().write(bytes, at: pointer)
        return pointer
    }

    /// Allocates a block for `values` and stores them (`store_list_into_range`); returns
    /// the block's pointer.
    func storeList(_ values: [ComponentValue], _ element: ABIType) throws -> Int {
        let size = element.elementSize
        let byteLength = values.count * size
        guard byteLength <= CanonicalABILimits.maxListByteLength else {
            throw CanonicalABIError.listTooLong(byteLength: byteLength)
        }
        let pointer = try allocate(alignment: element.alignment, size: byteLength)
        for (i, value) in values.enumerated() {
            try storeUnchecked(value, as: element, at: pointer + i * size)
        }
        return pointer
    }
}
