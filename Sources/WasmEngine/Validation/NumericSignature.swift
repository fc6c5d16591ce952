/// The operand and result types of a `NumericOperator` in a flat, allocation-free form,
/// for the validator's per-instruction hot path.
///
/// `NumericOperator.signature` returns arrays; looking signatures up in a table built
/// once from it keeps validation of large modules free of per-instruction allocations
/// while `signature` stays the single source of truth.
struct NumericSignature {
    /// How many operands the operator pops: 1 or 2.
    var operandCount: UInt8
    /// The deepest operand (the only one for unary operators).
    var first: ValueType
    /// The top operand of a binary operator; equal to `first` for unary operators.
    var second: ValueType
    /// The type of the value pushed.
    var result: ValueType

    /// The signatures of all operators, indexed by `tableIndex(of:)`.
    static let table: [NumericSignature] = {
        var table = [NumericSignature](
            repeating: NumericSignature(operandCount: 0, first: .i32, second: .i32, result: .i32),
            count: 0x200)
        for op in NumericOperator.allCases {
            let signature = op.signature
            precondition((1...2).contains(signature.parameters.count), "numeric operators take one or two operands")
            table[tableIndex(of: op)] = NumericSignature(
                operandCount: UInt8(signature.parameters.count),
                first: signature.parameters[0],
                second: signature.parameters[signature.parameters.count - 1],
                result: signature.result)
        }
        return table
    }()

    /// A dense index for `op`: one-byte opcodes map to themselves, `0xFC`-prefixed ones to
    /// `0x100 + subopcode`.
    @inline(__always)
    static func tableIndex(of op: NumericOperator) -> Int {
        let raw = Int(op.rawValue)
        return raw < 0x100 ? raw : 0x100 | (raw & 0xFF)
    }
}
