/// A component-level function: a guest export made by `canon lift`, or a host function
/// given to the linker, called with component values.
///
/// The same object is shared by every index space it is aliased, exported or imported
/// into, so a function keeps its identity (and its instance's state) across components.
public final class ComponentFunction {
    /// The function's type; handle types name the runtime resource types they belong to.
    public let type: ABIFunctionType
    /// A name for messages (the export or host function name it was created under).
    public let name: String
    /// Whether a guest implements the function (`canon lift`), as opposed to the host.
    let isLifted: Bool
    private let body: ([ComponentValue]) throws -> [ComponentValue]

    /// A function of `type` whose behaviour is `body` (a host implementation, or a lifted
    /// core call built by the instantiator).
    public convenience init(name: String, type: ABIFunctionType,
                            _ body: @escaping ([ComponentValue]) throws -> [ComponentValue]) {
        self.init(name: name, type: type, isLifted: false, body)
    }

    init(name: String, type: ABIFunctionType, isLifted: Bool,
         _ body: @escaping ([ComponentValue]) throws -> [ComponentValue]) {
        self.name = name
        self.type = type
        self.isLifted = isLifted
        self.body = body
    }

    /// Calls the function with one value per parameter; returns zero or one result.
    /// Every failure inside the call surfaces as a `ComponentTrap`.
    public func call(_ arguments: [ComponentValue]) throws -> [ComponentValue] {
        do {
            return try invoke(arguments)
        } catch {
            throw ComponentTrap.from(error)
        }
    }

    /// Calls the function without translating errors (for calls from another component,
    /// whose lowering wraps them itself).
    func invoke(_ arguments: [ComponentValue]) throws -> [ComponentValue] {
        guard arguments.count == type.parameters.count else {
            throw ComponentTrap("\(name) expects \(type.parameters.count) argument(s), got \(arguments.count)")
        }
        return try body(arguments)
    }
}
