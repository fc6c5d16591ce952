import WasmEngine

/// Flat lifting and lowering: component values to and from core values (`lift_flat`,
/// `lower_flat`), including the bit-casts that let every case of a variant share one
/// joined flat signature. The work is driven by precomputed `ABILayout`s; the `ABIType`
/// entry points build the layout first (once per call of theirs).
extension LiftLowerContext {
    /// Lifts one value of `type` from the core values `reader` yields.
    public func liftFlat(_ type: ABIType, from reader: inout FlatValueReader) throws -> ComponentValue {
        try liftFlat(ABILayout(type), from: &reader)
    }

    /// Lowers `value` as `type` into core values.
    public func lowerFlat(_ value: ComponentValue, as type: ABIType) throws -> [Value] {
        let layout = ABILayout(type)
        var flat: [Value] = []
        flat.reserveCapacity(layout.flatCount)
        try lowerFlat(value, layout, into: &flat)
        return flat
    }

    /// Lifts one value of the type laid out by `layout` from the core values `reader` yields.
    func liftFlat(_ layout: ABILayout, from reader: inout FlatValueReader) throws -> ComponentValue {
        switch layout.kind {
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
        case .list:
            let pointer = try reader.nextI32()
            let length = try reader.nextI32()
            return try liftList(layout.element!, at: Int(pointer), length: Int(length))
        case .flags: return makeFlags(UInt64(try reader.nextI32()), layout.labels)
        case .own: return .own(try instance.liftOwn(try reader.nextI32(), type: layout.resource!))
        case .borrow:
            return .borrow(try instance.liftBorrow(try reader.nextI32(), type: layout.resource!, scope: borrowScope))
        case .record, .tuple:
            var values: [ComponentValue] = []
            values.reserveCapacity(layout.fields.count)
            for field in layout.fields {
                values.append(try liftFlat(field.layout, from: &reader))
            }
            return makeFields(layout, values)
        case .variant:
            let variant = layout.variant!
            let index = try reader.nextI32()
            guard index < UInt32(variant.cases.count) else {
                throw CanonicalABIError.invalidDiscriminant(index, caseCount: variant.cases.count,
                                                            type: layout.type.description)
            }
            let chosen = variant.cases[Int(index)]
            // Every joined slot is checked before the payload is lifted, as reading them all
            // first would.
            try reader.expect(variant.joinedFlatTypes)
            guard let payloadLayout = chosen.payload else {
                reader.skip(variant.joinedFlatTypes.count)
                return makeCase(variant, Int(index), nil)
            }
            let payload: ComponentValue
            if chosen.flatMatchesJoined {
                payload = try liftFlat(payloadLayout, from: &reader)
                reader.skip(variant.joinedFlatTypes.count - payloadLayout.flatCount)
            } else {
                let raw = try variant.joinedFlatTypes.map { try reader.next($0) }
                let coerced = zip(raw, payloadLayout.flatTypes).map { Self.narrow($0, to: $1) }
                var payloadReader = FlatValueReader(coerced)
                payload = try liftFlat(payloadLayout, from: &payloadReader)
            }
            return makeCase(variant, Int(index), payload)
        }
    }

