/// WAVE, the WebAssembly Value Encoding: the human-readable syntax for component values
/// that the CLI uses for arguments and results (`"text"`, `[1, 2]`, `{a: 1}`,
/// `some(3)`, `ok("x")`).
public enum WAVE {
    /// Reads `text` as one value of `type`.
    public static func parse(_ text: String, as type: ABIType) throws(WaveError) -> ComponentValue {
        var parser = WaveParser(text)
        return try parser.parseWhole(as: type)
    }

    /// The WAVE text of `value`.
    public static func format(_ value: ComponentValue) -> String {
        WaveFormatter.format(value)
    }

    /// Reads a call written as `name(arg, ...)`: the function name, and a way to read
    /// the arguments once the function (and so its parameter types) is known.
    public static func parseCall(_ text: String) throws(WaveError) -> WaveCall {
        var parser = WaveParser(text)
        let name = try parser.parseCallee()
        return WaveCall(functionName: name, parser: parser)
    }
}

/// A call written in WAVE (`greet("Ada", 3)`), split into the function's name and its
/// not-yet-typed argument list.
public struct WaveCall {
    /// The name before the argument list.
    public let functionName: String
    fileprivate let parser: WaveParser

    fileprivate init(functionName: String, parser: WaveParser) {
        self.functionName = functionName
        self.parser = parser
    }

    /// Reads the arguments as values of the function's parameter types, in order.
    public func arguments(for parameterTypes: [ABIType]) throws(WaveError) -> [ComponentValue] {
        var parser = self.parser
        return try parser.parseArgumentList(parameterTypes)
    }
}
