import ComponentModel

/// How an actor export call ended, as recorded in an `export-return` event.
public enum ExportOutcome: Equatable, Sendable {
    /// The export returned ok: the new state's SHA-256 and size (nil and 0 when the state
    /// is none) and the extra result, if the export has one.
    case ok(stateHash: ChainHash?, stateSize: UInt64, result: ComponentValue?)
    /// The export returned `err(message)`.
    case failed(message: String)
    /// The call trapped, ran out of fuel or crossed a limit.
    case trapped(message: String)
    /// The call was cut short from outside the actor: its wall-clock deadline passed, or
    /// the actor was being stopped. `fuel` is the fuel handed out to the call until then;
    /// a replay hands out exactly as much, so the call stops at the same instruction.
    case interrupted(fuel: UInt64, message: String)
}
