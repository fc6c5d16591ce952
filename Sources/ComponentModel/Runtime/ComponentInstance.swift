/// An instantiated component (or a host instance given to the linker): what it exports.
///
/// Exports are functions, nested instances, types (resource types keep their runtime
/// identity), components and core modules, each under its extern name.
public final class ComponentInstance {
    /// The export names in definition order.
    public let exportNames: [String]
    let exports: [String: RuntimeItem]

    /// An instance with the given exports (later duplicates of a name are ignored).
    init(exports ordered: [(name: String, item: RuntimeItem)]) {
        var names: [String] = []
        var exports: [String: RuntimeItem] = [:]
        for (name, item) in ordered where exports[name] == nil {
            names.append(name)
            exports[name] = item
        }
        self.exportNames = names
        self.exports = exports
    }

    /// The exported function `name` (top-level exports only), if any.
    public func function(named name: String) -> ComponentFunction? {
        if case .function(let function)? = exports[name] { return function }
        return nil
    }

    /// The exported instance `name`, if any.
    public func instance(named name: String) -> ComponentInstance? {
        if case .instance(let instance)? = exports[name] { return instance }
        return nil
    }

    /// The exported resource type `name`, if any (to build host values of its handles).
    public func resourceType(named name: String) -> RuntimeResourceType? {
        if case .type(.resource(let resource))? = exports[name] { return resource }
        return nil
    }

    /// The export `name`, if any.
    func export(_ name: String) -> RuntimeItem? { exports[name] }
}
