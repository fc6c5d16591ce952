/// Why a WebAssembly execution stopped abnormally.
///
/// `message` uses the wording of the official spec test suite's `assert_trap` lines,
/// so a conformance harness can compare reasons by text.
public enum TrapReason: Error, Hashable, Sendable, CustomStringConvertible {
    case unreachable
    case integerDivideByZero
    case integerOverflow
    case invalidConversionToInteger
    case outOfBoundsMemoryAccess
    case outOfBoundsTableAccess
    /// `call_indirect` with an index past the end of the table.
    case undefinedElement
    /// `call_indirect` through a null table entry.
    case uninitializedElement
    case indirectCallTypeMismatch
    /// The call depth or the slot stack limit was reached.
    case callStackExhausted
    /// The store's fuel budget ran out.
    case outOfFuel
    /// A host function failed (it threw, or suspended where suspension is not allowed).
    case host(String)

    /// The spec suite's wording of the reason.
    public var message: String {
        switch self {
        case .unreachable: return "unreachable"
        case .integerDivideByZero: return "integer divide by zero"
        case .integerOverflow: return "integer overflow"
        case .invalidConversionToInteger: return "invalid conversion to integer"
        case .outOfBoundsMemoryAccess: return "out of bounds memory access"
        case .outOfBoundsTableAccess: return "out of bounds table access"
        case .undefinedElement: return "undefined element"
        case .uninitializedElement: return "uninitialized element"
        case .indirectCallTypeMismatch: return "indirect call type mismatch"
        case .callStackExhausted: return "call stack exhausted"
        case .outOfFuel: return "all fuel consumed"
        case .host(let message): return "host function failed: \(message)"
        }
    }

    public var description: String { message }
}

/// One function of a trap's backtrace.
public struct BacktraceFrame: Hashable, Sendable, CustomStringConvertible {
    /// The function's store address.
    public let address: FunctionAddress
    /// The function's index in its module's function index space (nil for host functions).
    public let functionIndex: Int?
    /// The function's name from the module's name section, when it has one.
    public let name: String?

    public init(address: FunctionAddress, functionIndex: Int?, name: String?) {
        self.address = address
        self.functionIndex = functionIndex
        self.name = name
    }

    public var description: String {
        if let name { return name }
        if let functionIndex { return "func[\(functionIndex)]" }
        return "host function @\(address.index)"
    }
}

/// A WebAssembly trap: execution stopped, the reason, and where (innermost frame first).
public struct Trap: Error, CustomStringConvertible {
    public let reason: TrapReason
    public let backtrace: [BacktraceFrame]

    public init(reason: TrapReason, backtrace: [BacktraceFrame] = []) {
        self.reason = reason
        self.backtrace = backtrace
    }

    public var description: String {
        if backtrace.isEmpty { return "trap: \(reason.message)" }
        let frames = backtrace.enumerated().map { "  \($0.offset): \($0.element)" }.joined(separator: "\n")
        return "trap: \(reason.message)\nwasm backtrace:\n\(frames)"
    }
}
