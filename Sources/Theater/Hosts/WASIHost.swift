import ComponentModel

/// Built-in, deterministic WASI 0.2 hosts: the interfaces a simple program really calls
/// (`wasi:cli/*` environment, exit, standard streams and terminals, `wasi:io/*`,
/// `wasi:random/*`, `wasi:clocks/*`, and empty filesystem preopens), defined at `@0.2.0` so
/// that the linker's version matching also serves imports of later 0.2 versions.
///
/// Everything else (sockets, file operations, ...) is left to the linker's trapping stubs
/// (`ComponentLinker.definesUnknownImportsAsTraps`); the hosts define the resource types
/// those interfaces share (`pollable`, `output-stream`, `descriptor`, ...), so stubs and
/// hosts agree on them.
///
/// ```swift
/// var configuration = WASIConfiguration()
/// configuration.standardOutput = .standardOutput
/// let wasi = WASIHost(configuration: configuration)
/// let linker = ComponentLinker()
/// linker.definesUnknownImportsAsTraps = true
/// try wasi.define(in: linker)
/// ```
public final class WASIHost {
    /// The WASI version the hosts are defined at.
    public static let version = "0.2.0"

    let configuration: WASIConfiguration
    /// The virtual time behind both clocks.
    let clock: VirtualClock
    /// `wasi:random/random`'s generator.
    var secureRandom: DeterministicRandom
    /// `wasi:random/insecure`'s generator (a separate stream, so the two do not interfere).
    var insecureRandom: DeterministicRandom

    /// The status the component passed to `wasi:cli/exit.exit`, once it has.
    public private(set) var exitStatus: WASIExit?

    let pollables = HostResourceTable<Pollable>(name: "pollable")
    let errors = HostResourceTable<String>(name: "error")
    let inputStreams = HostResourceTable<InputStream>(name: "input-stream")
    let outputStreams = HostResourceTable<WASIOutputSink>(name: "output-stream")

    let pollableType: RuntimeResourceType
    let errorType: RuntimeResourceType
    let inputStreamType: RuntimeResourceType
    let outputStreamType: RuntimeResourceType
    let terminalInputType = RuntimeResourceType(name: "wasi:cli/terminal-input.terminal-input")
    let terminalOutputType = RuntimeResourceType(name: "wasi:cli/terminal-output.terminal-output")
    let descriptorType = RuntimeResourceType(name: "wasi:filesystem/types.descriptor")
    let directoryEntryStreamType = RuntimeResourceType(name: "wasi:filesystem/types.directory-entry-stream")

    /// A pollable: ready at once (streams) or once the virtual clock reaches `deadline`.
    struct Pollable {
        let deadline: UInt64?
    }

    /// The unread rest of an input stream.
    struct InputStream {
        var remaining: ArraySlice<UInt8>
    }

    /// Hosts presenting `configuration` to the components linked against them.
    public init(configuration: WASIConfiguration = WASIConfiguration()) {
        self.configuration = configuration
        clock = VirtualClock(tick: configuration.clockTick, wallClockStart: configuration.wallClockStart)
        secureRandom = DeterministicRandom(seed: configuration.seed)
        insecureRandom = DeterministicRandom(seed: configuration.seed ^ 0x6A09_E667_F3BC_C908)
        let pollables = self.pollables, errors = self.errors
        let inputStreams = self.inputStreams, outputStreams = self.outputStreams
        pollableType = RuntimeResourceType(name: "wasi:io/poll.pollable") { pollables.remove($0) }
        errorType = RuntimeResourceType(name: "wasi:io/error.error") { errors.remove($0) }
        inputStreamType = RuntimeResourceType(name: "wasi:io/streams.input-stream") { inputStreams.remove($0) }
        outputStreamType = RuntimeResourceType(name: "wasi:io/streams.output-stream") { outputStreams.remove($0) }
    }

    /// Defines every built-in interface in `linker` under `wasi:<package>/<interface>@0.2.0`.
    public func define(in linker: ComponentLinker) throws {
        for (name, instance) in interfaces {
            try linker.define(instance: "wasi:\(name)@\(Self.version)", instance)
        }
    }

    /// Every built-in interface by `package/interface` name.
    public var interfaces: [(name: String, instance: HostInstance)] {
        [
            ("io/error", errorInterface()),
            ("io/poll", pollInterface()),
            ("io/streams", streamsInterface()),
            ("cli/environment", environmentInterface()),
            ("cli/exit", exitInterface()),
            ("cli/stdin", stdinInterface()),
            ("cli/stdout", stdoutInterface()),
            ("cli/stderr", stderrInterface()),
            ("cli/terminal-input", terminalInputInterface()),
            ("cli/terminal-output", terminalOutputInterface()),
            ("cli/terminal-stdin", terminalStdinInterface()),
            ("cli/terminal-stdout", terminalStdoutInterface()),
            ("cli/terminal-stderr", terminalStderrInterface()),
            ("random/random", randomInterface()),
            ("random/insecure", insecureRandomInterface()),
            ("random/insecure-seed", insecureSeedInterface()),
            ("clocks/monotonic-clock", monotonicClockInterface()),
            ("clocks/wall-clock", wallClockInterface()),
            ("filesystem/types", filesystemTypesInterface()),
            ("filesystem/preopens", preopensInterface()),
        ]
    }

    /// Records the exit and ends the running call (see `WASIExit`).
    func exit(with code: Int32) throws -> Never {
        let exit = WASIExit(code: code)
        exitStatus = exit
        throw exit
    }
}

extension HostInstance {
    /// Defines function `name` from its parameter types and optional result type.
    mutating func define(_ name: String, _ parameters: [ABIType], _ result: ABIType?, _ body: @escaping Body) {
        define(function: name, type: ABIFunctionType(parameters: parameters, results: result.map { [$0] } ?? []), body)
    }
}

extension ComponentValue {
    /// `ok` with an optional payload.
    static func ok(_ payload: ComponentValue? = nil) -> ComponentValue { .result(.ok(payload)) }
    /// `err` with an optional payload.
    static func err(_ payload: ComponentValue? = nil) -> ComponentValue { .result(.error(payload)) }
    /// The `u64` payload of an argument (the host's types guarantee the kind).
    func u64Argument() throws -> UInt64 {
        guard case .u64(let value) = self else { throw ComponentTrap("expected a u64, got a \(kindName)") }
        return value
    }

    /// The bytes of a `list<u8>` argument, in either form (`.bytes` or a `.list` of `.u8`).
    func bytesArgument() throws -> [UInt8] {
        if let bytes = asBytes { return bytes }
        if case .list(let elements) = self, let other = elements.first(where: { $0.kindName != "u8" }) {
            throw ComponentTrap("expected a list<u8>, got a list with a \(other.kindName) element")
        }
        throw ComponentTrap("expected a list<u8>, got a \(kindName)")
    }
}
