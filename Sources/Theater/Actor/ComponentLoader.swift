import ComponentModel
import Foundation

/// Reading, decoding and validating actor components, with errors that say which step
/// failed and where.
public enum ComponentLoader {
    /// The bytes of the component file at `url`.
    public static func read(_ url: URL) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ActorStartError.component("cannot read component \(url.path): no such file, or not readable")
        }
        return [UInt8](data)
    }

    /// Decodes and validates component `bytes`.
    public static func validate(_ bytes: [UInt8]) throws -> ValidatedComponent {
        if bytes.count >= 8, bytes[0..<4] == [0x00, 0x61, 0x73, 0x6D], bytes[4..<8] == [0x01, 0x00, 0x00, 0x00] {
            throw ActorStartError.component("the file is a core WebAssembly module, not a component "
                                            + "(turn it into one with `wasm-tools component new`)")
        }
        let component: Component
        do {
            component = try Component(decoding: bytes)
        } catch {
            throw ActorStartError.component("malformed component: \(error)")
        }
        do {
            return try ComponentValidator.validate(component)
        } catch {
            throw ActorStartError.component("invalid component: \(error)")
        }
    }
}
