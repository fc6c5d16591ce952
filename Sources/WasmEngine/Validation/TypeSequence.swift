/// A short list of value types (block parameters or results, a label's types) that
/// avoids allocating for the common cases of zero or one type.
///
/// Block types with a type index share the arrays of the module's type section, so
/// entering a block never allocates.
enum TypeSequence {
    case none
    case one(ValueType)
    case many([ValueType])

    /// Wraps an array of types, using the allocation-free forms where possible.
    init(_ types: [ValueType]) {
        switch types.count {
        case 0: self = .none
        case 1: self = .one(types[0])
        default: self = .many(types)
        }
    }

    /// The number of types.
    @inline(__always)
    var count: Int {
        switch self {
        case .none: return 0
        case .one: return 1
        case .many(let types): return types.count
        }
    }

    /// The type at `index` (0 = the first, deepest on the stack).
    @inline(__always)
    subscript(index: Int) -> ValueType {
        switch self {
        case .none: preconditionFailure("empty type sequence")
        case .one(let type): return type
        case .many(let types): return types[index]
        }
    }

    /// Whether both sequences list the same types in the same order.
    func elementsEqual(_ other: TypeSequence) -> Bool {
        guard count == other.count else { return false }
        for index in 0..<count where self[index] != other[index] { return false }
        return true
    }
}
