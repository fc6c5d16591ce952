import WasmEngine

/// A parsed component-model script (`.wast` of the Component Model's reference tests):
/// its commands in order.
public struct ComponentWastScript: Sendable {
    /// The top-level commands in source order.
    public let commands: [ComponentWastCommand]

    /// Parses a script. Text components inside are encoded right away; one that fails
    /// to encode becomes `.textError` so the rest of the script still runs. Throws
    /// `TextError` only when the script itself cannot be parsed.
    public static func parse(_ text: String) throws -> ComponentWastScript {
        var parser = try ComponentWastParser(text)
        return ComponentWastScript(commands: try parser.parseCommands())
    }
}

/// A component in a script: `(component $name? ...)`, `(component definition $name? ...)`
/// or one inside an assertion.
public struct ComponentWastModule: Sendable {
    /// The `$name` (without `$`) later commands use to refer to it.
    public let name: String?
    public let source: ComponentWastSource
    /// `(component definition ...)`: define it only; `component instance` instantiates it.
    public let isDefinition: Bool
    /// The line of the opening `(component`.
    public let line: Int
}

/// How a script gives a component.
public enum ComponentWastSource: Sendable {
    /// A text component already encoded, or `(component binary ...)`.
    case binary([UInt8])
    /// `(component quote ...)`: the harness encodes it with `ComponentWAT.encode`.
    case quote(String)
    /// A text component that failed to encode.
    case textError(TextError)
}

/// An action on a component instance (the latest one, or a named one).
public enum ComponentWastAction: Sendable {
    /// `(invoke $instance? "name" value*)`: call an exported function.
    case invoke(instance: String?, name: String, arguments: [ComponentValue])
}

/// One top-level command of a component script, with the line it starts on.
public enum ComponentWastCommand: Sendable {
    /// Define a component and (unless `isDefinition`) instantiate it as the current instance.
    case component(ComponentWastModule)
    /// `(component instance $instance $definition)`: instantiate a defined component.
    case instance(name: String?, definition: String, line: Int)
    /// A bare `invoke` whose results are ignored.
    case action(ComponentWastAction, line: Int)
    case assertReturn(ComponentWastAction, [ComponentValue], line: Int)
    case assertTrap(ComponentWastAction, message: String, line: Int)
    /// `assert_trap (component ...)`: instantiation must trap.
    case assertTrapComponent(ComponentWastModule, message: String, line: Int)
    case assertMalformed(ComponentWastModule, message: String, line: Int)
    case assertInvalid(ComponentWastModule, message: String, line: Int)
    case assertUnlinkable(ComponentWastModule, message: String, line: Int)
}
