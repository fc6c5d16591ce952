import ComponentModel
import Theater

/// One `log` call of an actor, found in its chain: the runtime interface's `log` host call
/// (`ntwk:theater/runtime.log(message)`, or the same under `theater:simple`), recorded with
/// its message as the one string argument.
struct ActorLogEntry {
    /// When the actor logged (milliseconds since the epoch).
    let timestamp: UInt64
    /// The logged text.
    let message: String

    /// The log entry `event` records, or nil when it records something else.
    init?(type: String, payload: [UInt8], timestamp: UInt64) {
        guard type == RecordedEvent.TypeName.hostCall,
              case .hostCall(let interface, let function, let arguments, _)? = EventPrinter.recorded(type: type, payload: payload),
              function == "log", TheaterPackage.interface(in: interface) == "runtime",
              arguments.count == 1, case .string(let message) = arguments[0] else { return nil }
        self.timestamp = timestamp
        self.message = message
    }

    /// The log entry of a wire event, or nil.
    init?(_ event: WireChainEvent) {
        self.init(type: event.eventType, payload: event.data, timestamp: event.timestamp)
    }
}
