import WasmEngine

/// Flat lifting and lowering: component values to and from core values (`lift_flat`,
/// `lower_flat`), including the bit-casts that let every case of a variant share one
/// joined flat signature.
extension LiftLowerContext {
    /// Lifts one value of `type` from the core values `reader` yields.
    public func liftFlat(_ type: ABIType, from reader: inout FlatValueReader) throws -> ComponentValue {
        switch type {
        case .bool: return .bool(try reader.nextI32() != 0)
        case .u8: return .u8(UInt8(truncatingIfNeeded: try reader.nextI32()))
        case .s8: return .s8(Int8(truncatingIfNeeded: try reader.nextI32()))
        case .u16: return .u16(UInt16(truncatingIfNeeded: try reader.nextI32()))
        case .s16: return .s16(Int16(truncatingIfNeeded: try reader.nextI32()))
        case .u32: return .u32(try reader.nextI32())
        case .s32: return .s32(Int32(bitPattern: try reader.nextI32()))
        case .u64: return .u64(try reader.nextI64())
        case .s64: return .s64(Int64(bitPattern: try reader.nextI64()))
        case .f32:
            guard case .f32(let bits) = try reader.next(.f32) else { preconditionFailure("checked type") }
            return .f32(CanonicalNaN.canonicalize(Float(bitPattern: bits)))
        case .f64:
            guard case .f64(let bits) = try reader.next(.f64) else { preconditionFailure("checked type") }
            return .f64(CanonicalNaN.canonicalize(Double(bitPattern: bits)))
        case .char: return .char(try Unicode.Scalar.fromCanonical(try reader.nextI32()))
        case .string:
            let pointer = try reader.nextI32()
            let units = try reader.nextI32()
            return .string(try loadString(at: Int(pointer), taggedCodeUnits: units))
        case .list(let element):
            let pointer = try reader.nextI32()
            let length = try reader.nextI32()
            return try liftList(element, at: Int(pointer), length: Int(length))
        case .flags(let labels): return makeFlags(UInt64(try reader.nextI32()), labels)
        case .own(let resource): return .own(try instance.liftOwn(try reader.nextI32(), type: resource))
        case .borrow(let resource):
            return .borrow(try instance.liftBorrow(try reader.nextI32(), type: resource, scope: borrowScope))
        case .record, .tuple:
            let values = try type.despecializedFields!.map { try liftFlat($0.type, from: &reader) }
            return makeFields(type, values)
        case .variant, .enum, .option, .result:
            let cases = type.despecializedCases!
            let joined = Array(ABIType.flattenVariant(cases).dropFirst())
            let index = try reader.nextI32()
            guard index < UInt32(cases.count) else {
                throw CanonicalABIError.invalidDiscriminant(index, caseCount: cases.count, type: type.description)
            }
            let raw = try joined.map { try reader.next($0) }
            var payload: ComponentValue?
            if let payloadType = cases[Int(index)].type {
                let coerced = zip(raw, payloadType.flatTypes).map { Self.narrow($0, to: $1) }
                var payloadReader = FlatValueReader(coerced)
                payload = try liftFlat(payloadType, from: &payloadReader)
            }
            return makeCase(type, Int(index), payload)
        }
    }

