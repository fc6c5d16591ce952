/// The syntax tree of one WIT file, before names are resolved.
///
/// Every node keeps its source location so that resolution errors can point at it.
/// Names are `WitAST.Ident`s; type expressions are `WitAST.TypeExpr`s.
enum WitAST {
    struct Ident: Equatable {
        var name: String
        var location: WitLocation
    }

    /// `@since` / `@unstable` / `@deprecated`, as written.
    struct Gate: Equatable {
        var gate = WitGate.none
        var location: WitLocation?
    }

    /// A file: an optional `package` declaration, items, and nested package blocks.
    struct File {
        var fileName: String
        var package: (name: WitPackageName, location: WitLocation, docs: [String])?
        var items: PackageItems
        var nested: [NestedPackage]
    }

    struct NestedPackage {
        var name: WitPackageName
        var location: WitLocation
        var items: PackageItems
    }

    struct PackageItems {
        var uses: [TopUse] = []
        var interfaces: [Interface] = []
        var worlds: [World] = []
    }

    /// `a`, `ns:pkg/a` or `ns:pkg/a@1.0.0`.
    enum UsePath: Equatable {
        case local(Ident)
        case foreign(WitPackageName, Ident)

        var location: WitLocation { interfaceName.location }

        /// The interface's own name (the last part of the path).
        var interfaceName: Ident {
            switch self {
            case let .local(i), let .foreign(_, i): return i
            }
        }
    }

    /// `use path as name;` at the top of a file.
    struct TopUse {
        var path: UsePath
        var alias: Ident?
    }

    struct Interface {
        var name: Ident
        var docs: [String]
        var gate: Gate
        var items: [InterfaceItem]
    }

    enum InterfaceItem {
        case use(Use)
        case type(TypeDecl)
        case function(Function)
    }

    /// `use path.{a, b as c};` inside an interface or world.
    struct Use {
        var path: UsePath
        var names: [(name: Ident, alias: Ident?)]
        var gate: Gate
    }

    struct TypeDecl {
        enum Kind {
            case alias(TypeExpr)
            case record([(name: Ident, type: TypeExpr, docs: [String])])
            case variant([(name: Ident, payload: TypeExpr?, docs: [String])])
            case `enum`([(name: Ident, docs: [String])])
            case flags([(name: Ident, docs: [String])])
            case resource([ResourceFunction])
        }
        var name: Ident
        var docs: [String]
        var gate: Gate
        var kind: Kind
    }

    struct ResourceFunction {
        enum Kind { case constructor, method, `static` }
        var kind: Kind
        var function: Function
    }

    struct Function {
        var name: Ident
        var docs: [String]
        var gate: Gate
        var isAsync: Bool
        var params: [(name: Ident, type: TypeExpr)]
        var result: TypeExpr?
    }

    struct TypeExpr {
        indirect enum Kind {
            case primitive(WitType)
            case list(TypeExpr)
            case fixedList(TypeExpr, UInt32)
            case option(TypeExpr)
            case result(TypeExpr?, TypeExpr?)
            case tuple([TypeExpr])
            case borrow(Ident)
            case named(Ident)
        }
        var kind: Kind
        var location: WitLocation
    }

    struct World {
        var name: Ident
        var docs: [String]
        var gate: Gate
        var items: [WorldItem]
    }

    enum WorldItem {
        case `import`(Extern)
        case export(Extern)
        case use(Use)
        case type(TypeDecl)
        case include(Include)
    }

    /// One `import` or `export`.
    struct Extern {
        enum Kind {
            /// `import path;`
            case path(UsePath)
            /// `import name: path;`
            case namedPath(Ident, UsePath)
            /// `import name: func(...);`
            case function(Function)
            /// `import name: interface { ... }`
            case inline(Ident, [InterfaceItem])
        }
        var kind: Kind
        var docs: [String]
        var gate: Gate
        var location: WitLocation
    }

    /// `include path with { a as b };`
    struct Include {
        var path: UsePath
        var renames: [(from: Ident, to: Ident)]
        var gate: Gate
        var location: WitLocation
    }
}
