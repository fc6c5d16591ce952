/// Checks constant expressions: global initializers, segment offsets and element items.
///
/// Wasm 2.0 allows only `t.const`, `ref.null`, `ref.func` and `global.get` of an
/// *imported immutable* global (module-defined globals are not yet initialized when the
/// expression runs). The extended constant expressions of Wasm 3.0 (`i32`/`i64` `add`,
/// `sub` and `mul`) are accepted as well: toolchains emit them for position-independent
/// code (`global.get $__memory_base` plus an offset), which components built by
/// componentize-py and wit-component's dynamic linking rely on. As in the reference
/// interpreter, constness is checked before types, so `(global i32 (i32.ctz (i32.const
/// 0)))` reports "constant expression required".
enum ConstantExpressionValidator {
    /// Requires `expression` to be constant and to produce exactly one value of `type`.
    /// `context` supplies functions (all) and globals (only the imported ones are visible).
    static func validate(_ expression: ConstantExpression, producing type: ValueType,
                         context: ValidationContext) throws {
        for instruction in expression.instructions {
            switch instruction {
            case .i32Const, .i64Const, .f32Const, .f64Const, .refNull, .refFunc:
                break
            case .numeric(let op) where extendedConstantOperators.contains(op):
                break
            case .globalGet(let index):
                guard Int(index) < context.importedGlobalCount else {
                    throw ValidationError("unknown global \(index)")
                }
                if context.globals[Int(index)].isMutable {
                    throw ValidationError("constant expression required")
                }
            default:
                throw ValidationError("constant expression required")
            }
        }
        // Types on a small operand stack: leaf instructions push one value, the binary
        // integer operators pop two of their type and push one.
        var stack: [ValueType] = []
        for instruction in expression.instructions {
            if case .numeric(let op) = instruction {
                let operand: ValueType = op.rawValue < NumericOperator.i64Add.rawValue ? .i32 : .i64
                guard stack.count >= 2, stack.removeLast() == operand, stack.removeLast() == operand else {
                    throw ValidationError("type mismatch")
                }
                stack.append(operand)
            } else {
                stack.append(try resultType(of: instruction, context: context))
            }
        }
        guard stack == [type] else {
            throw ValidationError("type mismatch")
        }
    }

    /// The operators extended constant expressions allow.
    private static let extendedConstantOperators: Set<NumericOperator> = [.i32Add, .i32Sub, .i32Mul, .i64Add, .i64Sub, .i64Mul]

    /// The type of the value a constant instruction pushes.
    private static func resultType(of instruction: Instruction, context: ValidationContext) throws -> ValueType {
        switch instruction {
        case .i32Const: return .i32
        case .i64Const: return .i64
        case .f32Const: return .f32
        case .f64Const: return .f64
        case .refNull(let referenceType):
            guard referenceType.isReference else { throw ValidationError("malformed reference type") }
            return referenceType
        case .refFunc(let index):
            guard Int(index) < context.functionTypeIndices.count else {
                throw ValidationError("unknown function \(index)")
            }
            return .funcref
        case .globalGet(let index):
            return context.globals[Int(index)].valueType
        default:
            preconditionFailure("non-constant instructions are rejected before typing")
        }
    }
}
