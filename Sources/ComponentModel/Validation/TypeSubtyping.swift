/// Component-level subtyping (Explainer.md, "Type Checking"): structural equality for
/// value and function types, identity for resources, and width subtyping (more exports,
/// fewer imports) for instance, component and module types. Messages use the test
/// suite's wording; nested mismatches are prefixed with where they occurred.
struct TypeChecker {
    let arena: TypeArena
    let run: ValidationRun

    /// Throws unless `actual` can be used where `expected` is required.
    func check(_ actual: EntityType, isSubtypeOf expected: EntityType) throws(ComponentValidationError) {
        switch (actual, expected) {
        case (.module(let a), .module(let b)): try module(a, b)
        case (.function(let a), .function(let b)): try type(a, b)
        case (.value(let a), .value(let b)): try value(a, b)
        case (.type(let a), .type(let b)): try type(a, b)
        case (.instance(let a), .instance(let b)): try type(a, b)
        case (.component(let a), .component(let b)): try type(a, b)
        default: throw ComponentValidationError("expected \(expected.kindName), found \(actual.kindName)")
        }
    }

    private func kind(_ entry: TypeEntry) -> String {
        switch entry {
        case .defined: return "defined type"
        case .function: return "func"
        case .instance: return "instance"
        case .component: return "component"
        case .resource: return "resource"
        }
    }

    /// Subtyping between two arena types.
    func type(_ a: TypeID, _ b: TypeID) throws(ComponentValidationError) {
        if a == b { return }
        switch (arena[a], arena[b]) {
        case (.resource(let x), .resource(let y)):
            guard x == y else { throw ComponentValidationError("resource types are not the same") }
        case (.defined(let x), .defined(let y)): try defined(x, y)
        case (.function(let x), .function(let y)): try function(x, y)
        case (.instance(let x), .instance(let y)): try instance(x, y)
        case (.component(let x), .component(let y)): try component(x, y)
        case (let x, let y): throw ComponentValidationError("expected \(kind(y)), found \(kind(x))")
        }
    }

    private func function(_ a: FuncType, _ b: FuncType) throws(ComponentValidationError) {
        guard a.parameters.count == b.parameters.count else {
            throw ComponentValidationError("expected \(b.parameters.count) parameters, found \(a.parameters.count)")
        }
        for (x, y) in zip(a.parameters, b.parameters) {
            guard x.label == y.label else {
                throw ComponentValidationError("expected parameter named `\(y.label)`, found `\(x.label)`")
            }
            do { try value(x.type, y.type) } catch { throw error.inContext("type mismatch in function parameter `\(y.label)`") }
        }
        switch (a.result, b.result) {
        case (nil, nil): return
        // The suite's wording for these two cases is taken as is.
        case (nil, .some): throw ComponentValidationError("function has no result but a result is expected")
        case (.some, nil): throw ComponentValidationError("expected a result, found none")
        case (.some(let x), .some(let y)):
            do { try value(x, y) } catch { throw error.inContext("type mismatch with result type") }
        }
    }

    private func instance(_ a: InstanceTypeInfo, _ b: InstanceTypeInfo) throws(ComponentValidationError) {
        for export in b.exports {
            guard let other = a.export(named: export.name) else {
                throw ComponentValidationError("missing expected export `\(export.name)`")
            }
            do { try check(other, isSubtypeOf: export.type) } catch {
                throw error.inContext("type mismatch in instance export `\(export.name)`")
            }
        }
    }

    private func component(_ a: ComponentTypeInfo, _ b: ComponentTypeInfo) throws(ComponentValidationError) {
        // `a`'s abstract resources stand for whatever `b` has at the same names.
        var substitution = Substitution()
        let importsOfA = Set(a.importedResources), exportsOfA = Set(a.definedResources)
        for entry in a.imports {
            if let other = b.imports.first(where: { $0.name == entry.name }) {
                run.bind(expected: entry.type, actual: other.type, unbound: importsOfA, into: &substitution)
            }
        }
        for entry in b.exports {
            if let other = a.exports.first(where: { $0.name == entry.name }) {
                run.bind(expected: other.type, actual: entry.type, unbound: exportsOfA, into: &substitution)
            }
        }
        for entry in a.imports {
            guard let other = b.imports.first(where: { $0.name == entry.name }) else {
                throw ComponentValidationError("missing expected import `\(entry.name)`")
            }
            do { try check(other.type, isSubtypeOf: run.substitute(entry.type, substitution)) } catch {
                throw error.inContext("type mismatch in import `\(entry.name)`")
            }
        }
        for entry in b.exports {
            guard let other = a.exports.first(where: { $0.name == entry.name }) else {
                throw ComponentValidationError("missing expected export `\(entry.name)`")
            }
            do { try check(run.substitute(other.type, substitution), isSubtypeOf: entry.type) } catch {
                throw error.inContext("type mismatch in export `\(entry.name)`")
            }
        }
    }

    private func module(_ a: ModuleTypeInfo, _ b: ModuleTypeInfo) throws(ComponentValidationError) {
        for entry in a.imports {
            guard let other = b.imports.first(where: { $0.module == entry.module && $0.name == entry.name }) else {
                throw ComponentValidationError("missing expected import `\(entry.module)::\(entry.name)`")
            }
            do { try CoreTypeMatching.check(other.type, matches: entry.type) } catch {
                throw error.inContext("type mismatch in import `\(entry.module)::\(entry.name)`")
            }
        }
        for name in b.exportOrder {
            guard let actual = a.exports[name] else { throw ComponentValidationError("missing expected export `\(name)`") }
            do { try CoreTypeMatching.check(actual, matches: b.exports[name]!) } catch {
                throw error.inContext("type mismatch in export `\(name)`")
            }
        }
    }

