/// Parses one WIT file into a `WitAST.File` (recursive descent over `WitLexer` tokens).
///
/// The parser keeps one token of lookahead (`token`) with the lexer positioned right after
/// it; deeper lookahead copies the lexer. Errors are `WitError`s at the offending token.
struct WitParser {
    var lexer: WitLexer
    var token: WitToken
    /// Nesting of type expressions, bounded so hostile input cannot exhaust the stack.
    var depth = 0
    static let maxDepth = 100

    init(source: String, fileName: String) throws {
        lexer = WitLexer(source: source, file: fileName)
        token = try lexer.next()
    }

    /// Parses a whole file.
    static func parse(source: String, fileName: String) throws -> WitAST.File {
        var parser = try WitParser(source: source, fileName: fileName)
        return try parser.parseFile()
    }

    // MARK: Token helpers

    mutating func advance() throws { token = try lexer.next() }

    func error(_ message: String, at location: WitLocation? = nil) -> WitError {
        WitError(location ?? token.location, message)
    }

    func isSymbol(_ s: String) -> Bool { token.kind == .symbol(s) }
    func isKeyword(_ k: WitKeyword) -> Bool { token.kind == .keyword(k) }

    mutating func eatSymbol(_ s: String) throws -> Bool {
        if isSymbol(s) { try advance(); return true }
        return false
    }

    mutating func eatKeyword(_ k: WitKeyword) throws -> Bool {
        if isKeyword(k) { try advance(); return true }
        return false
    }

    mutating func expectSymbol(_ s: String, _ context: String) throws {
        guard isSymbol(s) else { throw error("expected '\(s)' \(context), found \(token.display)") }
        try advance()
    }

    mutating func expectKeyword(_ k: WitKeyword, _ context: String) throws {
        guard isKeyword(k) else { throw error("expected '\(k.rawValue)' \(context), found \(token.display)") }
        try advance()
    }

    /// An identifier; a keyword here gets a hint to escape it with `%`.
    mutating func ident(_ what: String) throws -> WitAST.Ident {
        switch token.kind {
        case let .identifier(name, _):
            let id = WitAST.Ident(name: name, location: token.location)
            try advance()
            return id
        case let .keyword(k):
            throw error("expected \(what), found keyword '\(k.rawValue)'; write '%\(k.rawValue)' to use it as a name")
        default:
            throw error("expected \(what), found \(token.display)")
        }
    }

    /// The token after `token`, without consuming anything.
    func peekSecond() throws -> WitToken {
        var copy = lexer
        return try copy.next()
    }

    // MARK: Files and packages

    mutating func parseFile() throws -> WitAST.File {
        var file = WitAST.File(fileName: lexer.file, package: nil, items: WitAST.PackageItems(), nested: [])
        if isKeyword(.package) {
            let docs = token.docs
            let location = token.location
            try advance()
            let name = try packageName()
            if isSymbol("{") {
                file.nested.append(try nestedPackageBody(name: name, location: location))
            } else {
                try expectSymbol(";", "after the package declaration")
                file.package = (name, location, docs)
            }
        }
        while true {
            if case .end = token.kind { break }
            if isKeyword(.package) {
                let location = token.location
                try advance()
                let name = try packageName()
                guard isSymbol("{") else {
                    throw error("the package declaration must come first in a file; later 'package' items need a '{ ... }' body", at: location)
                }
                file.nested.append(try nestedPackageBody(name: name, location: location))
                continue
            }
            try packageItem(into: &file.items)
        }
        return file
    }

    mutating func nestedPackageBody(name: WitPackageName, location: WitLocation) throws -> WitAST.NestedPackage {
        try expectSymbol("{", "to open the package body")
        var items = WitAST.PackageItems()
        while !isSymbol("}") {
            if case .end = token.kind { throw error("unclosed package block for '\(name)': add '}'", at: location) }
            if isKeyword(.package) { throw error("package blocks cannot be nested inside another package block") }
            try packageItem(into: &items)
        }
        try advance()
        return WitAST.NestedPackage(name: name, location: location, items: items)
    }

