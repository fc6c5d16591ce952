import WasmEngine

/// The stage at which a script's module was rejected; each assertion kind expects one.
enum LoadFailure: Error, CustomStringConvertible {
    case text(TextError)
    case decode(DecodeError)
    case validation(ValidationError)
    case link(LinkError)
    case trap(Trap)
    case other(Error)

    var description: String {
        switch self {
        case .text(let error): return "text: \(error)"
        case .decode(let error): return "malformed: \(error)"
        case .validation(let error): return "invalid: \(error)"
        case .link(let error): return "unlinkable: \(error)"
        case .trap(let trap): return "trap: \(trap)"
        case .other(let error): return "error: \(error)"
        }
    }
}

/// Takes a script module through each stage of the pipeline, reporting the first that fails.
enum ModuleLoader {
    /// Text (for quoted modules) to binary.
    static func bytes(of module: WastModule) throws(LoadFailure) -> [UInt8] {
        switch module.source {
        case .binary(let bytes):
            return bytes
        case .quote(let text):
            do { return try WAT.encodeModule(text) } catch let error as TextError {
                throw .text(error)
            } catch { throw .other(error) }
        case .textError(let error):
            throw .text(error)
        }
    }

    /// Binary to a validated module, under the features the script's suite tests.
    static func compile(_ module: WastModule, features: WasmFeatures) throws(LoadFailure) -> ValidatedModule {
        let bytes = try bytes(of: module)
        let decoded: Module
        do { decoded = try Module(decoding: bytes) } catch let error as DecodeError {
            throw .decode(error)
        } catch { throw .other(error) }
        do { return try Validator.validate(decoded, features: features) } catch let error as ValidationError {
            throw .validation(error)
        } catch { throw .other(error) }
    }

    /// A validated module to a live instance.
    static func instantiate(_ module: ValidatedModule, in store: Store, imports: Imports) throws(LoadFailure) -> Instance {
        do { return try store.instantiate(module, imports: imports) } catch let error as LinkError {
            throw .link(error)
        } catch let trap as Trap {
            throw .trap(trap)
        } catch { throw .other(error) }
    }
}
