/// Loading: reading a component value of a given type out of linear memory (the spec's
/// `load`), trapping on invalid chars, discriminants, strings, lists and handles.
extension LiftLowerContext {
    /// Reads a value of `type` at `pointer`, which must be aligned and in bounds (checked).
    public func load(_ type: ABIType, at pointer: Int) throws -> ComponentValue {
        try load(ABILayout(type), at: pointer)
    }

    /// `load` of the type laid out by `layout`.
    func load(_ layout: ABILayout, at pointer: Int) throws -> ComponentValue {
        try checkValueRange(layout, pointer)
        return try loadUnchecked(layout, at: pointer, in: try memory())
    }

    /// `load` from `memory` (the options' memory, passed down rather than fetched per
    /// value) for a range the caller already checked (the whole enclosing value was), at
    /// a pointer aligned for the type.
    func loadUnchecked(_ layout: ABILayout, at pointer: Int, in memory: CanonicalMemory) throws -> ComponentValue {
        func int(_ size: Int) throws -> UInt64 { try memory.loadInteger(at: pointer, byteCount: size) }
        switch layout.kind {
        case .bool: return .bool(try int(1) != 0)
        case .u8: return .u8(UInt8(try int(1)))
        case .s8: return .s8(Int8(bitPattern: UInt8(try int(1))))
        case .u16: return .u16(UInt16(try int(2)))
        case .s16: return .s16(Int16(bitPattern: UInt16(try int(2))))
        case .u32: return .u32(UInt32(try int(4)))
        case .s32: return .s32(Int32(bitPattern: UInt32(try int(4))))
        case .u64: return .u64(try int(8))
        case .s64: return .s64(Int64(bitPattern: try int(8)))
        case .f32: return .f32(CanonicalNaN.canonicalize(Float(bitPattern: UInt32(try int(4)))))
        case .f64: return .f64(CanonicalNaN.canonicalize(Double(bitPattern: try int(8))))
        case .char: return .char(try Unicode.Scalar.fromCanonical(UInt32(try int(4))))
        case .string:
            let begin = try memory.loadInteger(at: pointer, byteCount: 4)
            let units = try memory.loadInteger(at: pointer + 4, byteCount: 4)
            return .string(try loadString(at: Int(begin), taggedCodeUnits: UInt32(units)))
        case .list:
            let begin = try memory.loadInteger(at: pointer, byteCount: 4)
            let length = try memory.loadInteger(at: pointer + 4, byteCount: 4)
            return try liftList(layout.element!, at: Int(begin), length: Int(length))
        case .flags:
            return makeFlags(try int(layout.size), layout.labels)
        case .own:
            return .own(try instance.liftOwn(UInt32(try int(4)), type: layout.resource!))
        case .borrow:
            return .borrow(try instance.liftBorrow(UInt32(try int(4)), type: layout.resource!, scope: borrowScope))
        case .record, .tuple:
            return makeFields(layout, try loadFields(of: layout, at: pointer, in: memory))
        case .variant:
            let variant = layout.variant!
            let index = try int(variant.discriminantSize)
            guard index < UInt64(variant.cases.count) else {
                throw CanonicalABIError.invalidDiscriminant(UInt32(index), caseCount: variant.cases.count,
                                                            type: layout.type.description)
            }
            let payloadPointer = pointer + variant.payloadOffset
            let payload = try variant.cases[Int(index)].payload.map {
                try loadUnchecked($0, at: payloadPointer, in: memory)
            }
            return makeCase(variant, Int(index), payload)
        }
    }

    /// The field values of the record or tuple laid out by `record` at `pointer` (already
    /// checked), in field order.
    func loadFields(of record: ABILayout, at pointer: Int, in memory: CanonicalMemory) throws -> [ComponentValue] {
        var values: [ComponentValue] = []
        values.reserveCapacity(record.fields.count)
        for field in record.fields {
            values.append(try loadUnchecked(field.layout, at: pointer + field.offset, in: memory))
        }
        return values
    }

    /// Lifts a list of `length` elements at `pointer`: a `list<u8>` as `.bytes`, any
    /// other list as `.list`.
    func liftList(_ element: ABILayout, at pointer: Int, length: Int) throws -> ComponentValue {
        if element.kind == .u8 { return .bytes(try loadBytes(at: pointer, length: length)) }
        return .list(try loadList(element, at: pointer, length: length))
    }

    /// The `length` bytes of a `list<u8>` at `pointer`, copied out of memory at once (the
    /// same checks as `loadList`, without one value per byte).
    func loadBytes(at pointer: Int, length: Int) throws -> [UInt8] {
        guard length <= CanonicalABILimits.maxListByteLength else {
            throw CanonicalABIError.listTooLong(byteLength: length)
        }
        try checkBounds("list<u8>", pointer, length)
        return try memory().read(at: pointer, count: length)
    }

    /// Lifts a list of `length` elements at `pointer` (`load_list_from_range`).
    func loadList(_ element: ABILayout, at pointer: Int, length: Int) throws -> [ComponentValue] {
        let size = element.size
        let byteLength = length * size
        guard byteLength <= CanonicalABILimits.maxListByteLength else {
            throw CanonicalABIError.listTooLong(byteLength: byteLength)
        }
        try checkAlignment("list<\(element.type)>", pointer, element.alignment)
        try checkBounds("list<\(element.type)>", pointer, byteLength)
        let memory = try memory()
        var values: [ComponentValue] = []
        values.reserveCapacity(length)
        for i in 0..<length {
            values.append(try loadUnchecked(element, at: pointer + i * size, in: memory))
        }
        return values
    }
}
