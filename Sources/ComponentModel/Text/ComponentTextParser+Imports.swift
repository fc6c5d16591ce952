@_spi(Text) import WasmEngine

/// Imports, exports, extern names with attributes, and extern descriptors.
extension ComponentTextParser {
    /// An extern name: the string, then at most one of each attribute
    /// (`(implements "...")`, `(versionsuffix "...")`, `(external-id "...")`).
    mutating func parseExternName() throws -> ExternName {
        let name = try cursor.expectName()
        var attributes: [ExternNameAttribute] = []
        var seen: Set<String> = []
        while let keyword = cursor.groupKeyword, ["implements", "versionsuffix", "external-id"].contains(keyword) {
            let token = cursor.peek(1)
            guard seen.insert(keyword).inserted else { throw cursor.error("unexpected token \(keyword)", at: token) }
            cursor.advance(); cursor.advance()
            let value = try cursor.expectName()
            try cursor.expectRightParen()
            switch keyword {
            case "implements": attributes.append(.implements(value))
            case "versionsuffix": attributes.append(.versionSuffix(value))
            default: attributes.append(.externalID(value))
            }
        }
        if attributes.isEmpty { return ExternName(name) }
        return ExternName(name, encoding: .withAttributes, attributes: attributes)
    }

    /// `(import "name" attrs* externdesc)` in a component or component type.
    mutating func parseImport() throws {
        let token = cursor.peek(1)
        try cursor.enterGroup("import")
        let name = try parseExternName()
        let (descriptor, id) = try parseExternDescriptor()
        try cursor.expectRightParen()
        if scope.kind == .component {
            try emit(.import(ComponentImport(name: name, type: descriptor)), sort: descriptor.sort, name: id, at: token)
        } else {
            scope.declarations.append(.import(name: name, type: descriptor))
            _ = try scope.define(descriptor.sort, name: id, at: token)
        }
    }

    /// `(export "name" attrs* externdesc)` in a component or instance type.
    mutating func parseTypeExport() throws {
        let token = cursor.peek(1)
        try cursor.enterGroup("export")
        let name = try parseExternName()
        let (descriptor, id) = try parseExternDescriptor()
        try cursor.expectRightParen()
        scope.declarations.append(.instance(.export(name: name, type: descriptor)))
        _ = try scope.define(descriptor.sort, name: id, at: token)
    }

    /// `(export $id? "name" attrs* sortidx externdesc?)` in a component.
    mutating func parseExport() throws {
        let token = cursor.peek(1)
        try cursor.enterGroup("export")
        let id = cursor.takeId()
        let name = try parseExternName()
        let target = try parseSortReference()
        var ascribed: ExternDescriptor?
        if cursor.atLeftParen {
            ascribed = try parseExternDescriptor().descriptor
        }
        try cursor.expectRightParen()
        try emit(.export(ComponentExport(name: name, target: target, ascribedType: ascribed)),
                 sort: target.sort, name: id, at: token)
    }

    /// `externdesc`: `(core module $id? moduletype)`, `(func $id? functype)`,
    /// `(component $id? componenttype)`, `(instance $id? instancetype)` or
    /// `(type $id? (eq idx) | (sub resource))`; each type is `(type idx)` or inline.
    mutating func parseExternDescriptor() throws -> (descriptor: ExternDescriptor, id: String?) {
        guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
        let token = cursor.peek(1)
        cursor.advance(); cursor.advance()
        var sort: ComponentSort
        switch keyword {
        case "core":
            try cursor.expectKeyword("module")
            sort = .core(.module)
        case "func": sort = .function
        case "component": sort = .component
        case "instance": sort = .instance
        case "type": sort = .type
        case "value": throw cursor.error("not supported: component values (🪙)", at: token)
        default: throw cursor.error("unexpected token \(keyword)", at: token)
        }
        let id = cursor.takeId()
        let descriptor = try parseExternDescriptorBody(sort, at: token)
        try cursor.expectRightParen()
        return (descriptor, id)
    }

    /// The type part of an extern descriptor of `sort` (after `(sort $id?`), up to its `)`.
    mutating func parseExternDescriptorBody(_ sort: ComponentSort, at token: WatToken) throws -> ExternDescriptor {
        let descriptor: ExternDescriptor
        switch sort {
        case .core:
            if let index = try parseTypeUseIndex(.core(.type)) {
                descriptor = .coreModule(typeIndex: index)
            } else {
                let declarations = try parseModuleTypeDeclarations(name: nil)
                descriptor = .coreModule(typeIndex: try emitCoreType(.module(declarations), name: nil, at: token))
            }
        case .function:
            if let index = try parseTypeUseIndex(.type) {
                descriptor = .function(typeIndex: index)
            } else {
                let type = try parseFunctionTypeBody()
                descriptor = .function(typeIndex: try emitType(.function(type), name: nil, at: token))
            }
        case .component:
            if let index = try parseTypeUseIndex(.type) {
                descriptor = .component(typeIndex: index)
            } else {
                let declarations = try parseTypeDeclarations(kind: .componentType, name: nil)
                descriptor = .component(typeIndex: try emitType(.component(declarations), name: nil, at: token))
            }
        case .instance:
            if let index = try parseTypeUseIndex(.type) {
                descriptor = .instance(typeIndex: index)
            } else {
                let declarations = try Self.instanceDeclarations(
                    try parseTypeDeclarations(kind: .instanceType, name: nil), at: cursor)
                descriptor = .instance(typeIndex: try emitType(.instance(declarations), name: nil, at: token))
            }
        case .type:
            if cursor.atGroup("eq") {
                cursor.advance(); cursor.advance()
                descriptor = .type(.equal(typeIndex: try expectIndex(.type)))
                try cursor.expectRightParen()
            } else if cursor.atGroup("sub") {
                cursor.advance(); cursor.advance()
                try cursor.expectKeyword("resource")
                try cursor.expectRightParen()
                descriptor = .type(.subResource)
            } else {
                throw cursor.unexpected()
            }
        case .value:
            throw cursor.error("not supported: component values (🪙)", at: token)
        }
        return descriptor
    }

    /// A `(type idx)` type use, or nil when the type is written inline.
    mutating func parseTypeUseIndex(_ sort: ComponentSort) throws -> UInt32? {
        // `(type idx)`, not a `(type $id deftype)` declaration of an inline type.
        guard cursor.atGroup("type"), cursor.peek(3).kind == .rightParen else { return nil }
        cursor.advance(); cursor.advance()
        let index = try expectIndex(sort)
        try cursor.expectRightParen()
        return index
    }
}

extension ComponentTextParser {
    /// After a definition's `$id? (export "n")*`: the `(import "name")` abbreviation, then
    /// the imported item's type. Returns the new index, or nil when there is no import.
    mutating func parseInlineImport(_ sort: ComponentSort, name id: String?, exports: [ExternName], at token: WatToken) throws -> Bool {
        guard cursor.atGroup("import"), isNameOnlyGroup() else { return false }
        cursor.advance(); cursor.advance()
        let name = try parseExternName()
        try cursor.expectRightParen()
        let descriptor = try parseExternDescriptorBody(sort, at: token)
        let index = try emit(.import(ComponentImport(name: name, type: descriptor)), sort: sort, name: id, at: token)
        try emitInlineExports(exports, sort: sort, index: index, at: token)
        return true
    }
}
