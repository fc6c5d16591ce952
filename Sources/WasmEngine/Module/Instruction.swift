/// One decoded Wasm instruction (Wasm 2.0 without SIMD).
///
/// This is the decoder's output and the validator's and translator's input. It mirrors
/// the binary format; the interpreter never executes it directly but runs the internal
/// code the translator makes from it. Immediate-free numeric instructions share one case,
/// `numeric`, so the passes can handle them through `NumericOperator.signature`.
public enum Instruction: Hashable, Sendable {
    // Control
    case unreachable
    case nop
    case block(BlockType)
    case loop(BlockType)
    case `if`(BlockType)
    case `else`
    case end
    case br(labelIndex: UInt32)
    case brIf(labelIndex: UInt32)
    case brTable(labelIndices: [UInt32], defaultIndex: UInt32)
    case `return`
    case call(functionIndex: UInt32)
    case callIndirect(typeIndex: UInt32, tableIndex: UInt32)

    // References
    case refNull(ValueType)
    case refIsNull
    case refFunc(functionIndex: UInt32)

    // Parametric
    case drop
    /// `select` without a type immediate (numeric operands only).
    case select
    /// `select t*` with explicit result types (required for reference operands).
    case typedSelect([ValueType])

    // Variables
    case localGet(UInt32)
    case localSet(UInt32)
    case localTee(UInt32)
    case globalGet(UInt32)
    case globalSet(UInt32)

    // Tables
    case tableGet(UInt32)
    case tableSet(UInt32)
    case tableInit(elementIndex: UInt32, tableIndex: UInt32)
    case elemDrop(UInt32)
    case tableCopy(destinationTable: UInt32, sourceTable: UInt32)
    case tableGrow(UInt32)
    case tableSize(UInt32)
    case tableFill(UInt32)

    // Memory
    case load(LoadOperator, MemoryArgument)
    case store(StoreOperator, MemoryArgument)
    case memorySize(memoryIndex: UInt32)
    case memoryGrow(memoryIndex: UInt32)
    case memoryInit(dataIndex: UInt32, memoryIndex: UInt32)
    case dataDrop(UInt32)
    case memoryCopy(destinationMemory: UInt32, sourceMemory: UInt32)
    case memoryFill(memoryIndex: UInt32)

    // Numeric
    case i32Const(Int32)
    case i64Const(Int64)
    /// The constant's IEEE 754 bit pattern, so NaN payloads survive exactly.
    case f32Const(bits: UInt32)
    /// The constant's IEEE 754 bit pattern, so NaN payloads survive exactly.
    case f64Const(bits: UInt64)
    case numeric(NumericOperator)
}
