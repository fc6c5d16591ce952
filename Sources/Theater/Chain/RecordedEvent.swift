import ComponentModel

/// What a chain event records, typed. `typeName` and `payloadBytes()` give an event's
/// `type` and `payload`; `init(type:payload:)` reads them back.
///
/// Payloads are versioned: the first byte is `payloadVersion` (1), then the fields in
/// the order docs/chain-format.md lists them, with the primitive and value encodings of
/// `ChainValueCodec`. A new kind of event gets a new type name; a changed layout of an
/// existing one gets a new payload version, and old versions stay readable.
public enum RecordedEvent: Equatable, Sendable {
    /// The actor started; what fixes the run.
    case actorStarted(ActorStartRecord)
    /// The host called an actor export (parameters without the state, which replay derives).
    case exportCall(function: String, arguments: [ComponentValue])
    /// The export returned (or failed).
    case exportReturn(function: String, outcome: ExportOutcome)
    /// The actor called a host function; `results` is what the host answered.
    case hostCall(interface: String, function: String, arguments: [ComponentValue], results: [ComponentValue])
    /// Something went wrong that is not an export's own `err` (trap, fuel, limit, bad message).
    case actorError(kind: String, message: String)
    /// The actor stopped (reason: "shutdown requested by actor", "stopped by the runtime", ...).
    case actorStopped(reason: String)
    /// A supervision decision of this actor about one of its children (see `SupervisionAction`):
    /// the child failed, exited or was stopped from outside, was restarted or not, or the
    /// actor gave up restarting and escalated. `detail` says why, in words.
    case supervision(action: String, childID: String, detail: String)

    /// The version byte every payload this build writes starts with.
    public static let payloadVersion: UInt8 = 1

    /// The type names, as they appear in `ChainEvent.type`.
    public enum TypeName {
        public static let actorStarted = "actor-started"
        public static let exportCall = "export-call"
        public static let exportReturn = "export-return"
        public static let hostCall = "host-call"
        public static let actorError = "actor-error"
        public static let actorStopped = "actor-stopped"
        public static let supervision = "supervision"
        /// Every type name this build reads.
        public static let all = [actorStarted, exportCall, exportReturn, hostCall, actorError, actorStopped, supervision]
    }

    /// The event's type name: "actor-started", "export-call", "export-return", "host-call",
    /// "actor-error", "actor-stopped" or "supervision".
    public var typeName: String {
        switch self {
        case .actorStarted: return TypeName.actorStarted
        case .exportCall: return TypeName.exportCall
        case .exportReturn: return TypeName.exportReturn
        case .hostCall: return TypeName.hostCall
        case .actorError: return TypeName.actorError
        case .actorStopped: return TypeName.actorStopped
        case .supervision: return TypeName.supervision
        }
    }

    /// The canonical payload bytes (version byte, then the fields).
    public func payloadBytes() -> [UInt8] {
        var bytes = [UInt8]()
        bytes.append(RecordedEvent.payloadVersion)
        switch self {
        case .actorStarted(let start):
            bytes.appendString(start.actorID)
            bytes.appendString(start.name)
            bytes.appendString(start.manifest)
            bytes.appendString(start.componentHash)
            bytes.appendOptional(start.initialState) { $0.appendBlob($1) }
            bytes.appendLEB128(start.grants.count)
            for grant in start.grants { bytes.appendString(grant) }
            bytes.appendLittleEndian(start.randomSeed)
            bytes.appendOptional(start.parentID) { $0.appendString($1) }
            let variables = start.environment.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            bytes.appendLEB128(variables.count)
            for (name, value) in variables {
                bytes.appendString(name)
                bytes.appendString(value)
            }
        case .exportCall(let function, let arguments):
            bytes.appendString(function)
            ChainValueCodec.encode(arguments, into: &bytes)
        case .exportReturn(let function, let outcome):
            bytes.appendString(function)
            switch outcome {
            case .ok(let stateHash, let stateSize, let result):
                bytes.append(0)
                bytes.appendOptional(stateHash) { $0.append(contentsOf: $1.bytes) }
                bytes.appendLittleEndian(stateSize)
                bytes.appendOptional(result) { ChainValueCodec.encode($1, into: &$0) }
            case .failed(let message):
                bytes.append(1)
                bytes.appendString(message)
            case .trapped(let message):
                bytes.append(2)
                bytes.appendString(message)
            case .interrupted(let fuel, let message):
                bytes.append(3)
                bytes.appendLittleEndian(fuel)
                bytes.appendString(message)
            }
        case .hostCall(let interface, let function, let arguments, let results):
            bytes.appendString(interface)
            bytes.appendString(function)
            ChainValueCodec.encode(arguments, into: &bytes)
            ChainValueCodec.encode(results, into: &bytes)
        case .actorError(let kind, let message):
            bytes.appendString(kind)
            bytes.appendString(message)
        case .actorStopped(let reason):
            bytes.appendString(reason)
        case .supervision(let action, let childID, let detail):
            bytes.appendString(action)
            bytes.appendString(childID)
            bytes.appendString(detail)
        }
        return bytes
    }

