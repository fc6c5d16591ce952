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

/// Which construct opened a control frame; decides the label's types and what `else`
/// and `end` may do.
enum ControlKind {
    /// The implicit block of the whole function body.
    case function
    case block
    /// A branch to a loop goes back to its start, so its label takes the loop's parameters.
    case loop
    /// The `then` arm of an `if`; an `if` without `else` must have matching parameters and results.
    case `if`
    case `else`
}

/// One entry of the validator's control stack: a block, loop, if/else arm or the function
/// body, as the spec's validation algorithm describes it.
struct ControlFrame {
    var kind: ControlKind
    /// The types the frame starts with (its parameters).
    var startTypes: TypeSequence
    /// The types the frame must leave on the stack at its `end` (its results).
    var endTypes: TypeSequence
    /// Operand-stack height when the frame was entered, below its parameters.
    var height: Int
    /// Set after `unreachable`, `br`, `br_table` or `return`: the rest of the frame is dead
    /// and its stack is polymorphic (missing operands have the unknown type).
    var unreachable: Bool
    /// Whether the frame was entered from dead code, so all of it is dead.
    var enteredDead: Bool

    /// The types a branch to this frame's label carries.
    @inline(__always)
    var labelTypes: TypeSequence { kind == .loop ? startTypes : endTypes }
}
