@_spi(Text) import WasmEngine

/// One scope of the component text format: a component, or a component, instance or
/// core module type. Each has its own index spaces and collects its definitions (or
/// declarations) in order.
struct ComponentTextScope {
    enum Kind {
        case component, componentType, instanceType, moduleType
    }

    let kind: Kind
    /// The scope's `$id` (component or type name), for `alias outer $id ...`.
    let name: String?
    private var counts: [ComponentSort: UInt32] = [:]
    private var names: [ComponentSort: [String: UInt32]] = [:]
    /// Definitions of a component scope.
    var items: [ComponentTextItem] = []
    /// Declarations of a component or instance type scope.
    var declarations: [ComponentTypeDeclaration] = []
    /// Declarations of a core module type scope.
    var moduleDeclarations: [CoreModuleDeclaration] = []

    init(kind: Kind, name: String?) {
        self.kind = kind
        self.name = name
    }

    /// How many entries `sort`'s index space has so far.
    func count(_ sort: ComponentSort) -> UInt32 { counts[sort, default: 0] }

    /// The index `name` is bound to in `sort`'s space, if any.
    func lookup(_ name: String, in sort: ComponentSort) -> UInt32? { names[sort]?[name] }

    /// Appends an entry to `sort`'s index space, binding `name` to it.
    mutating func define(_ sort: ComponentSort, name: String?, at token: WatToken) throws -> UInt32 {
        let index = count(sort)
        if let name {
            guard names[sort]?[name] == nil else {
                throw TextError(line: token.line, column: token.column,
                                message: "duplicate \(ComponentTextScope.sortName(sort)) identifier $\(name)")
            }
            names[sort, default: [:]][name] = index
        }
        counts[sort] = index + 1
        return index
    }

    /// Binds `name` to an existing index (an implicit outer alias reused later).
    mutating func bind(_ name: String, to index: UInt32, in sort: ComponentSort) {
        names[sort, default: [:]][name] = index
    }

    /// The sort's name as the text format writes it, for messages.
    static func sortName(_ sort: ComponentSort) -> String {
        switch sort {
        case .core(let core):
            switch core {
            case .function: return "core func"
            case .table: return "core table"
            case .memory: return "core memory"
            case .global: return "core global"
            case .tag: return "core tag"
            case .type: return "core type"
            case .module: return "core module"
            case .instance: return "core instance"
            }
        case .function: return "func"
        case .value: return "value"
        case .type: return "type"
        case .component: return "component"
        case .instance: return "instance"
        }
    }

    /// Sorts an `alias outer` may target (and so an implicit outer alias may create).
    static func isOuterAliasable(_ sort: ComponentSort) -> Bool {
        switch sort {
        case .core(.module), .core(.type), .type, .component: return true
        default: return false
        }
    }
}
