import ComponentModel

/// The host's side of one host-defined resource type: the state behind each
/// representation it handed to a component, keyed by that representation.
///
/// Representations count up from 1 and are never reused, so a stale one cannot reach
/// another resource's state; the resource type's destructor removes the entry.
final class HostResourceTable<State> {
    /// The resource's name for messages (e.g. `output-stream`).
    let name: String
    private var states: [UInt32: State] = [:]
    private var nextRepresentation: UInt32 = 1

    /// An empty table for resource `name`.
    init(name: String) {
        self.name = name
    }

    /// Stores `state` under a fresh representation and returns it.
    func insert(_ state: State) -> UInt32 {
        let representation = nextRepresentation
        nextRepresentation += 1
        states[representation] = state
        return representation
    }

    /// The state of the handle `value` (an `own` or `borrow` carrying a representation).
    func state(of value: ComponentValue) throws -> State {
        let representation = try Self.representation(of: value, resource: name)
        guard let state = states[representation] else {
            throw ComponentTrap("unknown \(name) resource (representation \(representation))")
        }
        return state
    }

    /// Replaces the state of the handle `value`.
    func update(_ value: ComponentValue, to state: State) throws {
        _ = try self.state(of: value)
        states[try Self.representation(of: value, resource: name)] = state
    }

    /// Forgets `representation` (the resource's destructor).
    func remove(_ representation: UInt32) {
        states[representation] = nil
    }

    /// How many resources are live (for tests).
    var count: Int { states.count }

    /// The representation an `own` or `borrow` value carries.
    static func representation(of value: ComponentValue, resource: String) throws -> UInt32 {
        switch value {
        case .own(let representation), .borrow(let representation): return representation
        default: throw ComponentTrap("expected a \(resource) handle, got a \(value.kindName)")
        }
    }
}
