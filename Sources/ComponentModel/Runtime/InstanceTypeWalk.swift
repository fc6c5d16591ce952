/// Walks the declarations of an instance type the way instantiation sees them: the type
/// has its own type index space (local types, type aliases, and the type exports
/// themselves), which the types of its later exports refer to.
///
/// Used where a runtime instance is matched against, or completed to, an instance type:
/// checking a host's instance against an import (`ImportTypeChecker`) and building
/// trapping stubs for what a host lacks (`ComponentLinker`).
enum InstanceTypeWalk {
    /// Calls `visit` for each export declaration of `declarations`, in order, with a
    /// lookup into the type's local type space as it stands at that export. `visit`
    /// returns the item that fills the export (nil to skip it); when the export is a
    /// type, that item's type joins the local space. Types the runtime cannot represent
    /// stay unresolved, and looking them up throws `unresolved(index)`.
    static func forEachExport(of declarations: [InstanceTypeDeclaration], typeScope: InstantiationScope,
                              unresolved: @escaping (UInt32) -> ComponentLinkError,
                              _ visit: (ExternName, ExternDescriptor, RuntimeTypeSpace.Lookup) throws -> RuntimeItem?) throws {
        var local: [RuntimeType?] = []
        let lookup: RuntimeTypeSpace.Lookup = { index in
            guard Int(index) < local.count, let type = local[Int(index)] else { throw unresolved(index) }
            return type
        }
        for declaration in declarations {
            switch declaration {
            case .coreType:
                break
            case .type(let definition):
                local.append(try? RuntimeTypeSpace.convert(definition, scope: typeScope, lookup: lookup))
            case .alias(let alias):
                guard alias.sort == .type else { continue }
                if case .outer(let count, let index) = alias.target, count > 0 {
                    local.append(try? typeScope.outer(count - 1).type(index))
                } else if case .outer(_, let index) = alias.target {
                    local.append(try? lookup(index))
                } else {
                    local.append(nil)
                }
            case .export(let name, let descriptor):
                let item = try visit(name, descriptor, lookup)
                if case .type = descriptor.sort, case .type(let type)? = item {
                    local.append(type)
                }
            }
        }
    }
}
