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

    /// The types a branch to this frame's label carries.
    @inline(__always)
    var labelTypes: TypeSequence { kind == .loop ? startTypes : endTypes }
}
