/// Renders resolved WIT back as text in one canonical layout: four-space indentation,
/// docs as `///` lines, gates on their own lines, dependencies as nested
/// `package ... { }` blocks after the root package. The output parses back to an equal
/// `WitPackage` (with `include`s already expanded and top-level `use`s replaced by full paths).
public enum WitPrinter {
    /// The whole package and its dependencies as one WIT file.
    public static func render(_ package: WitPackage) -> String {
        var out = Output()
        out.docs(package.docs)
        out.line("package \(packageName(package.name));")
        for interface in package.interfaces {
            out.blank()
            interfaceDecl(interface, in: package.name, into: &out)
        }
        for world in package.worlds {
            out.blank()
            worldDecl(world, in: package.name, into: &out)
        }
        for dependency in package.dependencies {
            out.blank()
            out.docs(dependency.docs)
            out.line("package \(packageName(dependency.name)) {")
            out.indent += 1
            var first = true
            for interface in dependency.interfaces {
                if !first { out.blank() }
                first = false
                interfaceDecl(interface, in: dependency.name, into: &out)
            }
            for world in dependency.worlds {
                if !first { out.blank() }
                first = false
                worldDecl(world, in: dependency.name, into: &out)
            }
            out.indent -= 1
            out.line("}")
        }
        return out.text
    }

    /// A type expression in WIT syntax, e.g. `result<list<u8>, error-code>`.
    public static func render(_ type: WitType) -> String {
        switch type {
        case .bool: return "bool"
        case .u8: return "u8"
        case .u16: return "u16"
        case .u32: return "u32"
        case .u64: return "u64"
        case .s8: return "s8"
        case .s16: return "s16"
        case .s32: return "s32"
        case .s64: return "s64"
        case .f32: return "f32"
        case .f64: return "f64"
        case .char: return "char"
        case .string: return "string"
        case let .list(t): return "list<\(render(t))>"
        case let .fixedList(t, n): return "list<\(render(t)), \(n)>"
        case let .option(t): return "option<\(render(t))>"
        case .result(nil, nil): return "result"
        case let .result(ok?, nil): return "result<\(render(ok))>"
        case let .result(nil, err?): return "result<_, \(render(err))>"
        case let .result(ok?, err?): return "result<\(render(ok)), \(render(err))>"
        case let .tuple(ts): return "tuple<\(ts.map(render).joined(separator: ", "))>"
        case let .named(ref), let .own(ref): return WitName.escaped(ref.name)
        case let .borrow(ref): return "borrow<\(WitName.escaped(ref.name))>"
        }
    }

    /// A function's type as written after `name:`, e.g. `func(x: u32) -> string`.
    public static func render(_ function: WitFunction) -> String {
        let params = function.params.map { "\(WitName.escaped($0.name)): \(render($0.type))" }.joined(separator: ", ")
        var s = (function.isAsync ? "async " : "") + "func(\(params))"
        if let result = function.result { s += " -> \(render(result))" }
        return s
    }

    // MARK: Items

    static func packageName(_ name: WitPackageName) -> String {
        "\(WitName.escaped(name.namespace)):\(WitName.escaped(name.name))" + (name.version.map { "@\($0)" } ?? "")
    }

    static func interfacePath(_ ref: WitInterfaceRef, from package: WitPackageName) -> String {
        ref.package == package ? WitName.escaped(ref.name) : ref.package.qualified(ref.name)
    }

    static func gate(_ g: WitGate, into out: inout Output) {
        if let since = g.since { out.line("@since(version = \(since))") }
        if let feature = g.unstableFeature { out.line("@unstable(feature = \(WitName.escaped(feature)))") }
        if let deprecated = g.deprecated { out.line("@deprecated(version = \(deprecated))") }
    }

    static func interfaceDecl(_ interface: WitInterface, in package: WitPackageName, into out: inout Output) {
        out.docs(interface.docs)
        gate(interface.gate, into: &out)
        out.line("interface \(WitName.escaped(interface.name)) {")
        interfaceBody(interface, in: package, into: &out)
        out.line("}")
    }

    static func interfaceBody(_ interface: WitInterface, in package: WitPackageName, into out: inout Output) {
        out.indent += 1
        typeDefs(interface.types, in: package, into: &out)
        for f in interface.functions {
            out.docs(f.docs)
            gate(f.gate, into: &out)
            out.line("\(WitName.escaped(f.name)): \(render(f));")
        }
        out.indent -= 1
    }

