@testable import Theater

/// The `http-framework` host functions as `HTTPTestActor` imports them (see `HostImport`).
extension HostImport {
    private static let types = #"(type $tls-config-def (record (field "cert-path" string) (field "key-path" string))) "#
        + #"(export "tls-config" (type $tls-config (eq $tls-config-def))) "#
        + #"(type $server-config-def (record (field "port" (option u16)) (field "host" (option string)) "#
        + #"(field "tls-config" (option $tls-config)))) "#
        + #"(export "server-config" (type $server-config (eq $server-config-def))) "#
        + #"(type $server-info-def (record (field "id" u64) (field "port" u16) (field "host" string) "#
        + #"(field "running" bool) (field "routes-count" u32) (field "middleware-count" u32) (field "websocket-enabled" bool))) "#
        + #"(export "server-info" (type $server-info (eq $server-info-def))) "#
        + #"(type $message-type-def (variant (case "text") (case "binary") (case "connect") (case "close") "#
        + #"(case "ping") (case "pong") (case "other" string))) "#
        + #"(export "message-type" (type $message-type (eq $message-type-def))) "#
        + #"(type $websocket-message-def (record (field "ty" $message-type) (field "data" (option (list u8))) "#
        + #"(field "text" (option string)))) "#
        + #"(export "websocket-message" (type $websocket-message (eq $websocket-message-def)))"#

    private static func framework(_ function: String, _ componentType: String, _ coreType: String) -> HostImport {
        HostImport(interface: "http-framework", function: function, componentType: componentType,
                   coreType: coreType, typeDeclarations: types)
    }

    private static let unit = "(result (result (error string)))"

    /// Every function of `http-framework`, in the order `HTTPTestActor` uses them.
    static let httpFramework: [HostImport] = [
        framework("create-server", #"(param "config" $server-config) (result (result u64 (error string)))"#,
                  "(param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)"),
        framework("get-server-info", #"(param "server" u64) (result (result $server-info (error string)))"#, "(param i64 i32)"),
        framework("start-server", #"(param "server" u64) (result (result u16 (error string)))"#, "(param i64 i32)"),
        framework("stop-server", #"(param "server" u64) \#(unit)"#, "(param i64 i32)"),
        framework("destroy-server", #"(param "server" u64) \#(unit)"#, "(param i64 i32)"),
        framework("register-handler", #"(param "name" string) (result (result u64 (error string)))"#, "(param i32 i32 i32)"),
        framework("add-route", #"(param "server" u64) (param "path" string) (param "method" string) (param "handler" u64) "#
                  + "(result (result u64 (error string)))", "(param i64 i32 i32 i32 i32 i64 i32)"),
        framework("remove-route", #"(param "route" u64) \#(unit)"#, "(param i64 i32)"),
        framework("add-middleware", #"(param "server" u64) (param "path" string) (param "handler" u64) "#
                  + "(result (result u64 (error string)))", "(param i64 i32 i32 i64 i32)"),
        framework("remove-middleware", #"(param "middleware" u64) \#(unit)"#, "(param i64 i32)"),
        framework("enable-websocket", #"(param "server" u64) (param "path" string) (param "connect" (option u64)) "#
                  + #"(param "message" u64) (param "disconnect" (option u64)) \#(unit)"#,
                  "(param i64 i32 i32 i32 i64 i64 i32 i64 i32)"),
        framework("disable-websocket", #"(param "server" u64) (param "path" string) \#(unit)"#, "(param i64 i32 i32 i32)"),
        framework("send-websocket-message", #"(param "server" u64) (param "connection" u64) "#
                  + #"(param "message" $websocket-message) \#(unit)"#,
                  "(param i64 i64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)"),
        framework("close-websocket", #"(param "server" u64) (param "connection" u64) \#(unit)"#, "(param i64 i64 i32)"),
    ]
}

/// The `http-handlers` exports (see `HTTPTestActor` for their core parameters).
extension TestActorExport {
    private static let state = #"(param "state" (option (list u8)))"#
    private static let stateResult = "(result (result (tuple (option (list u8))) (error string)))"
    private static let requestType = #"(type $http-request-def (record (field "method" string) (field "uri" string) "#
        + #"(field "headers" (list (tuple string string))) (field "body" (option (list u8))))) "#
        + #"(export $http-request "http-request" (type $http-request-def)) "#
        + #"(type $http-response-def (record (field "status" u16) (field "headers" (list (tuple string string))) "#
        + #"(field "body" (option (list u8))))) "#
        + #"(export $http-response "http-response" (type $http-response-def)) "#
        + #"(type $middleware-result-def (record (field "proceed" bool) (field "request" $http-request))) "#
        + #"(export $middleware-result "middleware-result" (type $middleware-result-def)) "#
        + #"(type $message-type-def (variant (case "text") (case "binary") (case "connect") (case "close") "#
        + #"(case "ping") (case "pong") (case "other" string))) "#
        + #"(export $message-type "message-type" (type $message-type-def)) "#
        + #"(type $websocket-message-def (record (field "ty" $message-type) (field "data" (option (list u8))) "#
        + #"(field "text" (option string)))) "#
        + #"(export $websocket-message "websocket-message" (type $websocket-message-def))"#

    private static func handlers(_ function: String, _ componentType: String) -> TestActorExport {
        TestActorExport(interface: "http-handlers", function: function, componentType: componentType,
                        typeDefinitions: requestType)
    }

    /// Every function of `http-handlers`.
    static let httpHandlers: [TestActorExport] = [
        TestActorExport(interface: "http-handlers", function: "handle-request",
                        componentType: "\(state) (param \"params\" (tuple u64 $http-request)) "
                            + "(result (result (tuple (option (list u8)) (tuple $http-response)) (error string)))",
                        typeDefinitions: requestType, coreExportName: "handle-http-request"),
        handlers("handle-middleware", "\(state) (param \"params\" (tuple u64 $http-request)) "
                 + "(result (result (tuple (option (list u8)) (tuple $middleware-result)) (error string)))"),
        handlers("handle-websocket-connect", "\(state) (param \"params\" (tuple u64 u64 string (option string))) \(stateResult)"),
        handlers("handle-websocket-message", "\(state) (param \"params\" (tuple u64 u64 $websocket-message)) "
                 + "(result (result (tuple (option (list u8)) (tuple (list $websocket-message))) (error string)))"),
        handlers("handle-websocket-disconnect", "\(state) (param \"params\" (tuple u64 u64)) \(stateResult)"),
    ]
}
