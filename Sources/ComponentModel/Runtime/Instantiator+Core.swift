import WasmEngine

/// Core instances: instantiating a validated core module in the shared store with `with`
/// arguments, or bundling existing core definitions as an instance.
extension Instantiator {
    func defineCoreInstance(_ definition: CoreInstance, in scope: InstantiationScope) throws {
        switch definition {
        case .instantiate(let moduleIndex, let arguments):
            let module = try InstantiationScope.element(scope.coreModules, moduleIndex, "core module")
            var imports = Imports()
            for argument in arguments {
                for (name, value) in try scope.coreInstance(argument.instance) {
                    imports.define(module: argument.name, name: name, value)
                }
            }
            try budget.spend(.core)
            let instance: Instance
            do {
                instance = try store.instantiate(module, imports: imports)
            } catch let error as LinkError {
                throw ComponentLinkError("core instance \(scope.coreInstances.count): \(error.message)")
            }
            scope.coreInstances.append(Dictionary(instance.orderedExports.map { ($0.name, $0.value) },
                                                  uniquingKeysWith: { first, _ in first }))
        case .fromExports(let exports):
            var values: [String: ExternalValue] = [:]
            for export in exports {
                guard values[export.name] == nil else {
                    throw ComponentLinkError("duplicate core export name `\(export.name)`")
                }
                values[export.name] = try scope.coreExtern(export.target)
            }
            scope.coreInstances.append(values)
        }
    }
}