    // MARK: - Value types

    /// A value type seen through its definition: primitives written inline or as
    /// `(type u32)` compare the same.
    private enum Shape {
        case primitive(PrimitiveValueType, inline: Bool)
        case defined(DefinedType)
    }

    private func shape(_ type: ValType) -> Shape {
        switch type {
        case .primitive(let primitive): return .primitive(primitive, inline: true)
        case .defined(let id):
            guard let defined = arena.defined(id) else { return .primitive(.bool, inline: true) }
            if case .primitive(let primitive) = defined { return .primitive(primitive, inline: false) }
            return .defined(defined)
        }
    }

    func value(_ a: ValType, _ b: ValType) throws(ComponentValidationError) {
        if a == b { return }
        switch (shape(a), shape(b)) {
        case (.primitive(let x, _), .primitive(let y, _)):
            guard x == y else { throw ComponentValidationError("expected primitive `\(y.name)` found primitive `\(x.name)`") }
        case (.defined(let x), .primitive(let y, let inline)):
            throw ComponentValidationError("expected \(inline ? y.name : "primitive"), found \(x.kindName)")
        case (.primitive(let x, _), .defined(let y)):
            throw ComponentValidationError("expected \(y.kindName), found \(x.name)")
        case (.defined(let x), .defined(let y)):
            try defined(x, y)
        }
    }

    private func defined(_ a: DefinedType, _ b: DefinedType) throws(ComponentValidationError) {
        switch (a, b) {
        case (.primitive(let x), .primitive(let y)):
            guard x == y else { throw ComponentValidationError("expected primitive `\(y.name)` found primitive `\(x.name)`") }
        case (.record(let x), .record(let y)):
            guard x.count == y.count else { throw ComponentValidationError("expected \(y.count) fields, found \(x.count)") }
            for (f, g) in zip(x, y) {
                guard f.label == g.label else {
                    throw ComponentValidationError("expected field name `\(g.label)`, found `\(f.label)`")
                }
                do { try value(f.type, g.type) } catch { throw error.inContext("type mismatch in record field `\(g.label)`") }
            }
        case (.variant(let x), .variant(let y)):
            guard x.count == y.count else { throw ComponentValidationError("expected \(y.count) cases, found \(x.count)") }
            for (c, d) in zip(x, y) {
                guard c.label == d.label else {
                    throw ComponentValidationError("expected case named `\(d.label)`, found `\(c.label)`")
                }
                switch (c.type, d.type) {
                case (nil, nil): break
                case (nil, .some): throw ComponentValidationError("expected case `\(d.label)` to have a type, found none")
                case (.some, nil): throw ComponentValidationError("expected case `\(d.label)` to have no type")
                case (.some(let s), .some(let t)):
                    do { try value(s, t) } catch { throw error.inContext("type mismatch in variant case `\(d.label)`") }
                }
            }
        case (.list(let x), .list(let y)):
            do { try value(x, y) } catch { throw error.inContext("type mismatch in list element") }
        case (.tuple(let x), .tuple(let y)):
            guard x.count == y.count else { throw ComponentValidationError("expected \(y.count) types, found \(x.count)") }
            for (index, (s, t)) in zip(x, y).enumerated() {
                do { try value(s, t) } catch { throw error.inContext("type mismatch in tuple field \(index)") }
            }
        case (.flags(let x), .flags(let y)):
            guard x == y else { throw ComponentValidationError("mismatch in flags elements") }
        case (.enum(let x), .enum(let y)):
            guard x == y else { throw ComponentValidationError("mismatch in enum elements") }
        case (.option(let x), .option(let y)):
            do { try value(x, y) } catch { throw error.inContext("type mismatch in option") }
        case (.result(let xOk, let xError), .result(let yOk, let yError)):
            try optional(xOk, yOk, "ok")
            try optional(xError, yError, "err")
        case (.own(let x), .own(let y)), (.borrow(let x), .borrow(let y)):
            guard arena.resource(x) == arena.resource(y) else { throw ComponentValidationError("resource types are not the same") }
        case (_, .primitive):
            throw ComponentValidationError("expected primitive, found \(a.kindName)")
        default:
            throw ComponentValidationError("expected \(b.kindName), found \(a.kindName)")
        }
    }

    private func optional(_ a: ValType?, _ b: ValType?, _ what: String) throws(ComponentValidationError) {
        switch (a, b) {
        case (nil, nil): return
        case (.some, nil): throw ComponentValidationError("expected \(what) type to not be present")
        case (nil, .some): throw ComponentValidationError("expected \(what) type, but found none")
        case (.some(let x), .some(let y)):
            do { try value(x, y) } catch { throw error.inContext("type mismatch in \(what) variant") }
        }
    }
}

extension DefinedType {
    /// The type constructor's name, as in the suite's messages.
    var kindName: String {
        switch self {
        case .primitive(let primitive): return primitive.name
        case .record: return "record"
        case .variant: return "variant"
        case .list: return "list"
        case .tuple: return "tuple"
        case .flags: return "flags"
        case .enum: return "enum"
        case .option: return "option"
        case .result: return "result"
        case .own: return "own"
        case .borrow: return "borrow"
        }
    }
}

extension PrimitiveValueType {
    /// The type's name in the text format (`u32`, `string`, ...).
    var name: String {
        switch self {
        case .bool: return "bool"
        case .s8: return "s8"
        case .u8: return "u8"
        case .s16: return "s16"
        case .u16: return "u16"
        case .s32: return "s32"
        case .u32: return "u32"
        case .s64: return "s64"
        case .u64: return "u64"
        case .f32: return "f32"
        case .f64: return "f64"
        case .char: return "char"
        case .string: return "string"
        case .errorContext: return "error-context"
        }
    }
}
