/// A component-level function: a guest export made by `canon lift`, or a host function
/// given to the linker, called with component values.
///
/// The same object is shared by every index space it is aliased, exported or imported
/// into, so a function keeps its identity (and its instance's state) across components.
///
/// `call` runs a function to completion on the calling thread. `callAsync` may suspend:
/// a lifted export awaits the asynchronous host functions (`HostInstance.define(asyncFunction:...)`)
/// its guest calls, without blocking a thread. Calls into one store must not overlap (one
/// call at a time per store, as an actor makes them).
public final class ComponentFunction {
    /// The function's type; handle types name the runtime resource types they belong to.
    public let type: ABIFunctionType
    /// A name for messages (the export or host function name it was created under).
    public let name: String
    private let implementation: Implementation

    /// What runs when the function is called.
    enum Implementation {
        /// A synchronous host function.
        case host(HostInstance.Body)
        /// An asynchronous host function.
        case asyncHost(HostInstance.AsyncBody)
        /// A guest export made by `canon lift`.
        case lifted(LiftedFunction)
    }

    /// A host function of `type` whose behaviour is `body`.
    public convenience init(name: String, type: ABIFunctionType, _ body: @escaping HostInstance.Body) {
        self.init(name: name, type: type, implementation: .host(body))
    }

    /// An asynchronous host function of `type` whose behaviour is `body`: a guest that
    /// calls it is suspended until `body` returns (see `callAsync`).
    public convenience init(name: String, type: ABIFunctionType, async body: @escaping HostInstance.AsyncBody) {
        self.init(name: name, type: type, implementation: .asyncHost(body))
    }

    init(name: String, type: ABIFunctionType, implementation: Implementation) {
        self.name = name
        self.type = type
        self.implementation = implementation
    }

    /// Whether a guest implements the function (`canon lift`), as opposed to the host.
    var isLifted: Bool {
        if case .lifted = implementation { return true }
        return false
    }

    /// Whether the function is an asynchronous host function.
    public var isAsync: Bool {
        if case .asyncHost = implementation { return true }
        return false
    }

    /// Calls the function with one value per parameter; returns zero or one result.
    /// Every failure inside the call surfaces as a `ComponentTrap`, including reaching an
    /// asynchronous host function (use `callAsync` for exports that may).
    public func call(_ arguments: [ComponentValue]) throws -> [ComponentValue] {
        do {
            return try invoke(arguments)
        } catch {
            throw ComponentTrap.from(error)
        }
    }

    /// Calls the function like `call`, except that the asynchronous host functions a
    /// lifted export reaches suspend its guest instead of trapping: each one's body is
    /// awaited (its arguments were lifted out of guest memory when the guest called it),
    /// its results are lowered back into the guest, and the guest resumes. An
    /// asynchronous host function called directly is simply awaited. Every failure
    /// surfaces as a `ComponentTrap`; a host body that throws traps the guest with the
    /// error's description and poisons its instance, as a synchronous one does.
    public func callAsync(_ arguments: [ComponentValue]) async throws -> [ComponentValue] {
        do {
            return try await invokeAsync(arguments)
        } catch {
            throw ComponentTrap.from(error)
        }
    }

    /// Calls the function without translating errors (for calls from another component,
    /// whose lowering wraps them itself).
    func invoke(_ arguments: [ComponentValue]) throws -> [ComponentValue] {
        try checkArity(arguments)
        switch implementation {
        case .host(let body): return try body(arguments)
        case .lifted(let lifted): return try lifted.call(arguments)
        case .asyncHost: throw ComponentTrap("`\(name)` is asynchronous: call it with callAsync")
        }
    }

    /// `invoke` for `callAsync`: awaits asynchronous host functions.
    func invokeAsync(_ arguments: [ComponentValue]) async throws -> [ComponentValue] {
        try checkArity(arguments)
        switch implementation {
        case .host(let body): return try body(arguments)
        case .lifted(let lifted): return try await lifted.callAsync(arguments)
        case .asyncHost(let body): return try await body(arguments)
        }
    }

    private func checkArity(_ arguments: [ComponentValue]) throws {
        guard arguments.count == type.parameters.count else {
            throw ComponentTrap("\(name) expects \(type.parameters.count) argument(s), got \(arguments.count)")
        }
    }
}
