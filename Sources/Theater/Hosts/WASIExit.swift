/// A component called `wasi:cli/exit.exit`: the call that was running ends here.
///
/// The host throws it from the `exit` function, so the component traps with its
/// description; `WASIHost.exitStatus` keeps the code for the embedder, which should end
/// the run with it rather than report a failure.
public struct WASIExit: Error, CustomStringConvertible, Equatable {
    /// The exit status: 0 for `exit(ok)`, 1 for `exit(err)`.
    public let code: Int32

    /// An exit with `code`.
    public init(code: Int32) {
        self.code = code
    }

    public var description: String { "the component exited with status \(code) (wasi:cli/exit)" }
}
