/// The external values a module's imports are resolved against, keyed by
/// (module name, field name).
public struct Imports {
    var definitions: [ImportKey: ExternalValue] = [:]

    /// An empty set of imports.
    public init() {}

    /// Makes `value` available as `module`.`name`.
    public mutating func define(module: String, name: String, _ value: ExternalValue) {
        definitions[ImportKey(module: module, name: name)] = value
    }

    /// Makes every export of `instance` available under the module name `module`
    /// (what the spec suite's `register` command does).
    public mutating func define(module: String, instance: Instance) {
        for (name, value) in instance.exports {
            define(module: module, name: name, value)
        }
    }

    /// The value defined as `module`.`name`, if any.
    public func lookup(module: String, name: String) -> ExternalValue? {
        definitions[ImportKey(module: module, name: name)]
    }
}

/// The two-level name of an import.
struct ImportKey: Hashable {
    let module: String
    let name: String
}
