/// A Theater host function a test actor imports: the interface it belongs to, its
/// component-level type (as component text) and the core signature of its lowered form
/// (Canonical ABI, flattened; results of more than one flat value go through a return
/// area whose address is the last parameter).
///
/// Inside a test actor's core module the lowered function is `$<interface>.<function>`,
/// e.g. `(call $runtime.log (i32.const 1024) (i32.const 5))`.
struct HostImport: Hashable {
    /// The interface within the Theater package: `runtime`, `timing`, ...
    let interface: String
    /// The function's name within the interface.
    let function: String
    /// The component-level function type, e.g. `(param "msg" string)`.
    let componentType: String
    /// The lowered core function type, e.g. `(param i32 i32)`.
    let coreType: String
    /// Declarations the import's instance type needs before its functions: the records
    /// `componentType` mentions, each defined and exported under its WIT name (the
    /// Component Model only lets an import mention records that have a name).
    var typeDeclarations = ""

    /// The core function's `$id` in a test actor's module.
    var coreName: String { "$\(interface).\(function)" }

    // MARK: runtime

    /// `log(msg: string)`.
    static let log = HostImport(interface: "runtime", function: "log",
                                componentType: #"(param "msg" string)"#, coreType: "(param i32 i32)")
    /// `get-state() -> list<u8>`: writes (pointer, length) to the return area.
    static let getState = HostImport(interface: "runtime", function: "get-state",
                                     componentType: "(result (list u8))", coreType: "(param i32)")
    /// `shutdown(data: option<list<u8>>) -> result<_, string>`.
    static let shutdown = HostImport(interface: "runtime", function: "shutdown",
                                     componentType: #"(param "data" (option (list u8))) (result (result (error string)))"#,
                                     coreType: "(param i32 i32 i32 i32)")

    // MARK: timing

    /// `now() -> u64`.
    static let now = HostImport(interface: "timing", function: "now", componentType: "(result u64)",
                                coreType: "(result i64)")
    /// `sleep(duration-ms: u64) -> result<_, string>`: asynchronous on the host.
    static let sleep = HostImport(interface: "timing", function: "sleep",
                                  componentType: #"(param "duration-ms" u64) (result (result (error string)))"#,
                                  coreType: "(param i64 i32)")

    // MARK: random

    /// `random-bytes(length: u32) -> result<list<u8>, string>`: disc at +0, list at +4/+8.
    static let randomBytes = HostImport(interface: "random", function: "random-bytes",
                                        componentType: #"(param "length" u32) (result (result (list u8) (error string)))"#,
                                        coreType: "(param i32 i32)")
    /// `random-range(min: u64, max: u64) -> result<u64, string>`: disc at +0, the u64 at +8.
    static let randomRange = HostImport(interface: "random", function: "random-range",
                                        componentType: #"(param "min" u64) (param "max" u64) (result (result u64 (error string)))"#,
                                        coreType: "(param i64 i64 i32)")

    // MARK: environment

    /// `get-var(name: string) -> option<string>`: disc at +0, string at +4/+8.
    static let getVar = HostImport(interface: "environment", function: "get-var",
                                   componentType: #"(param "name" string) (result (option string))"#,
                                   coreType: "(param i32 i32 i32)")

    // MARK: message-server-host

    /// `send(actor-id: string, msg: list<u8>) -> result<_, string>`.
    static let send = HostImport(interface: "message-server-host", function: "send",
                                 componentType: #"(param "actor-id" string) (param "msg" (list u8)) (result (result (error string)))"#,
                                 coreType: "(param i32 i32 i32 i32 i32)")
    /// `request(actor-id: string, msg: list<u8>) -> result<list<u8>, string>`: asynchronous on the host.
    static let request = HostImport(interface: "message-server-host", function: "request",
                                    componentType: #"(param "actor-id" string) (param "msg" (list u8)) (result (result (list u8) (error string)))"#,
                                    coreType: "(param i32 i32 i32 i32 i32)")
    /// `list-outstanding-requests() -> list<string>`: (pointer, length) of 8-byte string entries.
    static let listOutstandingRequests = HostImport(interface: "message-server-host", function: "list-outstanding-requests",
                                                    componentType: "(result (list string))", coreType: "(param i32)")
    /// `respond-to-request(request-id: string, response: list<u8>) -> result<_, string>`.
    static let respondToRequest = HostImport(interface: "message-server-host", function: "respond-to-request",
                                             componentType: #"(param "request-id" string) (param "response" (list u8)) (result (result (error string)))"#,
                                             coreType: "(param i32 i32 i32 i32 i32)")

    // MARK: supervisor

    /// `spawn(manifest: string, init-bytes: option<list<u8>>) -> result<string, string>`: asynchronous on the host.
    static let spawn = HostImport(interface: "supervisor", function: "spawn",
                                  componentType: #"(param "manifest" string) (param "init-bytes" (option (list u8))) (result (result string (error string)))"#,
                                  coreType: "(param i32 i32 i32 i32 i32 i32)")
    /// `list-children() -> list<string>`.
    static let listChildren = HostImport(interface: "supervisor", function: "list-children",
                                         componentType: "(result (list string))", coreType: "(param i32)")
}

/// The host functions of the handler-coverage tests: channels, `get-chain`, the rest of
/// `environment`, `random` and `timing`, and the rest of `supervisor`.
extension HostImport {
    // MARK: runtime

