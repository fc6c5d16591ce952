/// A named type definition in an interface or world.
public struct WitTypeDef: Hashable, Sendable {
    /// The name, unique (case-insensitively) in its owner.
    public var name: String
    /// The documentation comment, if any.
    public var docs: String?
    /// The feature gates.
    public var gate: WitGate
    /// What the definition is.
    public var kind: WitTypeDefKind
    /// The interface or world that holds the definition.
    public var owner: WitTypeOwner

    /// Creates a definition.
    public init(name: String, docs: String? = nil, gate: WitGate = .none, kind: WitTypeDefKind, owner: WitTypeOwner) {
        self.name = name
        self.docs = docs
        self.gate = gate
        self.kind = kind
        self.owner = owner
    }

    /// The reference other types use to point at this definition.
    public var ref: WitTypeRef { WitTypeRef(owner: owner, name: name) }
}

/// The shapes a named WIT type can have.
public enum WitTypeDefKind: Hashable, Sendable {
    /// `type name = T;`
    case alias(WitType)
    /// `record name { field: T, ... }`
    case record([WitField])
    /// `variant name { case, case(T), ... }`
    case variant([WitCase])
    /// `enum name { a, b, ... }`
    case `enum`([WitNamedItem])
    /// `flags name { a, b, ... }`
    case flags([WitNamedItem])
    /// `resource name;` or `resource name { constructor(...); method: func(...); ... }`
    case resource([WitFunction])
    /// A name brought in by `use iface.{original as name}`: refers to the definition in the
    /// other interface.
    case use(WitTypeRef)
}

/// A field of a record.
public struct WitField: Hashable, Sendable {
    /// The field name.
    public var name: String
    /// The field type.
    public var type: WitType
    /// The documentation comment, if any.
    public var docs: String?

    /// Creates a field.
    public init(name: String, type: WitType, docs: String? = nil) {
        self.name = name
        self.type = type
        self.docs = docs
    }
}

/// A case of a variant, with an optional payload.
public struct WitCase: Hashable, Sendable {
    /// The case name.
    public var name: String
    /// The payload type, if any.
    public var payload: WitType?
    /// The documentation comment, if any.
    public var docs: String?

    /// Creates a case.
    public init(name: String, payload: WitType? = nil, docs: String? = nil) {
        self.name = name
        self.payload = payload
        self.docs = docs
    }
}

/// A case of an enum or a flag of a flags type.
public struct WitNamedItem: Hashable, Sendable {
    /// The name.
    public var name: String
    /// The documentation comment, if any.
    public var docs: String?

    /// Creates an item.
    public init(name: String, docs: String? = nil) {
        self.name = name
        self.docs = docs
    }
}

/// A function of an interface, a world or a resource.
public struct WitFunction: Hashable, Sendable {
    /// How the function relates to a resource, if at all.
    public enum Kind: Hashable, Sendable {
        /// A plain function.
        case freestanding
        /// `constructor(...)` of the named resource.
        case constructor(String)
        /// A method of the named resource: takes an implicit `self: borrow<resource>`.
        case method(String)
        /// `name: static func(...)` of the named resource.
        case `static`(String)
    }

    /// The name as written (for constructors, the resource name).
    public var name: String
    /// The documentation comment, if any.
    public var docs: String?
    /// The feature gates.
    public var gate: WitGate
    /// True for `async func`.
    public var isAsync: Bool
    /// The kind of function.
    public var kind: Kind
    /// The declared parameters (without the implicit `self` of methods).
    public var params: [WitParam]
    /// The declared result, if any (for constructors, only the fallible `result<...>` form).
    public var result: WitType?

    /// Creates a function.
    public init(name: String, docs: String? = nil, gate: WitGate = .none, isAsync: Bool = false,
                kind: Kind = .freestanding, params: [WitParam], result: WitType?) {
        self.name = name
        self.docs = docs
        self.gate = gate
        self.isAsync = isAsync
        self.kind = kind
        self.params = params
        self.result = result
    }

    /// The name the component model uses: `name`, `[constructor]r`, `[method]r.name` or
    /// `[static]r.name`.
    public var componentName: String {
        switch kind {
        case .freestanding: return name
        case let .constructor(r): return "[constructor]\(r)"
        case let .method(r): return "[method]\(r).\(name)"
        case let .static(r): return "[static]\(r).\(name)"
        }
    }
}

/// A named function parameter.
public struct WitParam: Hashable, Sendable {
    /// The parameter name.
    public var name: String
    /// The parameter type.
    public var type: WitType

    /// Creates a parameter.
    public init(name: String, type: WitType) {
        self.name = name
        self.type = type
    }
}
