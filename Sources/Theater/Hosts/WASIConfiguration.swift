import Foundation

/// What the built-in WASI 0.2 hosts present to a component: its arguments, environment,
/// standard input, where its standard output and error go, and the seed and start times
/// of its deterministic randomness and clocks.
///
/// Theater replays runs, so everything a component can observe through these hosts is a
/// function of this configuration (and of the component's own calls), never of the
/// machine or the moment it runs on.
public struct WASIConfiguration {
    /// What `wasi:cli/environment.get-arguments` returns.
    public var arguments: [String] = []
    /// What `wasi:cli/environment.get-environment` returns, in order.
    public var environment: [(name: String, value: String)] = []
    /// The bytes `wasi:cli/stdin` reads before reporting the stream closed.
    public var standardInput: [UInt8] = []
    /// Where `wasi:cli/stdout` writes go.
    public var standardOutput: WASIOutputSink = .discard
    /// Where `wasi:cli/stderr` writes go.
    public var standardError: WASIOutputSink = .discard
    /// The seed of `wasi:random/random`, `wasi:random/insecure` and `wasi:random/insecure-seed`.
    public var seed: UInt64 = 0
    /// How far (in nanoseconds) the virtual clock moves on every clock reading, so that
    /// two readings differ as they would on a real machine; also the reported resolution.
    public var clockTick: UInt64 = 1_000
    /// The wall-clock time (seconds since the Unix epoch) at virtual instant 0; by default
    /// 2024-01-01T00:00:00Z.
    public var wallClockStart: UInt64 = 1_704_067_200

    /// The default configuration: no arguments, an empty environment and standard input,
    /// output discarded, seed 0.
    public init() {}
}

/// A destination for bytes a component writes to an output stream.
public struct WASIOutputSink {
    /// Receives every chunk of bytes, in the order the component wrote them.
    public let write: ([UInt8]) -> Void

    /// A sink that passes each chunk to `write`.
    public init(_ write: @escaping ([UInt8]) -> Void) {
        self.write = write
    }

    /// Drops everything.
    public static let discard = WASIOutputSink { _ in }

    /// The process's standard output.
    public static let standardOutput = WASIOutputSink { bytes in
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// The process's standard error.
    public static let standardError = WASIOutputSink { bytes in
        FileHandle.standardError.write(Data(bytes))
    }

    /// Appends everything to `buffer` (for tests and for capturing a run's output).
    public static func collecting(into buffer: WASIOutputBuffer) -> WASIOutputSink {
        WASIOutputSink { buffer.bytes += $0 }
    }
}

/// Bytes collected from an output stream (see `WASIOutputSink.collecting(into:)`).
public final class WASIOutputBuffer {
    /// Everything written so far.
    public var bytes: [UInt8] = []

    /// An empty buffer.
    public init() {}

    /// The bytes read as UTF-8 (invalid sequences replaced).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
