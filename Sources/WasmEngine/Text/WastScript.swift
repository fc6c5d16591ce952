/// A parsed WebAssembly script (`.wast`): the commands of a spec test file in order.
public struct WastScript: Sendable {
    /// The top-level commands in source order.
    public let commands: [WastCommand]

    /// Parses a script. Text modules inside are compiled right away; one that fails to
    /// compile becomes `.textError` so the rest of the script still runs. Throws
    /// `TextError` only when the script itself cannot be parsed.
    public static func parse(_ text: String) throws -> WastScript {
        var parser = WastParser(cursor: WatTokenCursor(try WatLexer.tokenize(text)))
        return WastScript(commands: try parser.parseCommands())
    }
}

/// A module in a script, with its optional `$name` and the line of `(module`.
public struct WastModule: Sendable {
    /// The `$name` (without `$`) actions and `register` use to refer to the instance.
    public let name: String?
    public let source: WastModuleSource
    /// The line of the module's opening `(module`.
    public let line: Int
}

/// How a script gives a module.
public enum WastModuleSource: Sendable {
    /// A `(module ...)` in text form already encoded, or `(module binary "...")`.
    case binary([UInt8])
    /// `(module quote "...")`: the harness encodes it with `WAT.encodeModule`.
    case quote(String)
    /// A `(module ...)` in text form that failed to encode.
    case textError(TextError)
}

/// A constant argument or expected result. Floats are bit patterns.
public enum WastValue: Hashable, Sendable {
    case i32(UInt32), i64(UInt64), f32(UInt32), f64(UInt64)
    case refNull(ValueType)
    case refExtern(UInt32)
    /// Any non-null function reference (only in expectations).
    case refFunc
}

/// What `assert_return` expects of one result.
///
/// Numeric constants are `.value`; reference results use the dedicated cases:
/// `(ref.null func)` is `.refNull(.funcref)`, `(ref.null)` is `.refNull(nil)` (any null),
/// `(ref.extern 1)` is `.refExtern(1)`, `(ref.extern)` is `.refExtern(nil)` (any non-null
/// extern), and `(ref.func ...)` is `.refFunc` (any non-null function reference).
public enum WastExpectation: Hashable, Sendable {
    case value(WastValue)
    case f32NaN(NaNPattern), f64NaN(NaNPattern)
    case refNull(ValueType?), refExtern(UInt32?), refFunc
    /// `(either ...)`: any of the alternatives.
    case either([WastExpectation])
}

/// The NaN classes an expectation may accept.
public enum NaNPattern: Hashable, Sendable {
    /// `nan:canonical`: only the canonical NaN (quiet bit alone, either sign).
    case canonical
    /// `nan:arithmetic`: any NaN with the quiet bit set.
    case arithmetic
}

/// An action on a (named or the latest) module instance.
public enum WastAction: Sendable {
    /// `(invoke $M? "name" args...)`: call an exported function.
    case invoke(module: String?, name: String, arguments: [WastValue])
    /// `(get $M? "name")`: read an exported global.
    case get(module: String?, name: String)
}

/// One top-level command of a script, with the line it starts on.
public enum WastCommand: Sendable {
    /// Define (and instantiate) a module; it becomes the current one.
    case module(WastModule)
    /// `(register "name" $M?)`: make a module's exports importable under "name".
    case register(as: String, module: String?, line: Int)
    /// A bare `invoke` or `get` whose result is ignored.
    case action(WastAction, line: Int)
    case assertReturn(WastAction, [WastExpectation], line: Int)
    case assertTrap(WastAction, message: String, line: Int)
    /// `assert_trap (module ...)`: instantiation must trap.
    case assertTrapModule(WastModule, message: String, line: Int)
    case assertExhaustion(WastAction, message: String, line: Int)
    case assertMalformed(WastModule, message: String, line: Int)
    case assertInvalid(WastModule, message: String, line: Int)
    case assertUnlinkable(WastModule, message: String, line: Int)
    case assertUninstantiable(WastModule, message: String, line: Int)
}
