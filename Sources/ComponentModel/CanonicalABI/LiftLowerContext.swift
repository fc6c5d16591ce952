/// The ambient state of one lift or lower (the spec's `LiftLowerContext`): the canonical
/// options, the component instance whose handle table and memory are used, and the call
/// scope that `borrow` handles belong to.
///
/// Loading, storing, flat lifting and flat lowering are extensions of this type, each in
/// its own file; this file holds what they share: memory checks and allocation.
public struct LiftLowerContext {
    public let options: CanonicalOptions
    public let instance: CanonicalInstance
    /// The call that lowered borrows count in (callee side) or that lends handles for
    /// lifted borrows (caller side); nil when the types contain no `borrow`.
    public let borrowScope: CallContext?

    /// A context for lifting or lowering with `options` in `instance`.
    public init(options: CanonicalOptions, instance: CanonicalInstance, borrowScope: CallContext? = nil) {
        self.options = options
        self.instance = instance
        self.borrowScope = borrowScope
    }

    /// The memory, or `missingMemory`.
    func memory() throws -> CanonicalMemory {
        guard let memory = options.memory else { throw CanonicalABIError.missingMemory }
        return memory
    }

    /// The memory's current size in bytes, or `missingMemory`. (Asked of the options'
    /// memory in place: `memory()` copies the existential, which every bounds check would pay.)
    func memoryByteCount() throws -> Int {
        guard let size = options.memory?.byteCount else { throw CanonicalABIError.missingMemory }
        return size
    }

    /// Traps unless `pointer` is a multiple of `alignment`. (`what` names the value in the
    /// message; it is only built on failure, as describing a type is costly.)
    func checkAlignment(_ what: @autoclosure () -> String, _ pointer: Int, _ alignment: Int) throws {
        guard pointer % alignment == 0 else {
            throw CanonicalABIError.misalignedPointer(what: what(), pointer: pointer, alignment: alignment)
        }
    }

    /// Traps unless `[pointer, pointer+length)` lies inside the memory.
    func checkBounds(_ what: @autoclosure () -> String, _ pointer: Int, _ length: Int) throws {
        let size = try memoryByteCount()
        guard pointer >= 0, length >= 0, pointer <= size, length <= size - pointer else {
            throw CanonicalABIError.outOfBounds(what: what(), offset: pointer, length: length, memorySize: size)
        }
    }

    /// Checks that a whole value of the type laid out by `layout` can be accessed at `pointer`.
    func checkValueRange(_ layout: ABILayout, _ pointer: Int) throws {
        try checkAlignment("\(layout.type)", pointer, layout.alignment)
        try checkBounds("\(layout.type)", pointer, layout.size)
    }

    /// Calls the guest's `realloc` (with `may_leave` cleared, as the spec requires) and
    /// checks that the block it returns is aligned and inside the memory.
    func reallocate(_ oldPointer: Int, _ oldSize: Int, alignment: Int, newSize: Int) throws -> Int {
        guard let realloc = options.realloc else { throw CanonicalABIError.missingRealloc }
        let wasAllowedToLeave = instance.mayLeave
        instance.mayLeave = false
        defer { instance.mayLeave = wasAllowedToLeave }
        let pointer = try realloc(UInt32(truncatingIfNeeded: oldPointer), UInt32(truncatingIfNeeded: oldSize),
                                  UInt32(alignment), UInt32(truncatingIfNeeded: newSize))
        guard Int(pointer) % alignment == 0 else {
            throw CanonicalABIError.reallocMisaligned(pointer: pointer, alignment: alignment)
        }
        let size = try memoryByteCount()
        guard Int(pointer) + newSize <= size else {
            throw CanonicalABIError.reallocOutOfBounds(pointer: pointer, size: newSize, memorySize: size)
        }
        return Int(pointer)
    }

    /// A fresh block from `realloc` (old pointer and size 0).
    func allocate(alignment: Int, size: Int) throws -> Int {
        try reallocate(0, 0, alignment: alignment, newSize: size)
    }

    // MARK: Matching host values against types

    /// The field values of a value of the record or tuple laid out by `layout`, in field
    /// order (a record's fields are looked up by label).
    func fieldValues(_ value: ComponentValue, _ layout: ABILayout) throws -> [ComponentValue] {
        func mismatch() -> CanonicalABIError {
            CanonicalABIError.typeMismatch(expected: layout.type.description, value: value.description)
        }
        switch (layout.kind, value) {
        case (.record, .record(let given)):
            return try layout.fields.map { field in
                guard let match = given.first(where: { $0.label == field.label }) else { throw mismatch() }
                return match.value
            }
        case (.tuple, .tuple(let values)) where values.count == layout.fields.count:
            return values
        default:
            throw mismatch()
        }
    }

