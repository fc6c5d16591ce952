import WasmEngine

/// Type definitions at runtime: value and function types become the Canonical ABI's
/// `ABIType` trees (type indices resolved through the current type index space), and
/// every locally defined resource type becomes a fresh `RuntimeResourceType` per
/// instantiation (resource types are generative), whose destructor calls the core
/// destructor function in the shared store.
enum RuntimeTypeSpace {
    /// Looks up a type index in the index space a definition is resolved against.
    typealias Lookup = (UInt32) throws -> RuntimeType

    /// The runtime type of `definition`, defined in `scope`.
    static func define(_ definition: ComponentTypeDefinition, in scope: InstantiationScope,
                       store: Store) throws -> RuntimeType {
        if case .resource(let resource) = definition {
            return .resource(try makeResource(resource, in: scope, store: store))
        }
        return try convert(definition, scope: scope, lookup: scope.type)
    }

    /// The runtime type of a non-resource `definition` whose indices `lookup` resolves.
    static func convert(_ definition: ComponentTypeDefinition, scope: InstantiationScope,
                        lookup: Lookup) throws -> RuntimeType {
        switch definition {
        case .value(let value):
            return .value(try valueType(value, lookup: lookup))
        case .function(let function):
            return .function(try functionType(function, lookup: lookup))
        case .instance(let declarations):
            return .instance(declarations, scope)
        case .component(let declarations):
            return .component(declarations, scope)
        case .resource:
            throw ComponentLinkError("a resource type can only be defined at the top of a component")
        }
    }

    /// The ABI tree of a defined value type.
    static func valueType(_ defined: DefinedValueType, lookup: Lookup) throws -> ABIType {
        do {
            return try ABIType(defined, resolve: { try valueType(at: $0, lookup: lookup) },
                               resource: { try resourceType(at: $0, lookup: lookup) })
        } catch let error as CanonicalABIError {
            throw ComponentLinkError(error.description)
        }
    }

    /// The ABI type of a `valtype` (primitive or index).
    static func valueType(_ type: ComponentValueType, lookup: Lookup) throws -> ABIType {
        do {
            return try ABIType(type, resolve: { try valueType(at: $0, lookup: lookup) })
        } catch let error as CanonicalABIError {
            throw ComponentLinkError(error.description)
        }
    }

    /// The ABI function type of a component function type (synchronous only).
    static func functionType(_ function: ComponentFunctionType, lookup: Lookup) throws -> ABIFunctionType {
        guard !function.isAsync else { throw ComponentLinkError("async function types are not supported") }
        return ABIFunctionType(parameters: try function.parameters.map { try valueType($0.type, lookup: lookup) },
                               results: try function.result.map { [try valueType($0, lookup: lookup)] } ?? [])
    }

    private static func valueType(at index: UInt32, lookup: Lookup) throws -> ABIType {
        guard case .value(let type) = try lookup(index) else {
            throw ComponentLinkError("type \(index) is not a value type")
        }
        return type
    }

    private static func resourceType(at index: UInt32, lookup: Lookup) throws -> RuntimeResourceType {
        guard case .resource(let resource) = try lookup(index) else {
            throw ComponentLinkError("type \(index) is not a resource type")
        }
        return resource
    }

    /// A fresh resource type implemented by `scope`'s instance; its destructor (if any)
    /// runs the core function with the representation.
    private static func makeResource(_ resource: ResourceType, in scope: InstantiationScope,
                                     store: Store) throws -> RuntimeResourceType {
        guard resource.representation == .i32 else {
            throw ComponentLinkError("resource representation must be i32, found \(resource.representation)")
        }
        var destructor: ((UInt32) throws -> Void)?
        if let index = resource.destructor {
            let address = try scope.coreFunction(index)
            guard store.type(of: address) == FunctionType(parameters: [.i32], results: []) else {
                throw ComponentLinkError("resource destructor must have type [i32] -> [], found \(store.type(of: address))")
            }
            destructor = { rep in _ = try store.invoke(address, [.i32(rep)]) }
        }
        return RuntimeResourceType(name: "guest-defined resource", implementation: scope.canonical, destructor: destructor)
    }
}
