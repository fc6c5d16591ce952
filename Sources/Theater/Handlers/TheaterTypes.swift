import ComponentModel

/// The WIT types of the `ntwk:theater` package (INTERFACES.md) as Canonical ABI types, for
/// defining host functions and checking the exports actors implement.
enum TheaterTypes {
    /// `list<u8>`.
    static let bytes = ABIType.list(.u8)
    /// An actor's state: `option<list<u8>>`.
    static let state = ABIType.option(bytes)
    /// `result<_, string>`.
    static let unitResult = ABIType.result(ok: nil, error: .string)

    /// `result<T, string>`.
    static func result(_ ok: ABIType) -> ABIType { .result(ok: ok, error: .string) }

    /// `channel-accept { accepted: bool, message: option<list<u8>> }`.
    static let channelAccept = ABIType.record([ABIField("accepted", .bool), ABIField("message", .option(bytes))])

    /// `chain-event { hash, parent-hash, event-type, data, timestamp, description }`.
    static let chainEvent = ABIType.record([
        ABIField("hash", bytes), ABIField("parent-hash", .option(bytes)), ABIField("event-type", .string),
        ABIField("data", bytes), ABIField("timestamp", .u64), ABIField("description", .option(.string)),
    ])

    /// `event { event-type: string, parent: option<u64>, data: list<u8> }`.
    static let event = ABIType.record([
        ABIField("event-type", .string), ABIField("parent", .option(.u64)), ABIField("data", bytes),
    ])
    /// `meta-event { hash: u64, event: event }`.
    static let metaEvent = ABIType.record([ABIField("hash", .u64), ABIField("event", event)])
    /// `chain { events: list<meta-event> }`.
    static let chain = ABIType.record([ABIField("events", .list(metaEvent))])

    /// `wit-error-type`.
    static let witErrorType = ABIType.enum([
        "operation-timeout", "channel-closed", "shutting-down", "function-not-found", "type-mismatch",
        "internal", "serialization-error", "update-component-error", "paused",
    ])
    /// `wit-actor-error { error-type: wit-error-type, data: option<list<u8>> }`.
    static let witActorError = ABIType.record([ABIField("error-type", witErrorType), ABIField("data", .option(bytes))])

    /// The type of a handler export: `f(state, params) -> result<tuple<state[, tuple<extra>]>, string>`.
    static func handlerExport(parameters: [ABIType], extraResult: ABIType? = nil) -> ABIFunctionType {
        var okFields: [ABIType] = [state]
        if let extraResult { okFields.append(.tuple([extraResult])) }
        return ABIFunctionType(parameters: [state, .tuple(parameters)],
                               results: [.result(ok: .tuple(okFields), error: .string)])
    }
}
