import WasmEngine

/// A component-level call stopped abnormally: a core trap inside a component, a Canonical
/// ABI trap (bad handle, invalid string, reentrance, ...) or a failing host function.
///
/// `message` is the core trap's message (e.g. "unreachable"), the Canonical ABI error's
/// message (e.g. "unknown handle index 5") or the host function error's description, so a
/// test harness can compare it with an `assert_trap` string.
public struct ComponentTrap: Error, CustomStringConvertible {
    public let message: String

    /// A trap with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "component trap: \(message)" }

    /// The trap that `error` (thrown by a core call, the Canonical ABI or a host function)
    /// stands for at the component boundary.
    static func from(_ error: Error) -> ComponentTrap {
        switch error {
        case let trap as ComponentTrap: return trap
        case let trap as Trap: return ComponentTrap(message(of: trap.reason))
        case let reason as TrapReason: return ComponentTrap(message(of: reason))
        case let abi as CanonicalABIError: return ComponentTrap(abi.description)
        default: return ComponentTrap(String(describing: error))
        }
    }

    /// A host function that forwards a component trap into core code throws it as
    /// `.host(message)`; unwrap that so the message reads the same at every level.
    private static func message(of reason: TrapReason) -> String {
        if case .host(let message) = reason { return message }
        return reason.message
    }

    /// The core trap to throw from a host function (a `canon lower` body) for `error`:
    /// core traps keep their reason, everything else travels as `.host(message)`.
    static func coreTrap(for error: Error) -> Trap {
        if let trap = error as? Trap { return trap }
        return Trap(reason: .host(from(error).message))
    }
}

/// Instantiation failed before any code ran: a missing or mistyped import, or a component
/// whose definitions are inconsistent (which validation would have rejected).
public struct ComponentLinkError: Error, CustomStringConvertible {
    public let message: String

    /// A link error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "component link error: \(message)" }
}
