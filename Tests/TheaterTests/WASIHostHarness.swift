import ComponentModel
import Theater

/// Instantiates a component that imports WASI interfaces and re-exports them unchanged,
/// so a test can call the built-in host functions directly with component values.
enum WASIHostHarness {
    /// The interfaces named `names` (e.g. `wasi:cli/environment@0.2.3`) as `wasi` serves them.
    static func interfaces(_ names: [String], of wasi: WASIHost) throws -> [String: ComponentInstance] {
        let fields = names.enumerated().map { index, name in
            "(import \"\(name)\" (instance $i\(index))) (export \"\(name)\" (instance $i\(index)))"
        }
        let linker = ComponentLinker()
        try wasi.define(in: linker)
        let component = try Component(decoding: try ComponentWAT.encode("(component \(fields.joined(separator: " ")))"))
        _ = try ComponentValidator.validate(component)
        let instance = try linker.instantiate(component)
        var result: [String: ComponentInstance] = [:]
        for name in names {
            result[name] = instance.instance(named: name)
        }
        return result
    }

    /// Function `function` of the single interface `name` of `wasi`.
    static func function(_ function: String, of name: String, in wasi: WASIHost) throws -> ComponentFunction {
        guard let found = try interfaces([name], of: wasi)[name]?.function(named: function) else {
            throw ComponentLinkError("\(name) has no function \(function)")
        }
        return found
    }
}
