import ComponentModel
import Foundation
import Theater

/// Instantiating a validated component against the built-in hosts, and finding the
/// export a command names.
enum ComponentProgram {
    /// Instantiates `component` with the WASI 0.2 hosts of `wasi`; imports no host
    /// provides become trapping stubs.
    static func instantiate(_ component: ComponentFile, with wasi: WASIHost) throws -> ComponentInstance {
        let linker = ComponentLinker()
        linker.definesUnknownImportsAsTraps = true
        try wasi.define(in: linker)
        do {
            return try linker.instantiate(component.validated.component)
        } catch let error as ComponentLinkError {
            throw CommandFailure("\(component.path): cannot instantiate: \(error.message)")
        } catch let trap as ComponentTrap {
            throw CommandFailure("\(component.path): trapped while instantiating: \(trap.message)")
        }
    }

    /// The exported function `name`: a top-level export, or `iface#func` for a function
    /// of an exported instance.
    static func function(named name: String, in instance: ComponentInstance, path: String) throws -> ComponentFunction {
        if let separator = name.lastIndex(of: "#") {
            let interface = String(name[..<separator]), function = String(name[name.index(after: separator)...])
            if let nested = instance.instance(named: interface), let found = nested.function(named: function) {
                return found
            }
        } else if let found = instance.function(named: name) {
            return found
        }
        let available = exportedFunctions(of: instance)
        throw CommandFailure("\(path) exports no function named `\(name)` (exported functions: "
                             + (available.isEmpty ? "none" : available.joined(separator: ", ")) + ")")
    }

    /// The callable exports of `instance`, nested ones as `iface#func`.
    static func exportedFunctions(of instance: ComponentInstance) -> [String] {
        instance.exportNames.flatMap { name -> [String] in
            if instance.function(named: name) != nil { return [name] }
            guard let nested = instance.instance(named: name) else { return [] }
            return nested.exportNames.filter { nested.function(named: $0) != nil }.map { "\(name)#\($0)" }
        }
    }
}
