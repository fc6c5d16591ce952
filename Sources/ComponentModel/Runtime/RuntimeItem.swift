import WasmEngine

/// What one definition of a component-level sort is at runtime: the element type of the
/// instantiator's index spaces, of component instance exports and of instantiation
/// arguments.
enum RuntimeItem {
    case coreModule(ValidatedModule)
    case function(ComponentFunction)
    case type(RuntimeType)
    case component(ComponentClosure)
    case instance(ComponentInstance)

    /// The sort's name for messages ("func", "instance", ...).
    var sortName: String {
        switch self {
        case .coreModule: return "core module"
        case .function: return "func"
        case .type: return "type"
        case .component: return "component"
        case .instance: return "instance"
        }
    }
}

/// A type at runtime: value and function types resolved to the Canonical ABI's trees,
/// resources to their runtime identity, and instance and component types kept as their
/// declarations (only import checking reads them).
enum RuntimeType {
    case value(ABIType)
    case function(ABIFunctionType)
    case resource(RuntimeResourceType)
    /// An instance type's declarations and the scope its outer aliases resolve in.
    case instance([InstanceTypeDeclaration], InstantiationScope)
    /// A component type's declarations and the scope its outer aliases resolve in.
    case component([ComponentTypeDeclaration], InstantiationScope)

    /// A name for messages.
    var kindName: String {
        switch self {
        case .value(let type): return "\(type)"
        case .function: return "function type"
        case .resource(let resource): return "resource \(resource.name)"
        case .instance: return "instance type"
        case .component: return "component type"
        }
    }
}

/// A component definition together with the scope it was defined in: what the component
/// index space holds. Instantiating it resolves its outer aliases against `environment`.
struct ComponentClosure {
    let prepared: PreparedComponent
    /// The enclosing component instance's scope (nil for a top-level component).
    let environment: InstantiationScope?
}

/// A component with its core modules validated at most once, however many times the
/// component (or a nested one) is instantiated.
final class PreparedComponent {
    let component: Component
    private var modules: [Int: ValidatedModule] = [:]
    private var children: [Int: PreparedComponent] = [:]

    /// Prepares `component` (validation happens lazily, once per module definition).
    init(_ component: Component) {
        self.component = component
    }

    /// The validated core module of definition `index`.
    func module(at index: Int, _ definition: CoreModuleDefinition) throws -> ValidatedModule {
        if let cached = modules[index] { return cached }
        let validated: ValidatedModule
        do {
            validated = try Validator.validate(definition.module)
        } catch {
            throw ComponentLinkError("core module (definition \(index)) is invalid: \(error)")
        }
        modules[index] = validated
        return validated
    }

    /// The prepared nested component of definition `index`.
    func child(at index: Int, _ component: Component) -> PreparedComponent {
        if let cached = children[index] { return cached }
        let child = PreparedComponent(component)
        children[index] = child
        return child
    }
}