    /// Type definitions; consecutive `use`d names from one interface with one gate share a
    /// `use` statement.
    static func typeDefs(_ types: [WitTypeDef], in package: WitPackageName, into out: inout Output) {
        var index = 0
        while index < types.count {
            let def = types[index]
            if case let .use(target) = def.kind, case let .interface(source) = target.owner {
                var names: [String] = []
                while index < types.count, case let .use(t) = types[index].kind, t.owner == target.owner,
                      types[index].gate == def.gate {
                    let local = WitName.escaped(types[index].name)
                    names.append(t.name == types[index].name ? local : "\(WitName.escaped(t.name)) as \(local)")
                    index += 1
                }
                gate(def.gate, into: &out)
                out.line("use \(interfacePath(source, from: package)).{\(names.joined(separator: ", "))};")
                continue
            }
            typeDef(def, into: &out)
            index += 1
        }
    }

    static func typeDef(_ def: WitTypeDef, into out: inout Output) {
        out.docs(def.docs)
        gate(def.gate, into: &out)
        let name = WitName.escaped(def.name)
        func block(_ keyword: String, _ lines: [(String, String?)]) {
            out.line("\(keyword) \(name) {")
            out.indent += 1
            for (text, docs) in lines {
                out.docs(docs)
                out.line(text + ",")
            }
            out.indent -= 1
            out.line("}")
        }
        switch def.kind {
        case let .alias(t):
            out.line("type \(name) = \(render(t));")
        case let .record(fields):
            block("record", fields.map { ("\(WitName.escaped($0.name)): \(render($0.type))", $0.docs) })
        case let .variant(cases):
            block("variant", cases.map { c in
                (WitName.escaped(c.name) + (c.payload.map { "(\(render($0)))" } ?? ""), c.docs)
            })
        case let .enum(cases):
            block("enum", cases.map { (WitName.escaped($0.name), $0.docs) })
        case let .flags(flags):
            block("flags", flags.map { (WitName.escaped($0.name), $0.docs) })
        case let .resource(functions):
            guard !functions.isEmpty else {
                out.line("resource \(name);")
                return
            }
            out.line("resource \(name) {")
            out.indent += 1
            for f in functions {
                out.docs(f.docs)
                gate(f.gate, into: &out)
                switch f.kind {
                case .constructor:
                    let params = f.params.map { "\(WitName.escaped($0.name)): \(render($0.type))" }.joined(separator: ", ")
                    out.line("constructor(\(params))" + (f.result.map { " -> \(render($0))" } ?? "") + ";")
                case .static:
                    out.line("\(WitName.escaped(f.name)): static \(render(f));")
                case .method, .freestanding:
                    out.line("\(WitName.escaped(f.name)): \(render(f));")
                }
            }
            out.indent -= 1
            out.line("}")
        case let .use(target):
            // A lone `use` whose owner is not an interface cannot occur; print it as an alias.
            out.line("type \(name) = \(WitName.escaped(target.name));")
        }
    }

    static func worldDecl(_ world: WitWorld, in package: WitPackageName, into out: inout Output) {
        out.docs(world.docs)
        gate(world.gate, into: &out)
        out.line("world \(WitName.escaped(world.name)) {")
        out.indent += 1
        typeDefs(world.types, in: package, into: &out)
        for (keyword, items) in [("import", world.imports), ("export", world.exports)] {
            for item in items {
                out.docs(item.docs)
                gate(item.gate, into: &out)
                switch (item.key, item.item) {
                case let (.interface(ref), _):
                    out.line("\(keyword) \(interfacePath(ref, from: package));")
                case let (.name(n), .interface(ref)):
                    out.line("\(keyword) \(WitName.escaped(n)): \(interfacePath(ref, from: package));")
                case let (.name(n), .function(f)):
                    out.line("\(keyword) \(WitName.escaped(n)): \(render(f));")
                case let (.name(n), .inlineInterface(i)):
                    out.line("\(keyword) \(WitName.escaped(n)): interface {")
                    interfaceBody(i, in: package, into: &out)
                    out.line("}")
                }
            }
        }
        out.indent -= 1
        out.line("}")
    }

    /// Accumulates indented lines.
    struct Output {
        var text = ""
        var indent = 0

        mutating func line(_ s: String) {
            text += String(repeating: "    ", count: indent) + s + "\n"
        }

        mutating func blank() { text += "\n" }

        mutating func docs(_ docs: String?) {
            guard let docs else { return }
            for l in docs.split(separator: "\n", omittingEmptySubsequences: false) {
                line(l.isEmpty ? "///" : "/// " + l)
            }
        }
    }
}
