/// Name-level rules of imports and exports: the extern-name grammar, attributes, and the
/// extra type rules of `[constructor]`, `[method]` and `[static]` names.
extension ValidationRun {
    /// Checks an import or export name and its attributes; returns the parsed form.
    func checkName(_ name: ExternName, isInstance: Bool) throws(ComponentValidationError) -> ExternNameForm {
        let form = try ExternNameRules.check(name.name)
        var kinds: Set<String> = []
        for attribute in name.attributes {
            switch attribute {
            case .implements(let interface):
                guard kinds.insert("implements").inserted else {
                    throw ComponentValidationError("duplicate 'implements' option in name")
                }
                guard !interface.isEmpty, interface.allSatisfy({ !$0.isWhitespace }) else {
                    throw ComponentValidationError("`\(interface)` is not a valid name for `implements`")
                }
                guard case .interface = try? ExternNameRules.check(interface) else {
                    throw ComponentValidationError("`implements` value `\(interface)` must be an interface name")
                }
                guard isInstance else { throw ComponentValidationError("only instances can have an `implements` attribute") }
                guard case .plain = form else {
                    throw ComponentValidationError("name `\(name.name)` is not valid with `implements`: it must be a plain name")
                }
            case .versionSuffix(let suffix):
                guard kinds.insert("versionsuffix").inserted else {
                    throw ComponentValidationError("duplicate `versionsuffix` attribute")
                }
                guard case .interface(let interface) = form, let version = interface.version,
                      ExternNameRules.versionError(Substring(version + suffix)) == nil else {
                    throw ComponentValidationError("`versionsuffix` `\(suffix)` must follow a canonical interface version")
                }
            case .externalID:
                guard kinds.insert("external-id").inserted else {
                    throw ComponentValidationError("duplicate `external-id` attribute")
                }
            }
        }
        return form
    }

    /// The rules annotated names add: `[constructor]r` returns `(own $r)` (maybe inside a
    /// `result`), `[method]r.m` takes `(param "self" (borrow $r))` first, `[static]r.m`
    /// needs a resource `r`; `r` is the name the scope gave the resource.
    func checkAnnotatedName(_ name: String, form: ExternNameForm, entity: EntityType,
                            resourceNames: [TypeID: String]) throws(ComponentValidationError) {
        let resource: String
        switch form {
        case .plain, .interface: return
        case .constructor(let r), .method(let r, _), .static(let r, _): resource = r
        }
        guard case .function(let id) = entity, case .function(let function) = arena[id] else {
            throw ComponentValidationError("`\(name)` is not a func")
        }
        func named(_ type: TypeID) throws(ComponentValidationError) {
            guard let actual = resourceNames[type] else {
                throw ComponentValidationError("resource used in function does not have a name in this context")
            }
            guard actual == resource else {
                throw ComponentValidationError("function does not match expected resource name `\(actual)`")
            }
        }
        switch form {
        case .constructor:
            guard let result = function.result else { throw ComponentValidationError("function should return one value") }
            let shouldReturn = "function should return `(own $T)` or `(result (own $T))`"
            guard case .defined(let resultID) = result, let defined = arena.defined(resultID) else {
                throw ComponentValidationError(shouldReturn)
            }
            switch defined {
            case .own(let handle):
                try named(handle)
            case .result(.some(.defined(let okID)), _):
                guard case .own(let handle)? = arena.defined(okID) else { throw ComponentValidationError(shouldReturn) }
                try named(handle)
            default:
                throw ComponentValidationError(shouldReturn)
            }
        case .method:
            guard let first = function.parameters.first else {
                throw ComponentValidationError("method should have at least one argument")
            }
            guard first.label == "self" else {
                throw ComponentValidationError("method should have a first argument called `self`")
            }
            guard case .defined(let selfID) = first.type, case .borrow(let handle)? = arena.defined(selfID) else {
                throw ComponentValidationError("method should take a first argument of `(borrow $T)`")
            }
            try named(handle)
        case .static:
            guard resourceNames.values.contains(resource) else {
                throw ComponentValidationError("static resource name is not known in this context")
            }
        case .plain, .interface:
            return
        }
    }
}
