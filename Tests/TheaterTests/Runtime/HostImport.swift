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
