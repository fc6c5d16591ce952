/// A handler export a test actor implements: the Theater interface and function, its
/// component-level type (as component text) and the core function of the actor's module
/// that implements it, lifted with the actor's memory and allocator.
///
/// The core functions take the flattened parameters and return the address of the
/// return area (`TestActorComponent.prelude` has helpers that fill it):
/// - `init`:           (state disc, ptr, len, actor-id ptr, len) -> i32
/// - `handle-send`:    (state disc, ptr, len, msg ptr, len) -> i32
/// - `handle-request`: (state disc, ptr, len, request-id ptr, len, msg ptr, len) -> i32
struct TestActorExport {
    /// The exported interface within the Theater package (`actor`, `message-server-client`).
    let interface: String
    /// The function's name within it.
    let function: String
    /// The component-level function type.
    let componentType: String

    /// Component-level definitions `componentType` refers to: the records it mentions,
    /// each defined and exported under its WIT name (the Component Model only lets an
    /// export mention records that have an exported name).
    var typeDefinitions = ""

    /// The name the core module exports the implementation under, when not the
    /// function's own (two interfaces may have functions of the same name).
    var coreExportName: String? = nil

    /// The name the core module exports the implementation under.
    var coreName: String { coreExportName ?? function }

    private static let state = #"(param "state" (option (list u8)))"#
    private static let stateResult = "(result (result (tuple (option (list u8))) (error string)))"

    /// `actor.init(state, (actor-id,))`.
    static let initialize = TestActorExport(
        interface: "actor", function: "init",
        componentType: "\(state) (param \"params\" (tuple string)) \(stateResult)")
    /// `message-server-client.handle-send(state, (msg,))`.
    static let handleSend = TestActorExport(
        interface: "message-server-client", function: "handle-send",
        componentType: "\(state) (param \"params\" (tuple (list u8))) \(stateResult)")
    /// `message-server-client.handle-request(state, (request-id, msg))` -> option<list<u8>>.
    static let handleRequest = TestActorExport(
        interface: "message-server-client", function: "handle-request",
        componentType: "\(state) (param \"params\" (tuple string (list u8))) "
            + "(result (result (tuple (option (list u8)) (tuple (option (list u8)))) (error string)))")
}

/// The channel exports of `message-server-client`.
extension TestActorExport {
    private static let channelState = #"(param "state" (option (list u8)))"#
    private static let channelStateResult = "(result (result (tuple (option (list u8))) (error string)))"

    /// `handle-channel-open(state, (channel-id, msg))` -> `channel-accept`. Core return
    /// area: ok disc +0, state +4..+12, accepted +16, message option (disc +20, +24/+28).
    static let handleChannelOpen = TestActorExport(
        interface: "message-server-client", function: "handle-channel-open",
        componentType: "\(channelState) (param \"params\" (tuple string (list u8))) "
            + "(result (result (tuple (option (list u8)) (tuple $channel-accept)) (error string)))",
        typeDefinitions: "(type $channel-accept-def (record (field \"accepted\" bool) (field \"message\" (option (list u8))))) "
            + "(export $channel-accept \"channel-accept\" (type $channel-accept-def))")
    /// `handle-channel-message(state, (channel-id, msg))`: core parameters as `handle-request`'s.
    static let handleChannelMessage = TestActorExport(
        interface: "message-server-client", function: "handle-channel-message",
        componentType: "\(channelState) (param \"params\" (tuple string (list u8))) \(channelStateResult)")
    /// `handle-channel-close(state, (channel-id,))`: core parameters as `handle-send`'s.
    static let handleChannelClose = TestActorExport(
        interface: "message-server-client", function: "handle-channel-close",
        componentType: "\(channelState) (param \"params\" (tuple string)) \(channelStateResult)")
}
