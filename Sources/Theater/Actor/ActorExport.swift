import ComponentModel

/// A handler export the host may call on an actor: its interface, function name and the
/// type INTERFACES.md fixes for it.
public struct ActorExport: Hashable, Sendable, CustomStringConvertible {
    /// The exported interface within the Theater package (`actor`, `message-server-client`, ...).
    public let interface: String
    /// The function within it (`init`, `handle-send`, ...).
    public let function: String

    /// `interface.function`, the name recorded in the chain (built once: it is recorded
    /// with every call).
    public let description: String

    /// The export's component-level type.
    var type: ABIFunctionType {
        switch self {
        case .initialize: return TheaterTypes.handlerExport(parameters: [.string])
        case .handleSend: return TheaterTypes.handlerExport(parameters: [TheaterTypes.bytes])
        case .handleRequest:
            return TheaterTypes.handlerExport(parameters: [.string, TheaterTypes.bytes],
                                              extraResult: .option(TheaterTypes.bytes))
        case .handleChannelOpen:
            return TheaterTypes.handlerExport(parameters: [.string, TheaterTypes.bytes],
                                              extraResult: TheaterTypes.channelAccept)
        case .handleChannelMessage: return TheaterTypes.handlerExport(parameters: [.string, TheaterTypes.bytes])
        case .handleChannelClose: return TheaterTypes.handlerExport(parameters: [.string])
        case .handleChildError: return TheaterTypes.handlerExport(parameters: [.string, TheaterTypes.witActorError])
        case .handleChildExit: return TheaterTypes.handlerExport(parameters: [.string, .option(TheaterTypes.bytes)])
        case .handleChildExternalStop: return TheaterTypes.handlerExport(parameters: [.string])
        case .handleStdout, .handleStderr: return TheaterTypes.handlerExport(parameters: [.u64, TheaterTypes.bytes])
        case .handleExit: return TheaterTypes.handlerExport(parameters: [.u64, .s32])
        case .handleHTTPRequest:
            return TheaterTypes.handlerExport(parameters: [.u64, TheaterTypes.httpRequest],
                                              extraResult: TheaterTypes.httpResponse)
        case .handleMiddleware:
            return TheaterTypes.handlerExport(parameters: [.u64, TheaterTypes.httpRequest],
                                              extraResult: TheaterTypes.middlewareResult)
        case .handleWebSocketConnect:
            return TheaterTypes.handlerExport(parameters: [.u64, .u64, .string, .option(.string)])
        case .handleWebSocketMessage:
            return TheaterTypes.handlerExport(parameters: [.u64, .u64, TheaterTypes.webSocketMessage],
                                              extraResult: .list(TheaterTypes.webSocketMessage))
        case .handleWebSocketDisconnect: return TheaterTypes.handlerExport(parameters: [.u64, .u64])
        default:
            // Exports of later handlers (HTTP, process) are checked by those handlers.
            return ABIFunctionType(parameters: [], results: [])
        }
    }

    /// `actor.init`.
    public static let initialize = ActorExport(interface: "actor", function: "init")
    /// `message-server-client.handle-send`.
    public static let handleSend = ActorExport(interface: "message-server-client", function: "handle-send")
    /// `message-server-client.handle-request`.
    public static let handleRequest = ActorExport(interface: "message-server-client", function: "handle-request")
    /// `message-server-client.handle-channel-open`.
    public static let handleChannelOpen = ActorExport(interface: "message-server-client", function: "handle-channel-open")
    /// `message-server-client.handle-channel-message`.
    public static let handleChannelMessage = ActorExport(interface: "message-server-client",
                                                         function: "handle-channel-message")
    /// `message-server-client.handle-channel-close`.
    public static let handleChannelClose = ActorExport(interface: "message-server-client", function: "handle-channel-close")
    /// `supervisor-handlers.handle-child-error`.
    public static let handleChildError = ActorExport(interface: "supervisor-handlers", function: "handle-child-error")
    /// `supervisor-handlers.handle-child-exit`.
    public static let handleChildExit = ActorExport(interface: "supervisor-handlers", function: "handle-child-exit")
    /// `supervisor-handlers.handle-child-external-stop`.
    public static let handleChildExternalStop = ActorExport(interface: "supervisor-handlers",
                                                            function: "handle-child-external-stop")

    /// `process-handlers.handle-stdout`: output of a process the actor started.
    public static let handleStdout = ActorExport(interface: "process-handlers", function: "handle-stdout")
    /// `process-handlers.handle-stderr`.
    public static let handleStderr = ActorExport(interface: "process-handlers", function: "handle-stderr")
    /// `process-handlers.handle-exit`: a process the actor started has exited.
    public static let handleExit = ActorExport(interface: "process-handlers", function: "handle-exit")

    /// `http-handlers.handle-request`: a request on a route of the actor's HTTP server.
    public static let handleHTTPRequest = ActorExport(interface: "http-handlers", function: "handle-request")
    /// `http-handlers.handle-middleware`: a request passing one of the actor's middlewares.
    public static let handleMiddleware = ActorExport(interface: "http-handlers", function: "handle-middleware")
    /// `http-handlers.handle-websocket-connect`: a WebSocket connection opened.
    public static let handleWebSocketConnect = ActorExport(interface: "http-handlers",
                                                           function: "handle-websocket-connect")
    /// `http-handlers.handle-websocket-message`: a WebSocket message arrived.
    public static let handleWebSocketMessage = ActorExport(interface: "http-handlers",
                                                           function: "handle-websocket-message")
    /// `http-handlers.handle-websocket-disconnect`: a WebSocket connection closed.
    public static let handleWebSocketDisconnect = ActorExport(interface: "http-handlers",
                                                              function: "handle-websocket-disconnect")

    /// Every export this runtime calls, by interface.
    static let all: [ActorExport] = [
        .initialize, .handleSend, .handleRequest, .handleChannelOpen, .handleChannelMessage, .handleChannelClose,
        .handleChildError, .handleChildExit, .handleChildExternalStop, .handleStdout, .handleStderr, .handleExit,
        .handleHTTPRequest, .handleMiddleware, .handleWebSocketConnect, .handleWebSocketMessage,
        .handleWebSocketDisconnect,
    ]

    /// Parses `interface.function` as recorded in the chain.
    public init?(recordedName: String) {
        guard let dot = recordedName.lastIndex(of: ".") else { return nil }
        self.init(interface: String(recordedName[..<dot]), function: String(recordedName[recordedName.index(after: dot)...]))
    }

    /// An export `interface.function`.
    public init(interface: String, function: String) {
        self.interface = interface
        self.function = function
        self.description = "\(interface).\(function)"
    }
}
