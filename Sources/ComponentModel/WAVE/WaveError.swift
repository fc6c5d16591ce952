/// Why a WAVE text (a component value written in the WebAssembly Value Encoding) could
/// not be read as a value of the expected type.
///
/// `offset` counts Unicode scalars from the start of the text, so a command-line user can
/// find the spot in what they typed.
public struct WaveError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem starts (in Unicode scalars from the start of the text).
    public let offset: Int
    /// What is wrong, naming what was expected.
    public let message: String

    /// Makes an error at `offset`.
    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "at character \(offset + 1): \(message)" }
}
