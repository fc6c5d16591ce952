import WasmEngine

/// Storing: writing a component value of a given type into linear memory (the spec's
/// `store`), allocating strings and lists through `realloc`.
extension LiftLowerContext {
    /// Writes `value` as `type` at `pointer`, which must be aligned and in bounds (checked).
    public func store(_ value: ComponentValue, as type: ABIType, at pointer: Int) throws {
        let layout = ABILayout(type)
        try checkValueRange(layout, pointer)
        try storeUnchecked(value, layout, at: pointer, in: try memory())
    }

    /// `store` into `memory` (the options' memory, passed down rather than fetched per
    /// value) for a range the caller already checked, at a pointer aligned for the type.
    func storeUnchecked(_ value: ComponentValue, _ layout: ABILayout, at pointer: Int, in memory: CanonicalMemory) throws {
        func int(_ v: UInt64, _ size: Int) throws { try memory.storeInteger(v, at: pointer, byteCount: size) }
        switch (layout.kind, value) {
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
        case (.list, .list(let values)):
            let begin = try storeList(values, layout.element!)
            try memory.storeInteger(UInt64(begin), at: pointer, byteCount: 4)
            try memory.storeInteger(UInt64(values.count), at: pointer + 4, byteCount: 4)
        case (.list, .bytes(let bytes)) where layout.element!.kind == .u8:
            let begin = try storeBytes(bytes)
            try memory.storeInteger(UInt64(begin), at: pointer, byteCount: 4)
            try memory.storeInteger(UInt64(bytes.count), at: pointer + 4, byteCount: 4)
        case (.flags, _):
            try int(UInt64(try flagBits(value, layout)), layout.size)
        case (.own, .own(let rep)):
            try int(UInt64(try instance.lowerOwn(rep, type: layout.resource!)), 4)
        case (.borrow, .borrow(let rep)):
            try int(UInt64(try instance.lowerBorrow(rep, type: layout.resource!, scope: borrowScope)), 4)
        case (.record, _), (.tuple, _):
            try storeFields(try fieldValues(value, layout), of: layout, at: pointer, in: memory)
        case (.variant, _):
            let variant = layout.variant!
            let (index, payload) = try caseOf(value, layout)
            try int(UInt64(index), variant.discriminantSize)
            if let payloadLayout = variant.cases[index].payload, let payload {
                try storeUnchecked(payload, payloadLayout, at: pointer + variant.payloadOffset, in: memory)
            }
        default:
            throw CanonicalABIError.typeMismatch(expected: layout.type.description, value: value.description)
        }
    }

    /// Stores `values`, one per field of the record or tuple laid out by `record`, at
    /// `pointer` (already checked).
    func storeFields(_ values: [ComponentValue], of record: ABILayout, at pointer: Int,
                     in memory: CanonicalMemory) throws {
        for (field, value) in zip(record.fields, values) {
            try storeUnchecked(value, field.layout, at: pointer + field.offset, in: memory)
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
    func storeList(_ values: [ComponentValue], _ element: ABILayout) throws -> Int {
        let size = element.size
        let byteLength = values.count * size
        guard byteLength <= CanonicalABILimits.maxListByteLength else {
            throw CanonicalABIError.listTooLong(byteLength: byteLength)
        }
        let pointer = try allocate(alignment: element.alignment, size: byteLength)
        let memory = try memory()
        for (i, value) in values.enumerated() {
            try storeUnchecked(value, element, at: pointer + i * size, in: memory)
        }
        return pointer
    }
}