    /// `get-chain() -> chain`: writes (pointer, length) of the `meta-event` list to the
    /// return area; each entry is 40 bytes: hash u64 at +0, event-type string at +8/+12,
    /// parent option<u64> (disc at +16, value at +24), data list at +32/+36.
    static let getChain = HostImport(interface: "runtime", function: "get-chain",
                                     componentType: "(result $chain)", coreType: "(param i32)",
                                     typeDeclarations: #"(type $event-def (record (field "event-type" string) "#
                                         + #"(field "parent" (option u64)) (field "data" (list u8)))) "#
                                         + #"(export "event" (type $event (eq $event-def))) "#
                                         + #"(type $meta-event-def (record (field "hash" u64) (field "event" $event))) "#
                                         + #"(export "meta-event" (type $meta-event (eq $meta-event-def))) "#
                                         + #"(type $chain-def (record (field "events" (list $meta-event)))) "#
                                         + #"(export "chain" (type $chain (eq $chain-def)))"#)

    // MARK: message-server-host channels

    /// `open-channel(actor-id: string, initial-msg: list<u8>) -> result<channel-id, string>`:
    /// asynchronous on the host; disc at +0, the id or the error at +4/+8.
    static let openChannel = HostImport(interface: "message-server-host", function: "open-channel",
                                        componentType: #"(param "actor-id" string) (param "initial-msg" (list u8)) "#
                                            + #"(result (result string (error string)))"#,
                                        coreType: "(param i32 i32 i32 i32 i32)")
    /// `send-on-channel(channel-id: string, msg: list<u8>) -> result<_, string>`.
    static let sendOnChannel = HostImport(interface: "message-server-host", function: "send-on-channel",
                                          componentType: #"(param "channel-id" string) (param "msg" (list u8)) "#
                                              + #"(result (result (error string)))"#,
                                          coreType: "(param i32 i32 i32 i32 i32)")
    /// `close-channel(channel-id: string) -> result<_, string>`.
    static let closeChannel = HostImport(interface: "message-server-host", function: "close-channel",
                                         componentType: #"(param "channel-id" string) (result (result (error string)))"#,
                                         coreType: "(param i32 i32 i32)")

    // MARK: environment

    /// `list-vars() -> list<tuple<string, string>>`: (pointer, length) of 16-byte entries
    /// (name at +0/+4, value at +8/+12).
    static let listVars = HostImport(interface: "environment", function: "list-vars",
                                     componentType: "(result (list (tuple string string)))", coreType: "(param i32)")
    /// `exists(name: string) -> bool`.
    static let exists = HostImport(interface: "environment", function: "exists",
                                   componentType: #"(param "name" string) (result bool)"#,
                                   coreType: "(param i32 i32) (result i32)")

    // MARK: random

    /// `random-float() -> result<f64, string>`: disc at +0, the f64 at +8.
    static let randomFloat = HostImport(interface: "random", function: "random-float",
                                        componentType: "(result (result f64 (error string)))", coreType: "(param i32)")
    /// `generate-uuid() -> result<string, string>`: disc at +0, the string at +4/+8.
    static let generateUUID = HostImport(interface: "random", function: "generate-uuid",
                                         componentType: "(result (result string (error string)))", coreType: "(param i32)")

    // MARK: timing

    /// `deadline(timestamp-ms: u64) -> result<_, string>`: asynchronous on the host.
    static let deadline = HostImport(interface: "timing", function: "deadline",
                                     componentType: #"(param "timestamp-ms" u64) (result (result (error string)))"#,
                                     coreType: "(param i64 i32)")

    // MARK: supervisor

    /// `resume(manifest: string, init-state: option<list<u8>>) -> result<string, string>`: asynchronous on the host.
    static let resume = HostImport(interface: "supervisor", function: "resume",
                                   componentType: #"(param "manifest" string) (param "init-state" (option (list u8))) "#
                                       + #"(result (result string (error string)))"#,
                                   coreType: "(param i32 i32 i32 i32 i32 i32)")
    /// `stop-child(child-id: string) -> result<_, string>`: asynchronous on the host.
    static let stopChild = HostImport(interface: "supervisor", function: "stop-child",
                                      componentType: #"(param "child-id" string) (result (result (error string)))"#,
                                      coreType: "(param i32 i32 i32)")
    /// `restart-child(child-id: string) -> result<_, string>`.
    static let restartChild = HostImport(interface: "supervisor", function: "restart-child",
                                         componentType: #"(param "child-id" string) (result (result (error string)))"#,
                                         coreType: "(param i32 i32 i32)")
    /// `get-child-state(child-id: string) -> result<option<list<u8>>, string>`: disc at +0;
    /// `ok`: option disc at +4, bytes at +8/+12; `err`: the message at +4/+8.
    static let getChildState = HostImport(interface: "supervisor", function: "get-child-state",
                                          componentType: #"(param "child-id" string) (result (result (option (list u8)) (error string)))"#,
                                          coreType: "(param i32 i32 i32)")
    /// `get-child-events(child-id: string) -> result<list<chain-event>, string>`: disc at +0,
    /// the list (or the error) at +4/+8. Each `chain-event` is 64 bytes: hash list at +0/+4,
    /// parent-hash option (disc +8, +12/+16), event-type at +20/+24, data at +28/+32,
    /// timestamp u64 at +40, description option<string> (disc +48, +52/+56).
    static let getChildEvents = HostImport(interface: "supervisor", function: "get-child-events",
                                           componentType: #"(param "child-id" string) (result (result (list $chain-event) (error string)))"#,
                                           coreType: "(param i32 i32 i32)",
                                           typeDeclarations: #"(type $chain-event-def (record (field "hash" (list u8)) "#
                                               + #"(field "parent-hash" (option (list u8))) (field "event-type" string) "#
                                               + #"(field "data" (list u8)) (field "timestamp" u64) (field "description" (option string)))) "#
                                               + #"(export "chain-event" (type $chain-event (eq $chain-event-def)))"#)
}
