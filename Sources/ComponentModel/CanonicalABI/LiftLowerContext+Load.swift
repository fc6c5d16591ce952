/// Loading: reading a component value of a given type out of linear memory (the spec's
/// `load`), trapping on invalid chars, discriminants, strings, lists and handles.
extension LiftLowerContext {
    /// Reads a value of `type` at `pointer`, which must be aligned and in bounds (checked).
    public func load(_ type: ABIType, at pointer: Int) throws -> ComponentValue {
        try checkValueRange("\(type)", pointer, type)
        return try loadUnchecked(type, at: pointer)
    }

    /// `load` for a range the caller already checked (the whole enclosing value was).
    func loadUnchecked(_ type: ABIType, at pointer: Int) throws -> ComponentValue {
        let memory = try memory()
        func int(_ size: Int) throws -> UInt64 { try memory.loadInteger(at: pointer, byteCount: size) }
        switch type {
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
        case .list(let element):
            let begin = try memory.loadInteger(at: pointer, byteCount: 4)
            let length = try memory.loadInteger(at: pointer + 4, byteCount: 4)
            return try liftList(element, at: Int(begin), length: Int(length))
        case .flags(let labels):
            return makeFlags(try int(ABIType.flagsByteSize(labelCount: labels.count)), labels)
        case .own(let resource):
            return .own(try instance.liftOwn(UInt32(try int(4)), type: resource))
        case .borrow(let resource):
            return .borrow(try instance.liftBorrow(UInt32(try int(4)), type: resource, scope: borrowScope))
        case .record, .tuple:
            var offset = pointer
            var values: [ComponentValue] = []
            for field in type.despecializedFields! {
                offset = ABIType.alignUp(offset, to: field.type.alignment)
                values.append(try loadUnchecked(field.type, at: offset))
                offset += field.type.elementSize
            }
            return makeFields(type, values)
        case .variant, .enum, .option, .result:
            let cases = type.despecializedCases!
            let discriminantSize = ABIType.discriminantSize(caseCount: cases.count)
            let index = try int(discriminantSize)
            guard index < UInt64(cases.count) else {
                throw CanonicalABIError.invalidDiscriminant(UInt32(index), caseCount: cases.count, type: type.description)
            }
            let payloadOffset = ABIType.alignUp(pointer + discriminantSize, to: ABIType.maxCaseAlignment(cases))
            let payload = try cases[Int(index)].type.map { try loadUnchecked($0, at: payloadOffset) }
            return makeCase(type, Int(index), payload)
        }
    }

    /// Lifts a list of `length` elements at `pointer`: a `list<u8>` as `.bytes`, any
    /// other list as `.list`.
    func liftList(_ element: ABIType, at pointer: Int, length: Int) throws -> ComponentValue {
        if case .u8 = element { return .bytes(try loadBytes(at: pointer, length: length)) }
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
    func loadList(_ element: ABIType, at pointer: Int, length: Int) throws -> [ComponentValue] {
        let size = element.elementSize
        let byteLength = length * size
        guard byteLength <= CanonicalABILimits.maxListByteLength else {
            throw CanonicalABIError.listTooLong(byteLength: byteLength)
        }
        try checkAlignment("list<\(element)>", pointer, element.alignment)
        try checkBounds("list<\(element)>", pointer, byteLength)
        var values: [ComponentValue] = []
        values.reserveCapacity(length)
        for i in 0..<length {
            values.append(try loadUnchecked(element, at: pointer + i * size))
        }
        return values
    }
}