    /// A value of the record or tuple laid out by `layout` from field values in field order.
    func makeFields(_ layout: ABILayout, _ values: [ComponentValue]) -> ComponentValue {
        if layout.kind == .tuple { return .tuple(values) }
        return .record(zip(layout.fields, values).map { ComponentField($0.label, $1) })
    }

    /// The case index and payload of a value of the variant, enum, option or result laid
    /// out by `layout`.
    func caseOf(_ value: ComponentValue, _ layout: ABILayout) throws -> (index: Int, payload: ComponentValue?) {
        let variant = layout.variant!
        // Built only on failure: describing a large value (a megabyte of bytes) is costly.
        func mismatch() -> CanonicalABIError {
            CanonicalABIError.typeMismatch(expected: layout.type.description, value: value.description)
        }
        let found: (Int, ComponentValue?)
        switch (variant.style, value) {
        case (.variant, .variant(let name, let payload)):
            guard let i = variant.cases.firstIndex(where: { $0.label == name }) else { throw mismatch() }
            found = (i, payload)
        case (.enum, .enum(let name)):
            guard let i = variant.cases.firstIndex(where: { $0.label == name }) else { throw mismatch() }
            found = (i, nil)
        case (.option, .option(let payload)):
            found = payload.map { (1, $0) } ?? (0, nil)
        case (.result, .result(.ok(let payload))):
            found = (0, payload)
        case (.result, .result(.error(let payload))):
            found = (1, payload)
        default:
            throw mismatch()
        }
        // A payload must be present exactly when the case declares one.
        guard (variant.cases[found.0].payload == nil) == (found.1 == nil) else { throw mismatch() }
        return found
    }

    /// A variant, enum, option or result value from a case index and payload.
    func makeCase(_ variant: VariantLayout, _ index: Int, _ payload: ComponentValue?) -> ComponentValue {
        switch variant.style {
        case .variant: return .variant(caseName: variant.cases[index].label, payload: payload)
        case .enum: return .enum(variant.cases[index].label)
        case .option: return .option(index == 0 ? nil : payload)
        case .result: return .result(index == 0 ? .ok(payload) : .error(payload))
        }
    }

    /// The bit vector of a value of the flags type laid out by `layout`.
    func flagBits(_ value: ComponentValue, _ layout: ABILayout) throws -> UInt32 {
        func mismatch() -> CanonicalABIError {
            CanonicalABIError.typeMismatch(expected: layout.type.description, value: value.description)
        }
        guard case .flags(let set) = value else { throw mismatch() }
        var bits: UInt32 = 0
        for (i, label) in layout.labels.enumerated() where set.contains(label) {
            bits |= 1 << UInt32(i)
        }
        guard bits.nonzeroBitCount == set.count else { throw mismatch() }
        return bits
    }

    /// The flags value of a bit vector; bits beyond the labels are ignored, as the spec does.
    func makeFlags(_ bits: UInt64, _ labels: [String]) -> ComponentValue {
        var set = Set<String>()
        for (i, label) in labels.enumerated() where bits & (1 << UInt64(i)) != 0 {
            set.insert(label)
        }
        return .flags(set)
    }
}

/// Float NaN canonicalization: lifting keeps only one NaN per type; lowering (Theater
/// implements the spec's deterministic profile) writes that same canonical NaN.
enum CanonicalNaN {
    static let float32Bits: UInt32 = 0x7FC0_0000
    static let float64Bits: UInt64 = 0x7FF8_0000_0000_0000

    static func canonicalize(_ f: Float) -> Float { f.isNaN ? Float(bitPattern: float32Bits) : f }
    static func canonicalize(_ d: Double) -> Double { d.isNaN ? Double(bitPattern: float64Bits) : d }
}

extension Unicode.Scalar {
    /// The `char` an `i32` denotes, or `invalidChar` for surrogates and values past U+10FFFF.
    static func fromCanonical(_ value: UInt32) throws -> Unicode.Scalar {
        guard let scalar = Unicode.Scalar(value) else { throw CanonicalABIError.invalidChar(value) }
        return scalar
    }
}
