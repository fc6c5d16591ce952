import ComponentModel
import WasmEngine

/// The stage at which a script's component was rejected.
enum ComponentLoadFailure: Error, CustomStringConvertible {
    case text(TextError)
    case decode(ComponentDecodeError)
    case validation(String)
    /// A stage the harness cannot run yet (validator or runtime not plugged in).
    case notWired(String)
    case other(Error)

    var description: String {
        switch self {
        case .text(let error): return "text: \(error)"
        case .decode(let error): return "malformed: \(error)"
        case .validation(let message): return "invalid: \(message)"
        case .notWired(let stage): return "\(stage) not wired"
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

    /// Whether `validate` runs a validator yet. Until it does, `assert_invalid` can only
    /// pass when decoding already rejects the component.
    static let isValidatorWired = false

    /// Seam for `ComponentValidator.validate` (throws `.validation` when wired).
    static func validate(_ component: Component) throws(ComponentLoadFailure) {
        _ = component
    }

    /// Text, decoding and validation in one go.
    static func load(_ component: ComponentWastModule) throws(ComponentLoadFailure) -> Component {
        let decoded = try decode(try bytes(of: component))
        try validate(decoded)
        return decoded
    }

    /// Whether `instantiate` and `invoke` run the component runtime yet.
    static let isRuntimeWired = false

    /// Seam for `ComponentLinker.instantiate`: a live instance of `component`.
    static func instantiate(_ component: Component) throws(ComponentLoadFailure) -> ComponentScriptInstance {
        _ = component
        throw .notWired("runtime")
    }

    /// Seam for calling an export of an instance.
    static func invoke(_ instance: ComponentScriptInstance, _ name: String,
                       _ arguments: [ComponentValue]) throws(ComponentLoadFailure) -> [ComponentValue] {
        _ = (instance, name, arguments)
        throw .notWired("runtime")
    }
}

/// A component instance the script created (a placeholder until the runtime is wired).
struct ComponentScriptInstance {
    let component: Component
}
