import ComponentModel
import Foundation

/// A component read from a file, decoded and validated, with how long each step took.
struct ComponentFile {
    let path: String
    let validated: ValidatedComponent
    /// Seconds spent decoding and validating (core modules included).
    let decodeSeconds: Double
    let validateSeconds: Double

    /// Reads, decodes and validates the component at `path`; errors say which step failed.
    init(path: String) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read \(path): no such file, or not readable")
        }
        let bytes = [UInt8](data)
        if bytes.count >= 8, bytes[0..<4] == [0x00, 0x61, 0x73, 0x6D], bytes[4..<8] == [0x01, 0x00, 0x00, 0x00] {
            throw CommandFailure("\(path) is a core WebAssembly module, not a component (run it with `theater wasm run`)")
        }
        let decodeStart = Date()
        let component: Component
        do {
            component = try Component(decoding: bytes)
        } catch {
            throw CommandFailure("\(path): malformed component: \(error)")
        }
        let validateStart = Date()
        decodeSeconds = validateStart.timeIntervalSince(decodeStart)
        do {
            validated = try ComponentValidator.validate(component)
        } catch {
            throw CommandFailure("\(path): invalid component: \(error)")
        }
        validateSeconds = Date().timeIntervalSince(validateStart)
    }
}