    /// Reads an event back from its type name and payload. Strict and total: an unknown
    /// type, an unknown payload version, a malformed or non-canonical field, or trailing
    /// bytes are a `ChainDecodeError` naming the payload offset.
    public init(type: String, payload: [UInt8]) throws(ChainDecodeError) {
        guard TypeName.all.contains(type) else { throw RecordedEvent.unknownType(type) }
        var reader = ChainByteReader(payload)
        let version = try reader.readByte("payload version")
        guard version == RecordedEvent.payloadVersion else {
            throw ChainDecodeError(offset: 0, "unsupported payload version \(version) for a '\(type)' event (this build reads version \(RecordedEvent.payloadVersion))")
        }
        switch type {
        case TypeName.actorStarted:
            let actorID = try reader.readString("actor id")
            let name = try reader.readString("actor name")
            let manifest = try reader.readString("manifest")
            let componentHash = try reader.readString("component hash")
            let initialState = try reader.readOptional("initial state") { (r: inout ChainByteReader) throws(ChainDecodeError) in
                try r.readBlob("initial state")
            }
            let grantCount = try reader.readLength("count of grants")
            var grants = [String]()
            grants.reserveCapacity(grantCount)
            for _ in 0..<grantCount { grants.append(try reader.readString("grant")) }
            let randomSeed = try reader.readLittleEndian(UInt64.self, "random seed")
            let parentID = try reader.readOptional("parent id") { (r: inout ChainByteReader) throws(ChainDecodeError) in
                try r.readString("parent id")
            }
            let variableCount = try reader.readLength("count of manifest variables")
            var environment: [String: String] = [:]
            var previous: String?
            for _ in 0..<variableCount {
                let nameOffset = reader.offset
                let variable = try reader.readString("variable name")
                // One encoding only: names strictly increasing by their UTF-8 bytes.
                if let previous, !previous.utf8.lexicographicallyPrecedes(variable.utf8) {
                    throw ChainDecodeError(offset: nameOffset, "manifest variables must be sorted by name without repeats")
                }
                previous = variable
                environment[variable] = try reader.readString("variable value")
            }
            self = .actorStarted(ActorStartRecord(
                actorID: actorID, name: name, manifest: manifest, componentHash: componentHash,
                initialState: initialState, grants: grants, randomSeed: randomSeed, parentID: parentID,
                environment: environment))
        case TypeName.exportCall:
            let function = try reader.readString("export name")
            self = .exportCall(function: function, arguments: try ChainValueCodec.decodeList(from: &reader, depth: 1))
        case TypeName.exportReturn:
            let function = try reader.readString("export name")
            let outcomeOffset = reader.offset
            switch try reader.readByte("outcome") {
            case 0:
                let stateHash = try reader.readOptional("state hash") { (r: inout ChainByteReader) throws(ChainDecodeError) in
                    try r.readHash("state hash")
                }
                let sizeOffset = reader.offset
                let stateSize = try reader.readLittleEndian(UInt64.self, "state size")
                if stateHash == nil && stateSize != 0 {
                    throw ChainDecodeError(offset: sizeOffset, "a state of none must have size 0, found \(stateSize)")
                }
                let result = try reader.readOptional("export result") { (r: inout ChainByteReader) throws(ChainDecodeError) in
                    try ChainValueCodec.decode(from: &r, depth: 1)
                }
                self = .exportReturn(function: function, outcome: .ok(stateHash: stateHash, stateSize: stateSize, result: result))
            case 1: self = .exportReturn(function: function, outcome: .failed(message: try reader.readString("error message")))
            case 2: self = .exportReturn(function: function, outcome: .trapped(message: try reader.readString("trap message")))
            case 3:
                let fuel = try reader.readLittleEndian(UInt64.self, "fuel handed out")
                self = .exportReturn(function: function,
                                     outcome: .interrupted(fuel: fuel, message: try reader.readString("interruption")))
            case let other:
                throw ChainDecodeError(offset: outcomeOffset,
                                       "unknown export outcome \(other) (0 ok, 1 failed, 2 trapped, 3 interrupted)")
            }
        case TypeName.hostCall:
            let interface = try reader.readString("interface name")
            let function = try reader.readString("function name")
            let arguments = try ChainValueCodec.decodeList(from: &reader, depth: 1)
            let results = try ChainValueCodec.decodeList(from: &reader, depth: 1)
            self = .hostCall(interface: interface, function: function, arguments: arguments, results: results)
        case TypeName.actorError:
            let kind = try reader.readString("error kind")
            self = .actorError(kind: kind, message: try reader.readString("error message"))
        case TypeName.actorStopped:
            self = .actorStopped(reason: try reader.readString("stop reason"))
        case TypeName.supervision:
            let action = try reader.readString("supervision action")
            let childID = try reader.readString("child id")
            self = .supervision(action: action, childID: childID, detail: try reader.readString("supervision detail"))
        default:
            throw RecordedEvent.unknownType(type)
        }
        try reader.expectEnd("'\(type)' payload")
    }

    private static func unknownType(_ type: String) -> ChainDecodeError {
        ChainDecodeError(offset: 0, "unknown event type '\(type)' (known: \(TypeName.all.joined(separator: ", ")))")
    }
}
