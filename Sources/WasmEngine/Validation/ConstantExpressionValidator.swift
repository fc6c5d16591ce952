/// Checks constant expressions: global initializers, segment offsets and element items.
///
/// Wasm 2.0 allows only `t.const`, `ref.null`, `ref.func` and `global.get` of an
/// *imported immutable* global (module-defined globals are not yet initialized when the
/// expression runs). As in the reference interpreter, constness is checked before types,
/// so `(global i32 (i32.ctz (i32.const 0)))` reports "constant expression required".
enum ConstantExpressionValidator {
    /// Requires `expression` to be constant and to produce exactly one value of `type`.
    /// `context` supplies functions (all) and globals (only the imported ones are visible).
    static func validate(_ expression: ConstantExpression, producing type: ValueType,
                         context: ValidationContext) throws {
        for instruction in expression.instructions {
            switch instruction {
            case .i32Const, .i64Const, .f32Const, .f64Const, .refNull, .refFunc:
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
        // Every constant instruction pushes one value and pops none, so the expression
        // yields exactly one value iff it has exactly one instruction. Types are still
        // checked for each instruction so that e.g. a bad `ref.func` index is reported.
        var producedType: ValueType?
        for instruction in expression.instructions {
            producedType = try resultType(of: instruction, context: context)
        }
        guard expression.instructions.count == 1, producedType == type else {
            throw ValidationError("type mismatch")
        }
    }

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
