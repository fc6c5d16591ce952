import ComponentModel

/// Builds one host interface whose every function goes through the actor's
/// `ChainRecorder`: live, a call is performed and recorded with its results; in replay it
/// is answered from the chain. Handlers define their functions through this type only, so
/// nothing nondeterministic can reach an actor unrecorded.
struct RecordedInterface {
    /// The interface name within the Theater package (`runtime`, `timing`, ...).
    let interface: String
    private let recordedName: String
    private let recorder: ChainRecorder
    private(set) var instance = HostInstance()

    /// An empty interface `interface` recording through `recorder`.
    init(_ interface: String, recorder: ChainRecorder) {
        self.interface = interface
        self.recordedName = "\(TheaterPackage.names[0])/\(interface)"
        self.recorder = recorder
    }

    /// The interface as granted to an actor.
    var granted: GrantedInterface { GrantedInterface(interface: interface, instance: instance) }

    /// Defines a synchronous function `name(parameters) -> result`.
    mutating func function(_ name: String, _ parameters: [ABIType], _ result: ABIType?,
                           _ body: @escaping ([ComponentValue]) throws -> ComponentValue?) {
        let recorder = self.recorder, interface = recordedName
        instance.define(function: name, type: Self.type(parameters, result)) { arguments in
            try recorder.hostCall(interface: interface, function: name, arguments: arguments) {
                try body(arguments).map { [$0] } ?? []
            }
        }
    }

    /// Defines a function that waits (suspending the actor's Wasm execution, blocking no
    /// thread) before it answers.
    mutating func asyncFunction(_ name: String, _ parameters: [ABIType], _ result: ABIType?,
                                _ body: @escaping ([ComponentValue]) async throws -> ComponentValue?) {
        let recorder = self.recorder, interface = recordedName
        instance.define(asyncFunction: name, type: Self.type(parameters, result)) { arguments in
            try await recorder.hostCallAsync(interface: interface, function: name, arguments: arguments) {
                try await body(arguments).map { [$0] } ?? []
            }
        }
    }

    private static func type(_ parameters: [ABIType], _ result: ABIType?) -> ABIFunctionType {
        ABIFunctionType(parameters: parameters, results: result.map { [$0] } ?? [])
    }
}

extension ComponentValue {
    /// The `string` payload of an argument.
    func stringArgument() throws -> String {
        guard case .string(let value) = self else { throw ComponentTrap("expected a string, got a \(kindName)") }
        return value
    }

    /// An `option<list<u8>>` argument.
    func optionalBytesArgument() throws -> [UInt8]? {
        guard case .option(let payload) = self else { throw ComponentTrap("expected an option, got a \(kindName)") }
        return try payload.map { try $0.bytesArgument() }
    }

    /// `ok(payload)` or `err(message)` of a `result<T, string>`.
    static func outcome(_ result: Result<ComponentValue?, HostFunctionError>) -> ComponentValue {
        switch result {
        case .success(let payload): return .result(.ok(payload))
        case .failure(let error): return .result(.error(.string(error.message)))
        }
    }
}

/// An error a host function reports to the actor as `err(message)` (the call itself
/// succeeds; the actor decides what to do).
struct HostFunctionError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
