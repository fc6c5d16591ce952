import ComponentModel
import WasmEngine

/// The stage at which a script's component was rejected.
enum ComponentLoadFailure: Error, CustomStringConvertible {
    case text(TextError)
    case decode(ComponentDecodeError)
    case validation(String)
    case other(Error)

    var description: String {
        switch self {
        case .text(let error): return "text: \(error)"
        case .decode(let error): return "malformed: \(error)"
        case .validation(let message): return "invalid: \(message)"
        case .other(let error): return "error: \(error)"
        }
    }
}

/// Takes a script component through each stage — text, decoding, validation,
/// instantiation, calls — one small method per stage, so each can be plugged in
/// separately (the validator and runtime come from other parts of ComponentModel).
enum ComponentPipeline {
    /// Text (for text and quoted components) to binary.
    static func bytes(of component: ComponentWastModule) throws(ComponentLoadFailure) -> [UInt8] {
        switch component.source {
        case .binary(let bytes):
            return bytes
        case .quote(let text):
            do { return try ComponentWAT.encode(text) } catch let error as TextError {
                throw .text(error)
            } catch { throw .other(error) }
        case .textError(let error):
            throw .text(error)
        }
    }

    /// Binary to the decoded AST.
    static func decode(_ bytes: [UInt8]) throws(ComponentLoadFailure) -> Component {
        do { return try Component(decoding: bytes) } catch let error as ComponentDecodeError {
            throw .decode(error)
        } catch { throw .other(error) }
    }

    /// Runs `ComponentValidator.validate`.
    static func validate(_ component: Component) throws(ComponentLoadFailure) {
        do { _ = try ComponentValidator.validate(component) } catch {
            throw .validation(error.message)
        }
    }

    /// Text, decoding and validation in one go.
    static func load(_ component: ComponentWastModule) throws(ComponentLoadFailure) -> Component {
        let decoded = try decode(try bytes(of: component))
        try validate(decoded)
        return decoded
    }

    /// A live instance of `component`, in a store of its own (scripts give top-level
    /// components no imports). Traps and link errors propagate as they are, so that
    /// `assert_trap` / `assert_unlinkable` can compare their messages.
    static func instantiate(_ component: Component) throws -> ComponentScriptInstance {
        let linker = ComponentLinker()
        return ComponentScriptInstance(instance: try linker.instantiate(component))
    }

    /// Calls the export `name` of `instance`; traps propagate as they are.
    static func invoke(_ instance: ComponentScriptInstance, _ name: String,
                       _ arguments: [ComponentValue]) throws -> [ComponentValue] {
        guard let function = instance.instance.function(named: name) else {
            throw ComponentLoadFailure.other(HarnessError.unknownExport(name))
        }
        return try function.call(arguments)
    }
}

/// A component instance the script created.
struct ComponentScriptInstance {
    let instance: ComponentInstance
}
