/// A decoded WebAssembly module: the binary format's sections as plain values.
///
/// A `Module` is what the decoder produces and the validator checks. It says nothing
/// about validity: indices may be out of range and code ill-typed until
/// `Validator.validate(_:)` has accepted it.
///
/// Index spaces follow the specification: imported entities come first, then the
/// module's own definitions. `functions` lists only the type indices of the module's
/// own (defined) functions; `code[i]` is the body of defined function `i`.
public struct Module: Sendable {
    public var types: [FunctionType] = []
    public var imports: [Import] = []
    /// Type index of each function defined by this module (the function section).
    public var functions: [UInt32] = []
    public var tables: [TableType] = []
    public var memories: [MemoryType] = []
    public var globals: [Global] = []
    public var exports: [Export] = []
    public var start: UInt32?
    public var elements: [ElementSegment] = []
    /// The data count section, when present (needed by `memory.init` and `data.drop`).
    public var dataCount: UInt32?
    public var code: [FunctionBody] = []
    public var data: [DataSegment] = []
    public var customSections: [CustomSection] = []
    /// Names from the `name` custom section, when it was present and well-formed.
    public var names: NameSection?

    public init() {}
}

/// One entry of the import section.
public struct Import: Hashable, Sendable {
    public var module: String
    public var name: String
    public var descriptor: ImportDescriptor

    public init(module: String, name: String, descriptor: ImportDescriptor) {
        self.module = module
        self.name = name
        self.descriptor = descriptor
    }
}

/// What kind of entity an import brings in, with its expected type.
public enum ImportDescriptor: Hashable, Sendable {
    case function(typeIndex: UInt32)
    case table(TableType)
    case memory(MemoryType)
    case global(GlobalType)
}

/// One entry of the export section.
public struct Export: Hashable, Sendable {
    public var name: String
    public var descriptor: ExportDescriptor

    public init(name: String, descriptor: ExportDescriptor) {
        self.name = name
        self.descriptor = descriptor
    }
}

/// Which entity an export names, by index into its index space.
public enum ExportDescriptor: Hashable, Sendable {
    case function(UInt32)
    case table(UInt32)
    case memory(UInt32)
    case global(UInt32)
}

/// A constant expression: the initializer of a global, a segment offset or an element.
/// Validation checks that it only uses constant instructions; the trailing `end` is not stored.
public struct ConstantExpression: Hashable, Sendable {
    public var instructions: [Instruction]

    public init(_ instructions: [Instruction]) {
        self.instructions = instructions
    }
}

/// A global defined by the module.
public struct Global: Hashable, Sendable {
    public var type: GlobalType
    public var initializer: ConstantExpression

    public init(type: GlobalType, initializer: ConstantExpression) {
        self.type = type
        self.initializer = initializer
    }
}

/// An element segment: a list of references to place in a table or keep for `table.init`.
public struct ElementSegment: Hashable, Sendable {
    /// The reference type of the elements (`funcref` or `externref`).
    public var type: ValueType
    /// One constant expression per element. The binary format's plain function-index
    /// lists are decoded as `[.refFunc(index)]` expressions so there is one form.
    public var initializers: [ConstantExpression]
    public var mode: ElementMode

    public init(type: ValueType, initializers: [ConstantExpression], mode: ElementMode) {
        self.type = type
        self.initializers = initializers
        self.mode = mode
    }
}

/// When and where an element segment is used.
public enum ElementMode: Hashable, Sendable {
    /// Available to `table.init` until dropped.
    case passive
    /// Copied into `table` at `offset` during instantiation, then dropped.
    case active(table: UInt32, offset: ConstantExpression)
    /// Only declares functions that `ref.func` may name; dropped at instantiation.
    case declarative
}

/// A data segment: bytes to place in a memory or keep for `memory.init`.
public struct DataSegment: Hashable, Sendable {
    public var bytes: [UInt8]
    public var mode: DataMode

    public init(bytes: [UInt8], mode: DataMode) {
        self.bytes = bytes
        self.mode = mode
    }
}

/// When and where a data segment is used.
public enum DataMode: Hashable, Sendable {
    /// Available to `memory.init` until dropped.
    case passive
    /// Copied into `memory` at `offset` during instantiation, then dropped.
    case active(memory: UInt32, offset: ConstantExpression)
}

/// The body of one defined function.
public struct FunctionBody: Hashable, Sendable {
    /// Declared locals (parameters not included), one entry per local, in order.
    public var locals: [ValueType]
    /// The instructions, including the final `end`.
    public var instructions: [Instruction]
    /// Offset of each instruction in the module's bytes (same count as `instructions`),
    /// so validation errors and traps can point at the exact byte.
    public var instructionOffsets: [UInt32]
    /// Offset of the body (its size field) in the module's bytes.
    public var byteOffset: Int

    public init(locals: [ValueType], instructions: [Instruction], instructionOffsets: [UInt32], byteOffset: Int) {
        self.locals = locals
        self.instructions = instructions
        self.instructionOffsets = instructionOffsets
        self.byteOffset = byteOffset
    }
}

/// A custom section kept verbatim.
public struct CustomSection: Hashable, Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// Names from the `name` custom section, used for readable traps and backtraces.
public struct NameSection: Hashable, Sendable {
    public var moduleName: String?
    /// Function index (in the function index space) to name.
    public var functionNames: [UInt32: String]
    /// Function index to (local index to name).
    public var localNames: [UInt32: [UInt32: String]]

    public init(moduleName: String? = nil, functionNames: [UInt32: String] = [:], localNames: [UInt32: [UInt32: String]] = [:]) {
        self.moduleName = moduleName
        self.functionNames = functionNames
        self.localNames = localNames
    }
}
