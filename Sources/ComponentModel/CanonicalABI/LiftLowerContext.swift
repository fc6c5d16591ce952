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

    /// Traps unless `pointer` is a multiple of `alignment`.
    func checkAlignment(_ what: String, _ pointer: Int, _ alignment: Int) throws {
        guard pointer % alignment == 0 else {
            throw CanonicalABIError.misalignedPointer(what: what, pointer: pointer, alignment: alignment)
        }
    }

    /// Traps unless `[pointer, pointer+length)` lies inside the memory.
    func checkBounds(_ what: String, _ pointer: Int, _ length: Int) throws {
        let size = try memory().byteCount
        guard pointer >= 0, length >= 0, pointer <= size, length <= size - pointer else {
            throw CanonicalABIError.outOfBounds(what: what, offset: pointer, length: length, memorySize: size)
        }
    }

    /// Checks that a whole value of `type` can be accessed at `pointer`.
    func checkValueRange(_ what: String, _ pointer: Int, _ type: ABIType) throws {
        try checkAlignment(what, pointer, type.alignment)
        try checkBounds(what, pointer, type.elementSize)
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
        let size = try memory().byteCount
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

    /// The field values of a record or tuple value, in the type's field order.
    func fieldValues(_ value: ComponentValue, _ type: ABIType) throws -> [ComponentValue] {
        switch (type, value) {
        case (.record(let fields), .record(let given)):
            return try fields.map { field in
                guard let match = given.first(where: { $0.label == field.label }) else {
                    throw CanonicalABIError.typeMismatch(expected: type.description, value: value.description)
                }
                return match.value
            }
        case (.tuple(let types), .tuple(let values)) where types.count == values.count:
            return values
        default:
            throw CanonicalABIError.typeMismatch(expected: type.description, value: value.description)
        }
    }

    /// A record or tuple value from field values in type order.
    func makeFields(_ type: ABIType, _ values: [ComponentValue]) -> ComponentValue {
        if case .record(let fields) = type {
            return .record(zip(fields, values).map { ComponentField($0.label, $1) })
        }
        return .tuple(values)
    }

    /// The case index and payload of a variant, enum, option or result value.
    func caseOf(_ value: ComponentValue, _ type: ABIType) throws -> (index: Int, payload: ComponentValue?) {
        // Built only on failure: describing a large value (a megabyte of bytes) is costly.
        func mismatch() -> CanonicalABIError {
            CanonicalABIError.typeMismatch(expected: type.description, value: value.description)
        }
        let found: (Int, ComponentValue?)
        switch (type, value) {
        case (.variant(let cases), .variant(let name, let payload)):
            guard let i = cases.firstIndex(where: { $0.label == name }) else { throw mismatch() }
            found = (i, payload)
        case (.enum(let labels), .enum(let name)):
            guard let i = labels.firstIndex(of: name) else { throw mismatch() }
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
        guard (type.despecializedCases![found.0].type == nil) == (found.1 == nil) else { throw mismatch() }
        return found
    }

    /// A variant, enum, option or result value from a case index and payload.
    func makeCase(_ type: ABIType, _ index: Int, _ payload: ComponentValue?) -> ComponentValue {
        switch type {
        case .variant(let cases): return .variant(caseName: cases[index].label, payload: payload)
        case .enum(let labels): return .enum(labels[index])
        case .option: return .option(index == 0 ? nil : payload)
        default: return .result(index == 0 ? .ok(payload) : .error(payload))
        }
    }

    /// The bit vector of a flags value.
    func flagBits(_ value: ComponentValue, _ labels: [String], _ type: ABIType) throws -> UInt32 {
        guard case .flags(let set) = value else {
            throw CanonicalABIError.typeMismatch(expected: type.description, value: value.description)
        }
        var bits: UInt32 = 0
        for (i, label) in labels.enumerated() where set.contains(label) {
            bits |= 1 << UInt32(i)
        }
        guard bits.nonzeroBitCount == set.count else {
            throw CanonicalABIError.typeMismatch(expected: type.description, value: value.description)
        }
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