    /// Lowers `value` as `type` into core values.
    public func lowerFlat(_ value: ComponentValue, as type: ABIType) throws -> [Value] {
        switch (type, value) {
        case (.bool, .bool(let v)): return [.i32(v ? 1 : 0)]
        case (.u8, .u8(let v)): return [.i32(UInt32(v))]
        case (.s8, .s8(let v)): return [.i32(UInt32(bitPattern: Int32(v)))]
        case (.u16, .u16(let v)): return [.i32(UInt32(v))]
        case (.s16, .s16(let v)): return [.i32(UInt32(bitPattern: Int32(v)))]
        case (.u32, .u32(let v)): return [.i32(v)]
        case (.s32, .s32(let v)): return [.i32(UInt32(bitPattern: v))]
        case (.u64, .u64(let v)): return [.i64(v)]
        case (.s64, .s64(let v)): return [.i64(UInt64(bitPattern: v))]
        case (.f32, .f32(let v)): return [.f32(CanonicalNaN.canonicalize(v).bitPattern)]
        case (.f64, .f64(let v)): return [.f64(CanonicalNaN.canonicalize(v).bitPattern)]
        case (.char, .char(let v)): return [.i32(v.value)]
        case (.string, .string(let s)):
            let (pointer, units) = try storeString(s)
            return [.i32(UInt32(pointer)), .i32(units)]
        case (.list(let element), .list(let values)):
            let pointer = try storeList(values, element)
            return [.i32(UInt32(pointer)), .i32(UInt32(values.count))]
        case (.list(.u8), .bytes(let bytes)):
            let pointer = try storeBytes(bytes)
            return [.i32(UInt32(pointer)), .i32(UInt32(bytes.count))]
        case (.flags(let labels), _): return [.i32(try flagBits(value, labels, type))]
        case (.own(let resource), .own(let rep)): return [.i32(try instance.lowerOwn(rep, type: resource))]
        case (.borrow(let resource), .borrow(let rep)):
            return [.i32(try instance.lowerBorrow(rep, type: resource, scope: borrowScope))]
        case (.record, _), (.tuple, _):
            let values = try fieldValues(value, type)
            var flat: [Value] = []
            for (field, fieldValue) in zip(type.despecializedFields!, values) {
                flat += try lowerFlat(fieldValue, as: field.type)
            }
            return flat
        case (.variant, _), (.enum, _), (.option, _), (.result, _):
            let cases = type.despecializedCases!
            let joined = Array(ABIType.flattenVariant(cases).dropFirst())
            let (index, payload) = try caseOf(value, type)
            var flat: [Value] = [.i32(UInt32(index))]
            if let payloadType = cases[index].type, let payload {
                let own = try lowerFlat(payload, as: payloadType)
                flat += zip(own, joined).map { Self.widen($0, to: $1) }
            }
            while flat.count < joined.count + 1 {
                flat.append(.zero(joined[flat.count - 1]))
            }
            return flat
        default:
            throw CanonicalABIError.typeMismatch(expected: type.description, value: value.description)
        }
    }

    /// Reinterprets a value of a joined variant slot as the case's own core type.
    static func narrow(_ value: Value, to want: ValueType) -> Value {
        switch (value, want) {
        case (.i32(let bits), .f32): return .f32(bits)
        case (.i64(let bits), .i32): return .i32(UInt32(truncatingIfNeeded: bits))
        case (.i64(let bits), .f32): return .f32(UInt32(truncatingIfNeeded: bits))
        case (.i64(let bits), .f64): return .f64(bits)
        default: return value
        }
    }

    /// Reinterprets a case's own core value as the joined variant slot type.
    static func widen(_ value: Value, to want: ValueType) -> Value {
        switch (value, want) {
        case (.f32(let bits), .i32): return .i32(bits)
        case (.i32(let bits), .i64): return .i64(UInt64(bits))
        case (.f32(let bits), .i64): return .i64(UInt64(bits))
        case (.f64(let bits), .i64): return .i64(bits)
        default: return value
        }
    }

    // MARK: Parameter and result lists

    /// Lifts values of `types` from core values: flat when they flatten to at most
    /// `maxFlat` core values, else from a tuple in memory whose pointer is the next value.
    public func liftFlatValues(_ types: [ABIType], maxFlat: Int, from reader: inout FlatValueReader) throws -> [ComponentValue] {
        guard ABIType.flatten(types).count > maxFlat else {
            return try types.map { try liftFlat($0, from: &reader) }
        }
        let pointer = try reader.nextI32()
        let tuple = ABIType.tuple(types)
        guard case .tuple(let values) = try load(tuple, at: Int(pointer)) else { preconditionFailure("tuple type") }
        return values
    }

    /// Lowers `values` of `types` to core values: flat when they fit in `maxFlat` core
    /// values, else stored as a tuple in memory at `outPointer` (when given, nothing is
    /// returned for it) or in a block from `realloc` (whose pointer is returned).
    public func lowerFlatValues(_ values: [ComponentValue], _ types: [ABIType], maxFlat: Int,
                                outPointer: UInt32? = nil) throws -> [Value] {
        guard values.count == types.count else {
            throw CanonicalABIError.resultCountMismatch(expected: types.count, actual: values.count)
        }
        guard ABIType.flatten(types).count > maxFlat else {
            var flat: [Value] = []
            for (value, type) in zip(values, types) {
                flat += try lowerFlat(value, as: type)
            }
            return flat
        }
        let tuple = ABIType.tuple(types)
        if let outPointer {
            try store(.tuple(values), as: tuple, at: Int(outPointer))
            return []
        }
        let pointer: Int
        do {
            pointer = try allocate(alignment: tuple.alignment, size: tuple.elementSize)
        } catch CanonicalABIError.reallocMisaligned(let bad, let alignment) {
            // The spilled tuple's pointer is checked like any other value pointer.
            throw CanonicalABIError.misalignedPointer(what: "\(tuple)", pointer: Int(bad), alignment: alignment)
        }
        try store(.tuple(values), as: tuple, at: pointer)
        return [.i32(UInt32(pointer))]
    }
}