    /// `ns:name@version` (nested namespaces are not supported).
    mutating func packageName() throws -> WitPackageName {
        let namespace = try ident("a package namespace")
        try expectSymbol(":", "between the package namespace and name (as in 'wasi:clocks')")
        let name = try ident("a package name")
        if isSymbol(":") { throw error("nested package namespaces ('a:b:c') are not supported") }
        let version = try optionalVersion()
        return WitPackageName(namespace: namespace.name, name: name.name, version: version)
    }

    mutating func optionalVersion() throws -> WitVersion? {
        guard isSymbol("@") else { return nil }
        let (v, _) = try lexer.lexVersion(allowLeadingSpace: false)
        try advance()
        return v
    }

    mutating func packageItem(into items: inout WitAST.PackageItems) throws {
        let docs = token.docs
        let gate = try parseGate()
        switch token.kind {
        case .keyword(.use):
            if gate.location != nil { throw error("a top-level 'use' cannot be gated", at: gate.location) }
            try advance()
            let path = try usePath()
            let alias = try eatKeyword(.as) ? try ident("a name after 'as'") : nil
            try expectSymbol(";", "after the 'use' path")
            items.uses.append(WitAST.TopUse(path: path, alias: alias))
        case .keyword(.interface):
            try advance()
            let name = try ident("an interface name")
            let body = try interfaceBody()
            items.interfaces.append(WitAST.Interface(name: name, docs: docs, gate: gate, items: body))
        case .keyword(.world):
            try advance()
            items.worlds.append(try worldBody(docs: docs, gate: gate))
        default:
            throw error("expected 'interface', 'world', 'use' or 'package' at the top level, found \(token.display)")
        }
    }

    /// `id` or `ns:pkg/id@version`.
    mutating func usePath() throws -> WitAST.UsePath {
        let first = try ident("an interface name or path")
        guard isSymbol(":") else { return .local(first) }
        try advance()
        let package = try ident("a package name")
        if isSymbol(":") { throw error("nested package namespaces ('a:b:c') are not supported") }
        guard isSymbol("/") else {
            throw error("expected '/' and an interface name after '\(first.name):\(package.name)'; a whole package cannot be used here")
        }
        try advance()
        let iface = try ident("an interface name")
        if isSymbol("/") { throw error("nested packages ('a:b/c/d') are not supported") }
        let version = try optionalVersion()
        return .foreign(WitPackageName(namespace: first.name, name: package.name, version: version), iface)
    }

    // MARK: Gates

    /// Zero or more `@since(...)`, `@unstable(...)`, `@deprecated(...)`.
    mutating func parseGate() throws -> WitAST.Gate {
        var gate = WitAST.Gate()
        while isSymbol("@") {
            let at = token.location
            gate.location = gate.location ?? at
            try advance()
            let kind = try ident("a gate name (since, unstable or deprecated)")
            try expectSymbol("(", "after '@\(kind.name)'")
            switch kind.name {
            case "since", "deprecated":
                let field = try ident("'version'")
                guard field.name == "version" else { throw error("expected 'version = x.y.z' in '@\(kind.name)'", at: field.location) }
                guard isSymbol("=") else { throw error("expected '=' after 'version'") }
                let (v, _) = try lexer.lexVersion(allowLeadingSpace: true)
                try advance()
                if kind.name == "since" {
                    if gate.gate.since != nil { throw error("duplicate '@since' gate", at: at) }
                    gate.gate.since = v
                } else {
                    if gate.gate.deprecated != nil { throw error("duplicate '@deprecated' gate", at: at) }
                    gate.gate.deprecated = v
                }
            case "unstable":
                let field = try ident("'feature'")
                guard field.name == "feature" else { throw error("expected 'feature = name' in '@unstable'", at: field.location) }
                try expectSymbol("=", "after 'feature'")
                let feature = try ident("a feature name")
                if gate.gate.unstableFeature != nil { throw error("duplicate '@unstable' gate", at: at) }
                gate.gate.unstableFeature = feature.name
            case "external-id":
                throw error("'@external-id' is not supported by this WIT parser", at: at)
            default:
                throw error("unknown gate '@\(kind.name)'; expected @since, @unstable or @deprecated", at: at)
            }
            try expectSymbol(")", "to close '@\(kind.name)('")
        }
        return gate
    }
}
