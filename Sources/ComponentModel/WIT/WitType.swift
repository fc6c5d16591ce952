/// A resolved WIT type expression, suitable for the Canonical ABI.
///
/// Named types are not copied: `.named` and the handle cases refer to a type definition
/// (`WitTypeDef`) through a `WitTypeRef` that says which interface or world owns it. Use
/// `WitPackage.definition(of:)` to follow a reference, and `WitPackage.underlying(_:)`
/// to see through `use` and `type` aliases.
public indirect enum WitType: Hashable, Sendable {
    case bool
    case u8, u16, u32, u64
    case s8, s16, s32, s64
    case f32, f64
    case char
    case string
    /// `list<T>`.
    case list(WitType)
    /// `list<T, N>`: a list of exactly `N` elements.
    case fixedList(WitType, UInt32)
    /// `option<T>`.
    case option(WitType)
    /// `result`, `result<T>`, `result<_, E>`, `result<T, E>`.
    case result(ok: WitType?, err: WitType?)
    /// `tuple<T1, T2, ...>`.
    case tuple([WitType])
    /// A named type that is not a resource (record, variant, enum, flags or an alias).
    case named(WitTypeRef)
    /// An owned handle: a resource named directly (or an alias of one).
    case own(WitTypeRef)
    /// `borrow<R>`: a borrowed handle, only allowed in function parameters.
    case borrow(WitTypeRef)
}

/// Which item owns a type definition.
public enum WitTypeOwner: Hashable, Sendable, CustomStringConvertible {
    /// A named interface of a package.
    case interface(WitInterfaceRef)
    /// A world of a package (worlds may define and `use` types too).
    case world(WitPackageName, String)
    /// An interface written inline in a world: `import name: interface { ... }`.
    case inlineInterface(WitPackageName, world: String, name: String)

    /// A readable name for messages: `wasi:io/streams@0.2.0`, `world ns:p/w`, ...
    public var description: String {
        switch self {
        case let .interface(ref): return ref.description
        case let .world(pkg, name): return "world \(pkg.qualified(name))"
        case let .inlineInterface(pkg, world, name): return "\(pkg.qualified(world)).\(name)"
        }
    }
}

/// A reference to a named type: its owner and its name there.
public struct WitTypeRef: Hashable, Sendable, CustomStringConvertible {
    /// The interface or world that defines (or `use`s) the name.
    public var owner: WitTypeOwner
    /// The type's name in that owner.
    public var name: String

    /// Creates a reference.
    public init(owner: WitTypeOwner, name: String) {
        self.owner = owner
        self.name = name
    }

    /// `owner.name`.
    public var description: String { "\(owner).\(name)" }
}
