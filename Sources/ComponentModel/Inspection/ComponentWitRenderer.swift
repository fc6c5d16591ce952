/// Renders what a validated component imports and exports in WIT syntax, for
/// `theater component inspect`: a `world` whose items are the component's imports and
/// exports, with interface instances spelled out as inline interfaces.
///
/// Types that the component (or an instance type) exports by name are printed by that
/// name where they are used, and defined once as WIT type items, so a world built by
/// wit-bindgen or componentize-py reads like the WIT it came from. Anonymous structural
/// types (which WIT cannot name) print inline, e.g. `record { a: u32 }`.
public enum ComponentWitRenderer {
    /// The WIT text of `component`'s imports and exports, as `world root { ... }`.
    public static func render(_ component: ValidatedComponent) -> String {
        var out = "world root {\n"
        var names = TypeNames()
        names.learn(component.imports)
        names.learn(component.exports)
        for item in component.imports { out += render(item, direction: "import", names: names, indent: "  ") }
        for item in component.exports { out += render(item, direction: "export", names: names, indent: "  ") }
        return out + "}\n"
    }

    /// The names given to value and resource types by type imports and exports in scope.
    ///
    /// Only records, variants, enums and flags are printed by name: an alias of any
    /// other type (`type instant = u64`) is structurally equal to every other use of that
    /// type, so naming it would misname unrelated uses (`duration` is also `u64`).
    struct TypeNames {
        var values: [ResolvedValueType: String] = [:]
        var resources: [ResolvedResource: String] = [:]

        static func isNominal(_ type: ResolvedValueType) -> Bool {
            switch type {
            case .record, .variant, .enum, .flags: return true
            default: return false
            }
        }

        mutating func learn(_ items: [ResolvedExtern]) {
            for item in items {
                guard case .type(let definition) = item.type else { continue }
                switch definition {
                case .value(let type) where values[type] == nil && Self.isNominal(type): values[type] = item.name
                case .resource(let resource) where resources[resource] == nil: resources[resource] = item.name
                default: break
                }
            }
        }
    }

    private static func render(_ item: ResolvedExtern, direction: String, names: TypeNames, indent: String) -> String {
        let name = witName(item.name)
        switch item.type {
        case .function(let function):
            return "\(indent)\(direction) \(name): \(render(function, names: names));\n"
        case .instance(let instance):
            var inner = names
            inner.learn(instance.exports)
            var out = "\(indent)\(direction) \(name): interface {\n"
            for export in instance.exports {
                out += renderMember(export, names: inner, indent: indent + "  ")
            }
            return out + "\(indent)}\n"
        case .type(let definition):
            return renderTypeItem(named: name, definition, names: names, indent: indent, direction: direction)
        case .component(let type):
            return "\(indent)// \(direction) \(name): a component with \(type.imports.count) import(s) and \(type.exports.count) export(s)\n"
        case .module(let type):
            return "\(indent)// \(direction) \(name): a core module with \(type.imports.count) import(s) and \(type.exports.count) export(s)\n"
        case .value(let type):
            return "\(indent)// \(direction) \(name): a value of type \(render(type, names: names))\n"
        }
    }

    /// One export of an instance type, as an interface member.
    private static func renderMember(_ item: ResolvedExtern, names: TypeNames, indent: String) -> String {
        let name = witName(item.name)
        switch item.type {
        case .function(let function): return "\(indent)\(name): \(render(function, names: names));\n"
        case .type(let definition): return renderTypeItem(named: name, definition, names: names, indent: indent, direction: nil)
        default: return render(item, direction: "export", names: names, indent: indent)
        }
    }

    /// A named type as a WIT type item (`record visitor { ... }`, `resource file;`, ...).
    private static func renderTypeItem(named name: String, _ definition: ResolvedTypeDefinition, names: TypeNames,
                                       indent: String, direction: String?) -> String {
        let prefix = indent + (direction.map { "\($0) " } ?? "")
        switch definition {
        case .resource: return "\(prefix)resource \(name);\n"
        case .value(let type):
            switch type {
            case .record(let fields):
                let body = fields.map { "\(witName($0.label)): \(render($0.type, names: names))" }
                return "\(prefix)record \(name) { \(body.joined(separator: ", ")) }\n"
            case .variant(let cases):
                let body = cases.map { c in witName(c.label) + (c.type.map { "(\(render($0, names: names)))" } ?? "") }
                return "\(prefix)variant \(name) { \(body.joined(separator: ", ")) }\n"
            case .enum(let labels):
                return "\(prefix)enum \(name) { \(labels.map(witName).joined(separator: ", ")) }\n"
            case .flags(let labels):
                return "\(prefix)flags \(name) { \(labels.map(witName).joined(separator: ", ")) }\n"
            default:
                return "\(prefix)type \(name) = \(render(type, names: names));\n"
            }
        case .function(let function): return "\(indent)// type \(name) = \(render(function, names: names))\n"
        case .instance: return "\(indent)// type \(name): an instance type\n"
        case .component: return "\(indent)// type \(name): a component type\n"
        }
    }

    static func render(_ function: ResolvedFunctionType, names: TypeNames) -> String {
        let parameters = function.parameters.map { "\(witName($0.name)): \(render($0.type, names: names))" }
        return "func(\(parameters.joined(separator: ", ")))" + (function.result.map { " -> \(render($0, names: names))" } ?? "")
    }

    static func render(_ type: ResolvedValueType, names: TypeNames) -> String {
        if let name = names.values[type] { return witName(name) }
        func inner(_ type: ResolvedValueType) -> String { render(type, names: names) }
        switch type {
        case .primitive(let primitive): return primitive.name
        case .list(let element): return "list<\(inner(element))>"
        case .tuple(let types): return "tuple<\(types.map(inner).joined(separator: ", "))>"
        case .option(let type): return "option<\(inner(type))>"
        case .result(nil, nil): return "result"
        case .result(let ok, nil): return "result<\(inner(ok!))>"
        case .result(let ok, let error): return "result<\(ok.map(inner) ?? "_"), \(inner(error!))>"
        case .own(let resource): return names.resources[resource].map(witName) ?? "own<\(resource)>"
        case .borrow(let resource): return "borrow<\(names.resources[resource].map(witName) ?? resource.description)>"
        case .record(let fields):
            return "record { " + fields.map { "\(witName($0.label)): \(inner($0.type))" }.joined(separator: ", ") + " }"
        case .variant(let cases):
            return "variant { " + cases.map { c in witName(c.label) + (c.type.map { "(\(inner($0)))" } ?? "") }
                .joined(separator: ", ") + " }"
        case .enum(let labels): return "enum { " + labels.map(witName).joined(separator: ", ") + " }"
        case .flags(let labels): return "flags { " + labels.map(witName).joined(separator: ", ") + " }"
        }
    }

    /// A name as WIT writes it: plain kebab-case names that are WIT keywords get `%`;
    /// interface names (`ns:pkg/iface@1.0.0`) and annotated names stay as they are.
    static func witName(_ name: String) -> String {
        witKeywords.contains(name) ? "%" + name : name
    }

    private static let witKeywords: Set<String> = [
        "use", "type", "func", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "f32", "f64", "float32",
        "float64", "char", "record", "flags", "variant", "enum", "bool", "string", "option", "result", "future",
        "stream", "list", "own", "borrow", "_", "as", "from", "static", "interface", "tuple", "import", "export",
        "world", "package", "constructor", "resource", "include", "with",
    ]
}
