/// Type-checks function bodies with the spec's validation algorithm (Appendix
/// "Validation Algorithm").
///
/// State, as in the spec:
/// - `operands`: the operand stack of value types; `nil` is the spec's *Unknown* type,
///   produced when dead code pops from an empty (polymorphic) stack.
/// - `controls`: the control stack of frames (blocks, loops, if/else arms, the function),
///   each with start types, end types, the operand height at entry and an unreachable flag.
///
/// ```
/// operands: [ i32 | f64  i32 | nil ]      controls: [ function(h=0) | block(h=1) | loop(h=3) ]
///             ^      ^block's   ^pushed                  top frame = last; its height and
///             function values   in dead code             flags are cached in `frame*` fields
/// ```
///
/// One validator is reused for all bodies of a module, so the two stacks keep their
/// capacity and validating an instruction allocates nothing. The operand stack is an
/// `OperandTypeStack` (a raw byte buffer) because it is touched by every instruction.
struct FunctionValidator {
    let context: ValidationContext
    let operands = OperandTypeStack()
    private(set) var controls: [ControlFrame] = []
    /// Cache of the top frame's `height` and `unreachable`, read by every pop.
    private var frameHeight = 0
    private var frameUnreachable = false
    /// Types of the current function's parameters followed by its declared locals.
    private(set) var locals: [ValueType] = []
    /// The current function's result types (`C.return`).
    private(set) var returnTypes = TypeSequence.none
    /// Index of the instruction being validated, for error offsets.
    private var instructionIndex = 0
    private var instructionOffsets: [UInt32] = []
    private var bodyOffset = 0
    /// `NumericSignature.table`, held here so the hot path skips the lazy-global check.
    private let numericSignatures = NumericSignature.table

    /// Creates a validator for the bodies of the module described by `context`.
    init(context: ValidationContext) {
        self.context = context
    }

    /// Validates `body` as a function of type `type`.
    mutating func validate(_ body: FunctionBody, type: FunctionType) throws {
        operands.truncate(to: 0)
        controls.removeAll(keepingCapacity: true)
        instructionIndex = 0
        instructionOffsets = body.instructionOffsets
        bodyOffset = body.byteOffset
        locals.removeAll(keepingCapacity: true)
        locals.append(contentsOf: type.parameters)
        locals.append(contentsOf: body.locals)
        for local in body.locals { try checkSupported(local) }
        returnTypes = TypeSequence(type.results)
        pushControl(.function, start: .none, end: returnTypes)

        // Instructions are read in place through a pointer, so that checking one does not
        // copy it (a copy retains and releases the arrays some instructions carry).
        try body.instructions.withUnsafeBufferPointer { instructions in
            guard let first = instructions.baseAddress else { return }
            for index in 0..<instructions.count {
                instructionIndex = index
                if controls.isEmpty {
                    throw error("instructions after the end of the function body")
                }
                try validate(first + index)
            }
        }
        if !controls.isEmpty {
            instructionIndex = body.instructions.count
            throw error("unexpected end of function body (missing `end`)")
        }
    }

    /// The operand and result types of a numeric operator.
    @inline(__always)
    func numericSignature(_ op: NumericOperator) -> NumericSignature {
        numericSignatures[NumericSignature.tableIndex(of: op)]
    }

    // MARK: Errors

    /// An error located at the instruction being validated.
    func error(_ message: String) -> ValidationError {
        if instructionIndex < instructionOffsets.count {
            return ValidationError(message, offset: Int(instructionOffsets[instructionIndex]))
        }
        return ValidationError(message, offset: bodyOffset)
    }

    /// Rejects `v128`: SIMD is not supported, so no code may hold such a value.
    func checkSupported(_ type: ValueType) throws {
        if type == .v128 { throw error("SIMD type v128 is not supported") }
    }

    // MARK: Operand stack

    /// Pushes a value of `type` (`nil`: unknown).
    @inline(__always)
    mutating func push(_ type: ValueType?) {
        operands.push(type)
    }

    /// Pushes values of `types`, first type deepest.
    @inline(__always)
    mutating func push(_ types: TypeSequence) {
        for index in 0..<types.count { push(types[index]) }
    }

    /// Pops any value; `nil` when the frame is unreachable and its stack is empty.
    @inline(__always)
    mutating func pop() throws -> ValueType? {
        if operands.count == frameHeight {
            if frameUnreachable { return nil }
            throw error("type mismatch")
        }
        return operands.removeLast()
    }

    /// Pops a value that must have type `expected` (or be unknown).
    @inline(__always)
    mutating func pop(_ expected: ValueType) throws {
        if operands.count == frameHeight {
            if frameUnreachable { return }
            throw error("type mismatch")
        }
        if let actual = operands.removeLast(), actual != expected {
            throw error("type mismatch")
        }
    }

    /// Pops values of `types`, last type first.
    @inline(__always)
    mutating func pop(_ types: TypeSequence) throws {
        var index = types.count
        while index > 0 {
            index -= 1
            try pop(types[index])
        }
    }

    /// Pops values of `types` (a function type's parameters), last type first.
    mutating func pop(_ types: [ValueType]) throws {
        for type in types.reversed() { try pop(type) }
    }

    /// Pushes values of `types` (a function type's results), first type deepest.
    mutating func push(_ types: [ValueType]) {
        for type in types { push(type) }
    }

    /// Checks that the top of the stack matches `types` without changing the stack: the
    /// spec's `push_vals(pop_vals(types))` that `br_table` does for each label, without
    /// moving values. Missing operands in an unreachable frame are unknown and match anything.
    mutating func checkTop(_ types: TypeSequence) throws {
        let count = types.count
        let base = operands.count - count
        for index in 0..<count {
            let position = base + index
            if position < frameHeight {
                if frameUnreachable { continue }
                throw error("type mismatch")
            }
            if let actual = operands[position], actual != types[index] {
                throw error("type mismatch")
            }
        }
    }

    // MARK: Control stack

    /// Enters a frame: records the current height and pushes the frame's start types.
    mutating func pushControl(_ kind: ControlKind, start: TypeSequence, end: TypeSequence) {
        controls.append(ControlFrame(
            kind: kind, startTypes: start, endTypes: end,
            height: operands.count, unreachable: false))
        frameHeight = operands.count
        frameUnreachable = false
        push(start)
    }

    /// Leaves the top frame: its end types must be exactly what is left above its height.
    mutating func popControl() throws -> ControlFrame {
        let frame = controls[controls.count - 1]
        try pop(frame.endTypes)
        if operands.count != frameHeight { throw error("type mismatch") }
        controls.removeLast()
        if let top = controls.last {
            frameHeight = top.height
            frameUnreachable = top.unreachable
        }
        return frame
    }

    /// The types carried by a branch to label `depth` (0 = innermost), or "unknown label".
    @inline(__always)
    func labelTypes(_ depth: UInt32) throws -> TypeSequence {
        guard Int(depth) < controls.count else { throw error("unknown label \(depth)") }
        return controls[controls.count - 1 - Int(depth)].labelTypes
    }

    /// Makes the rest of the current frame dead: drops its operands and makes its stack
    /// polymorphic.
    mutating func markUnreachable() {
        operands.truncate(to: frameHeight)
        controls[controls.count - 1].unreachable = true
        frameUnreachable = true
    }
}
