/// Checks what the linker supplies for a top-level import against the import's declared
/// type, so a missing export or a mistyped function is a `ComponentLinkError` naming the
/// import, not a trap later.
///
/// Instance types are walked declaration by declaration with their own local type index
/// space: `(export "r" (type (sub resource)))` binds to the supplied instance's resource,
/// so function types that use it compare by resource identity.
struct ImportTypeChecker {
    /// Checks `item`, supplied for import `name`, against `descriptor` of `scope`.
    static func check(_ item: RuntimeItem, against descriptor: ExternDescriptor, name: String,
                      in scope: InstantiationScope) throws {
        try check(item, against: descriptor, path: name, lookup: scope.type, scope: scope)
    }

    private static func check(_ item: RuntimeItem, against descriptor: ExternDescriptor, path: String,
                              lookup: RuntimeTypeSpace.Lookup, scope: InstantiationScope) throws {
        func mismatch(_ expected: String) -> ComponentLinkError {
            let article = item.sortName == "instance" ? "an" : "a"
            return ComponentLinkError("import `\(path)`: expected \(expected), but \(article) \(item.sortName) was supplied")
        }
        switch descriptor {
        case .coreModule:
            guard case .coreModule = item else { throw mismatch("a core module") }
        case .component:
            guard case .component = item else { throw mismatch("a component") }
        case .value:
            throw ComponentLinkError("import `\(path)`: component values are not supported")
        case .type(let bound):
            guard case .type(let supplied) = item else { throw mismatch("a type") }
            if case .subResource = bound, case .resource = supplied {} else if case .subResource = bound {
                throw ComponentLinkError("import `\(path)`: expected a resource type, found \(supplied.kindName)")
            }
        case .function(let typeIndex):
            guard case .function(let function) = item else { throw mismatch("a func") }
            // Types that cannot be resolved here (unsupported forms) are left to the call.
            guard case .function(let expected)? = try? lookup(typeIndex) else { return }
            guard function.type == expected else {
                throw ComponentLinkError("import `\(path)`: function type mismatch: expected "
                                         + "\(expected.parameters) -> \(expected.results), found "
                                         + "\(function.type.parameters) -> \(function.type.results)")
            }
        case .instance(let typeIndex):
            guard case .instance(let instance) = item else { throw mismatch("an instance") }
            guard case .instance(let declarations, let typeScope)? = try? lookup(typeIndex) else { return }
            try check(instance, against: declarations, path: path, typeScope: typeScope)
        }
    }

    /// Walks an instance type's declarations against the supplied `instance`.
    private static func check(_ instance: ComponentInstance, against declarations: [InstanceTypeDeclaration],
                              path: String, typeScope: InstantiationScope) throws {
        try InstanceTypeWalk.forEachExport(of: declarations, typeScope: typeScope, unresolved: { index in
            ComponentLinkError("type \(index) of the instance type cannot be resolved")
        }) { name, descriptor, lookup in
            guard let supplied = instance.export(name.name) else {
                throw ComponentLinkError("import `\(path)`: the supplied instance has no export `\(name.name)`")
            }
            try check(supplied, against: descriptor, path: "\(path).\(name.name)", lookup: lookup, scope: typeScope)
            return supplied
        }
    }
}
