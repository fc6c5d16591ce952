/// An instance implemented by the host, to be imported by components through
/// `ComponentLinker.define(instance:_:)`: functions (a type plus a Swift closure, which
/// may be asynchronous), nested instances and resource types, each under an extern name.
///
/// ```swift
/// var environment = HostInstance()
/// environment.define(function: "get-arguments",
///                    type: ABIFunctionType(parameters: [], results: [.list(.string)])) { _ in
///     [.list(arguments.map { .string($0) })]
/// }
/// try linker.define(instance: "wasi:cli/environment@0.2.0", environment)
/// ```
public struct HostInstance {
    /// A host function body: one value per parameter in, zero or one result out. Throwing
    /// traps the calling component (the error's description is the trap message).
    public typealias Body = ([ComponentValue]) throws -> [ComponentValue]
    /// An asynchronous host function body (a request to another actor, a timer): the
    /// calling guest is suspended while it runs, and no thread waits for it. Throwing
    /// traps the calling component like `Body`.
    public typealias AsyncBody = ([ComponentValue]) async throws -> [ComponentValue]

    enum Member {
        case function(ABIFunctionType, Body)
        case asyncFunction(ABIFunctionType, AsyncBody)
        case instance(HostInstance)
        case resource(RuntimeResourceType)
    }

    private(set) var members: [(name: String, member: Member)] = []

    /// An instance with no exports.
    public init() {}

    /// Exports a function `name` of type `type` implemented by `body`.
    public mutating func define(function name: String, type: ABIFunctionType, _ body: @escaping Body) {
        members.append((name, .function(type, body)))
    }

    /// Exports an asynchronous function `name` of type `type` implemented by `body`. A
    /// guest reaches it only through an export called with `ComponentFunction.callAsync`;
    /// the synchronous `call` of such an export traps when the guest calls it.
    public mutating func define(asyncFunction name: String, type: ABIFunctionType, _ body: @escaping AsyncBody) {
        members.append((name, .asyncFunction(type, body)))
    }

    /// Exports a nested instance `name`.
    public mutating func define(instance name: String, _ instance: HostInstance) {
        members.append((name, .instance(instance)))
    }

    /// Exports resource type `name`; handles of it in function types must use the same
    /// `RuntimeResourceType` object.
    public mutating func define(resource name: String, _ type: RuntimeResourceType) {
        members.append((name, .resource(type)))
    }
}

extension ComponentInstance {
    /// The runtime instance that presents `host`'s members as exports.
    convenience init(host: HostInstance) {
        self.init(exports: host.members.map { name, member in
            switch member {
            case .function(let type, let body): return (name, .function(ComponentFunction(name: name, type: type, body)))
            case .asyncFunction(let type, let body):
                return (name, .function(ComponentFunction(name: name, type: type, async: body)))
            case .instance(let nested): return (name, .instance(ComponentInstance(host: nested)))
            case .resource(let resource): return (name, .type(.resource(resource)))
            }
        })
    }
}
