/// What validating one function body found out, kept for the translator that turns the
/// body into register-style internal code.
///
/// The translator maps operand-stack position `h` (0 = the first value above the locals)
/// to register slot `parameters + locals + h`. It needs the stack height before every
/// instruction to know which slots an instruction reads and writes; the validator
/// computes exactly that while type-checking, so the translator never simulates the
/// stack again.
public struct FunctionValidationInfo: Sendable {
    /// Operand-stack height before each instruction of the body, with the same indexing as
    /// `FunctionBody.instructions`.
    ///
    /// The height counts every operand value of the function above its parameters and
    /// declared locals, including the values of all enclosing blocks (block parameters
    /// count as values of the inner block). For example, before the `i32.add` in
    /// `i32.const 1 block (result i32) i32.const 2 i32.const 3 i32.add end`, the height is 3.
    /// The height *after* an instruction is the next entry, except where the next entry is
    /// `unreachable`.
    ///
    /// An entry is `FunctionValidationInfo.unreachable` for an instruction in dead code:
    /// every instruction after `unreachable`, `br`, `br_table` or `return` up to the
    /// `else` or `end` of the same block, including the `else`/`end` itself and including
    /// everything inside blocks nested in that dead range. Dead code is type-checked but
    /// never executes, so its heights would be meaningless (the stack is polymorphic there).
    /// After the `end` of a block whose last instruction was dead, the block's results are
    /// on the stack as if it had ended normally: the height is the block's entry height
    /// (below its parameters) plus its result count.
    public let stackHeights: [UInt32]
    /// The largest operand-stack height the body reaches at any point, including the
    /// values an instruction pushes (e.g. the results of a call) and pushes in dead code,
    /// so that `parameters + locals + maxStackHeight` slots always suffice.
    public let maxStackHeight: Int

    /// The `stackHeights` entry of an instruction in dead code.
    public static let unreachable: UInt32 = .max

    /// Wraps the results of validating one body.
    public init(stackHeights: [UInt32], maxStackHeight: Int) {
        self.stackHeights = stackHeights
        self.maxStackHeight = maxStackHeight
    }

    /// Whether instruction `index` is in dead code (never executed).
    @inlinable
    public func isUnreachable(_ index: Int) -> Bool {
        stackHeights[index] == FunctionValidationInfo.unreachable
    }
}
