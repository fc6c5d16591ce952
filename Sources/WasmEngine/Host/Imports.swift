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
        for (name, value) in instance.orderedExports {
            define(module: module, name: name, value)
        }
    }

    /// The value defined as `module`.`name`, if any.
    public func lookup(module: String, name: String) -> ExternalValue? {
        definitions[ImportKey(module: module, name: name)]
    }
}

/// The two-level name of an import, compared by UTF-8 bytes as the spec requires
/// (Swift `String` equality would identify canonically equivalent names, which are
/// different names to Wasm).
struct ImportKey: Hashable {
    let module: [UInt8]
    let name: [UInt8]

    init(module: String, name: String) {
        self.module = Array(module.utf8)
        self.name = Array(name.utf8)
    }
}