    /// Lowers `value` as the type laid out by `layout`, appending its core values to `flat`.
    func lowerFlat(_ value: ComponentValue, _ layout: ABILayout, into flat: inout [Value]) throws {
        switch (layout.kind, value) {
        case (.bool, .bool(let v)): flat.append(.i32(v ? 1 : 0))
        case (.u8, .u8(let v)): flat.append(.i32(UInt32(v)))
        case (.s8, .s8(let v)): flat.append(.i32(UInt32(bitPattern: Int32(v))))
        case (.u16, .u16(let v)): flat.append(.i32(UInt32(v)))
        case (.s16, .s16(let v)): flat.append(.i32(UInt32(bitPattern: Int32(v))))
        case (.u32, .u32(let v)): flat.append(.i32(v))
        case (.s32, .s32(let v)): flat.append(.i32(UInt32(bitPattern: v)))
        case (.u64, .u64(let v)): flat.append(.i64(v))
        case (.s64, .s64(let v)): flat.append(.i64(UInt64(bitPattern: v)))
        case (.f32, .f32(let v)): flat.append(.f32(CanonicalNaN.canonicalize(v).bitPattern))
        case (.f64, .f64(let v)): flat.append(.f64(CanonicalNaN.canonicalize(v).bitPattern))
        case (.char, .char(let v)): flat.append(.i32(v.value))
        case (.string, .string(let s)):
            let (pointer, units) = try storeString(s)
            flat.append(.i32(UInt32(pointer)))
            flat.append(.i32(units))
        case (.list, .list(let values)):
            let pointer = try storeList(values, layout.element!)
            flat.append(.i32(UInt32(pointer)))
            flat.append(.i32(UInt32(values.count)))
        case (.list, .bytes(let bytes)) where layout.element!.kind == .u8:
            let pointer = try storeBytes(bytes)
            flat.append(.i32(UInt32(pointer)))
            flat.append(.i32(UInt32(bytes.count)))
        case (.flags, _): flat.append(.i32(try flagBits(value, layout)))
        case (.own, .own(let rep)): flat.append(.i32(try instance.lowerOwn(rep, type: layout.resource!)))
        case (.borrow, .borrow(let rep)):
            flat.append(.i32(try instance.lowerBorrow(rep, type: layout.resource!, scope: borrowScope)))
        case (.record, _), (.tuple, _):
            let values = try fieldValues(value, layout)
            for (field, fieldValue) in zip(layout.fields, values) {
                try lowerFlat(fieldValue, field.layout, into: &flat)
            }
        case (.variant, _):
            let variant = layout.variant!
            let (index, payload) = try caseOf(value, layout)
            flat.append(.i32(UInt32(index)))
            let start = flat.count
            let chosen = variant.cases[index]
            if let payloadLayout = chosen.payload, let payload {
                try lowerFlat(payload, payloadLayout, into: &flat)
                if !chosen.flatMatchesJoined {
                    for i in start..<flat.count {
                        flat[i] = Self.widen(flat[i], to: variant.joinedFlatTypes[i - start])
                    }
                }
            }
            for slot in variant.joinedFlatTypes[(flat.count - start)...] {
                flat.append(.zero(slot))
            }
        default:
            throw CanonicalABIError.typeMismatch(expected: layout.type.description, value: value.description)
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
        try liftFlatValues(ABIValueListLayout(types), maxFlat: maxFlat, from: &reader)
    }

    /// Lowers `values` of `types` to core values: flat when they fit in `maxFlat` core
    /// values, else stored as a tuple in memory at `outPointer` (when given, nothing is
    /// returned for it) or in a block from `realloc` (whose pointer is returned).
    public func lowerFlatValues(_ values: [ComponentValue], _ types: [ABIType], maxFlat: Int,
                                outPointer: UInt32? = nil) throws -> [Value] {
        try lowerFlatValues(values, ABIValueListLayout(types), maxFlat: maxFlat, outPointer: outPointer)
    }

    /// `liftFlatValues` for the value list laid out by `list`.
    func liftFlatValues(_ list: ABIValueListLayout, maxFlat: Int, from reader: inout FlatValueReader) throws -> [ComponentValue] {
        guard list.flatTypes.count > maxFlat else {
            var values: [ComponentValue] = []
            values.reserveCapacity(list.count)
            for layout in list.layouts {
                values.append(try liftFlat(layout, from: &reader))
            }
            return values
        }
        let pointer = Int(try reader.nextI32())
        try checkValueRange(list.tuple, pointer)
        return try loadFields(of: list.tuple, at: pointer, in: try memory())
    }

    /// `lowerFlatValues` for the value list laid out by `list`.
    func lowerFlatValues(_ values: [ComponentValue], _ list: ABIValueListLayout, maxFlat: Int,
                         outPointer: UInt32? = nil) throws -> [Value] {
        guard values.count == list.count else {
            throw CanonicalABIError.resultCountMismatch(expected: list.count, actual: values.count)
        }
        guard list.flatTypes.count > maxFlat else {
            var flat: [Value] = []
            flat.reserveCapacity(list.flatTypes.count)
            for (value, layout) in zip(values, list.layouts) {
                try lowerFlat(value, layout, into: &flat)
            }
            return flat
        }
        let tuple = list.tuple
        if let outPointer {
            try checkValueRange(tuple, Int(outPointer))
            try storeFields(values, of: tuple, at: Int(outPointer), in: try memory())
            return []
        }
        let pointer: Int
        do {
            pointer = try allocate(alignment: tuple.alignment, size: tuple.size)
        } catch CanonicalABIError.reallocMisaligned(let bad, let alignment) {
            // The spilled tuple's pointer is checked like any other value pointer.
            throw CanonicalABIError.misalignedPointer(what: "\(tuple.type)", pointer: Int(bad), alignment: alignment)
        }
        try checkValueRange(tuple, pointer)
        try storeFields(values, of: tuple, at: pointer, in: try memory())
        return [.i32(UInt32(pointer))]
    }
}
