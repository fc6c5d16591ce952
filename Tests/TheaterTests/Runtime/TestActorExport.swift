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

    /// The name the core module exports the implementation under.
    var coreName: String { function }

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
