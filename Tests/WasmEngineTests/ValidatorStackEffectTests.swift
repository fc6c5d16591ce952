import Testing
@testable import WasmEngine

/// An independent check of recorded stack heights: for straight-line instructions whose
/// stack effect is fixed, the height after must be the height before minus pops plus pushes.
enum ValidatorStackEffect {
    /// (pops, pushes) of `instruction`, or `nil` for control instructions whose effect
    /// depends on block structure.
    static func effect(of instruction: Instruction, module: Module) -> (Int, Int)? {
        func functionType(_ index: UInt32) -> FunctionType {
            var imported: [UInt32] = []
            for entry in module.imports { if case .function(let t) = entry.descriptor { imported.append(t) } }
            let all = imported + module.functions
            return module.types[Int(all[Int(index)])]
        }
        switch instruction {
        case .nop: return (0, 0)
        case .i32Const, .i64Const, .f32Const, .f64Const, .localGet, .globalGet, .refNull, .refFunc, .memorySize, .tableSize:
            return (0, 1)
        case .localSet, .globalSet, .drop: return (1, 0)
        case .localTee, .load, .memoryGrow, .tableGet, .refIsNull: return (1, 1)
        case .store, .tableSet: return (2, 0)
        case .select, .typedSelect: return (3, 1)
        case .tableGrow: return (2, 1)
        case .tableFill, .tableCopy, .tableInit, .memoryFill, .memoryCopy, .memoryInit: return (3, 0)
        case .elemDrop, .dataDrop: return (0, 0)
        case .numeric(let op): return (op.signature.parameters.count, 1)
        case .call(let index):
            let type = functionType(index)
            return (type.parameters.count, type.results.count)
        case .callIndirect(let typeIndex, _):
            let type = module.types[Int(typeIndex)]
            return (type.parameters.count + 1, type.results.count)
        case .brIf: return (1, 0)
        case .block, .loop: return (0, 0)
        case .if: return (1, 0)
        default: return nil
        }
    }

    /// Counts the instruction pairs checked and the ones whose heights disagree.
    static func check(module: Module, body: FunctionBody, info: FunctionValidationInfo) -> (checked: Int, mismatches: Int) {
        var checked = 0, mismatches = 0
        let heights = info.stackHeights
        for index in 0..<(body.instructions.count - 1) {
            let before = heights[index], after = heights[index + 1]
            guard before != FunctionValidationInfo.unreachable, after != FunctionValidationInfo.unreachable,
                  let (pops, pushes) = effect(of: body.instructions[index], module: module) else { continue }
            checked += 1
            if Int(after) != Int(before) - pops + pushes { mismatches += 1 }
            if Int(after) > info.maxStackHeight { mismatches += 1 }
        }
        return (checked, mismatches)
    }
}

@Suite struct ValidatorStackEffectTests {
    @Test func checkerDetectsAWrongHeight() {
        let body = FunctionBody(locals: [], instructions: [.i32Const(1), .drop, .end], instructionOffsets: [], byteOffset: 0)
        var module = Module()
        module.types = [FunctionType()]
        module.functions = [0]
        module.code = [body]
        let good = FunctionValidationInfo(stackHeights: [0, 1, 0], maxStackHeight: 1)
        let bad = FunctionValidationInfo(stackHeights: [0, 2, 0], maxStackHeight: 2)
        #expect(ValidatorStackEffect.check(module: module, body: body, info: good).mismatches == 0)
        #expect(ValidatorStackEffect.check(module: module, body: body, info: bad).mismatches == 2)
    }
}
