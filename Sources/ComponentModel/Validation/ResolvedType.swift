/// Index-free types of a validated component's imports and exports, for the runtime
/// and for `theater component inspect`.
///
/// Value types are resolved structurally (no type indices). Resource types carry a
/// `ResolvedResource` identity: two handles refer to the same resource type exactly
/// when their identities are equal (within one `ValidatedComponent`).

/// The identity of a resource type within one validated component.
public struct ResolvedResource: Hashable, Sendable, CustomStringConvertible {
    /// A number unique to the resource type within the validation run.
    public let id: Int
    /// Whether the component imports the resource (an abstract type the host or a parent
    /// supplies) rather than defining it.
    public let isImported: Bool

    public var description: String { "resource#\(id)" }
}

/// A component value type with every type index resolved.
public indirect enum ResolvedValueType: Hashable, Sendable, CustomStringConvertible {
    case primitive(PrimitiveValueType)
    case record([ResolvedField])
    case variant([ResolvedCase])
    case list(ResolvedValueType)
    case tuple([ResolvedValueType])
    case flags([String])
    case `enum`([String])
    case option(ResolvedValueType)
    case result(ok: ResolvedValueType?, error: ResolvedValueType?)
    case own(ResolvedResource)
    case borrow(ResolvedResource)

    /// A WIT-like rendering, e.g. `list<tuple<string, u32>>`.
    public var description: String {
        switch self {
        case .primitive(let primitive): return primitive.name
        case .record(let fields): return "record { " + fields.map { "\($0.label): \($0.type)" }.joined(separator: ", ") + " }"
        case .variant(let cases):
            return "variant { " + cases.map { c in c.type.map { "\(c.label)(\($0))" } ?? c.label }.joined(separator: ", ") + " }"
        case .list(let element): return "list<\(element)>"
        case .tuple(let types): return "tuple<" + types.map(\.description).joined(separator: ", ") + ">"
        case .flags(let labels): return "flags { " + labels.joined(separator: ", ") + " }"
        case .enum(let labels): return "enum { " + labels.joined(separator: ", ") + " }"
        case .option(let type): return "option<\(type)>"
        case .result(let ok, let error): return "result<\(ok.map(\.description) ?? "_"), \(error.map(\.description) ?? "_")>"
        case .own(let resource): return "own<\(resource)>"
        case .borrow(let resource): return "borrow<\(resource)>"
        }
    }
}

/// A record field.
public struct ResolvedField: Hashable, Sendable {
    public let label: String
    public let type: ResolvedValueType
}

/// A variant case.
public struct ResolvedCase: Hashable, Sendable {
    public let label: String
    public let type: ResolvedValueType?
}

/// A function parameter.
public struct ResolvedParameter: Hashable, Sendable {
    public let name: String
    public let type: ResolvedValueType
}

/// A component function type.
public struct ResolvedFunctionType: Hashable, Sendable, CustomStringConvertible {
    public let parameters: [ResolvedParameter]
    public let result: ResolvedValueType?

    public var description: String {
        "func(" + parameters.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + ")"
            + (result.map { " -> \($0)" } ?? "")
    }
}

/// An instance type: its exports, in order.
public struct ResolvedInstanceType: Hashable, Sendable {
    public let exports: [ResolvedExtern]
}

/// A component type: its imports and exports, in order.
public struct ResolvedComponentType: Hashable, Sendable {
    public let imports: [ResolvedExtern]
    public let exports: [ResolvedExtern]
}

/// A core module type: two-level imports and exports, each with a short description of
/// its core type (e.g. `func (param i32) (result i32)`, `memory 1`).
public struct ResolvedModuleType: Hashable, Sendable {
    public let imports: [ResolvedCoreItem]
    public let exports: [ResolvedCoreItem]
}

/// One import or export of a core module type.
public struct ResolvedCoreItem: Hashable, Sendable {
    /// `module::name` for imports, `name` for exports.
    public let name: String
    public let type: String
}

/// What a type import or export is.
public indirect enum ResolvedTypeDefinition: Hashable, Sendable {
    case value(ResolvedValueType)
    case function(ResolvedFunctionType)
    case instance(ResolvedInstanceType)
    case component(ResolvedComponentType)
    case resource(ResolvedResource)
}

/// The type of one import or export.
public indirect enum ResolvedExternType: Hashable, Sendable {
    case module(ResolvedModuleType)
    case function(ResolvedFunctionType)
    case value(ResolvedValueType)
    case type(ResolvedTypeDefinition)
    case instance(ResolvedInstanceType)
    case component(ResolvedComponentType)
}

/// A named import or export with its resolved type.
public struct ResolvedExtern: Hashable, Sendable {
    public let name: String
    public let type: ResolvedExternType
}

/// A component that passed `ComponentValidator.validate`, with the resolved types of
/// its top-level imports and exports.
public struct ValidatedComponent: Sendable {
    /// The validated component, unchanged.
    public let component: Component
    /// The top-level imports, in definition order.
    public let imports: [ResolvedExtern]
    /// The top-level exports, in definition order.
    public let exports: [ResolvedExtern]

    /// The import named `name`, if any.
    public func `import`(named name: String) -> ResolvedExtern? { imports.first { $0.name == name } }
    /// The export named `name`, if any.
    public func export(named name: String) -> ResolvedExtern? { exports.first { $0.name == name } }
}
