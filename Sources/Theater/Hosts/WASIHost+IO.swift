import ComponentModel

/// `wasi:io/error`, `wasi:io/poll` and `wasi:io/streams`: pollables never wait (a pollable
/// for a future instant moves the virtual clock forward when waited on), output streams
/// hand their bytes to the configured sink, and input streams read the configured bytes.
extension WASIHost {
    /// `stream-error`: `variant { last-operation-failed(error), closed }`.
    var streamErrorType: ABIType {
        .variant([ABICase("last-operation-failed", .own(errorType)), ABICase("closed")])
    }

    /// The `err(closed)` result of an exhausted input stream.
    static let closed = ComponentValue.err(.variant(caseName: "closed", payload: nil))

    /// The largest write `check-write` permits (WASI lets the host choose).
    static let writeBudget: UInt64 = 1 << 20

    /// The largest read or random-bytes request honoured in one call, so a guest cannot
    /// make the host allocate without bound.
    static let requestLimit: UInt64 = 64 << 20

    /// A new pollable, ready once the virtual clock reaches `deadline` (at once when nil).
    func newPollable(deadline: UInt64?) -> ComponentValue {
        .own(pollables.insert(Pollable(deadline: deadline)))
    }

    func errorInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define(resource: "error", errorType)
        instance.define("[method]error.to-debug-string", [.borrow(errorType)], .string) { [errors] arguments in
            [.string(try errors.state(of: arguments[0]))]
        }
        return instance
    }

    func pollInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define(resource: "pollable", pollableType)
        instance.define("[method]pollable.ready", [.borrow(pollableType)], .bool) { [pollables, clock] arguments in
            let deadline = try pollables.state(of: arguments[0]).deadline ?? 0
            return [.bool(deadline <= clock.nanoseconds)]
        }
        instance.define("[method]pollable.block", [.borrow(pollableType)], nil) { [pollables, clock] arguments in
            clock.advance(to: try pollables.state(of: arguments[0]).deadline ?? 0)
            return []
        }
        instance.define("poll", [.list(.borrow(pollableType))], .list(.u32)) { [pollables, clock] arguments in
            guard case .list(let handles) = arguments[0], !handles.isEmpty else {
                throw ComponentTrap("wasi:io/poll.poll needs at least one pollable")
            }
            let deadlines = try handles.map { try pollables.state(of: $0).deadline ?? 0 }
            // Nothing is ready before the earliest deadline: jump there instead of waiting.
            clock.advance(to: deadlines.min() ?? 0)
            let now = clock.nanoseconds
            return [.list(deadlines.indices.filter { deadlines[$0] <= now }.map { .u32(UInt32($0)) })]
        }
        return instance
    }

    func streamsInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define(resource: "input-stream", inputStreamType)
        instance.define(resource: "output-stream", outputStreamType)
        defineInputStreamMethods(in: &instance)
        defineOutputStreamMethods(in: &instance)
        return instance
    }

    private func defineInputStreamMethods(in instance: inout HostInstance) {
        let input = ABIType.borrow(inputStreamType)
        let read: HostInstance.Body = { [inputStreams] arguments in
            let length = min(try arguments[1].u64Argument(), Self.requestLimit)
            var stream = try inputStreams.state(of: arguments[0])
            guard !stream.remaining.isEmpty else { return [Self.closed] }
            let chunk = stream.remaining.prefix(Int(length))
            stream.remaining = stream.remaining.dropFirst(chunk.count)
            try inputStreams.update(arguments[0], to: stream)
            return [.ok(.bytes(Array(chunk)))]
        }
        let skip: HostInstance.Body = { [inputStreams] arguments in
            let length = try arguments[1].u64Argument()
            var stream = try inputStreams.state(of: arguments[0])
            guard !stream.remaining.isEmpty else { return [Self.closed] }
            let skipped = min(UInt64(stream.remaining.count), length)
            stream.remaining = stream.remaining.dropFirst(Int(skipped))
            try inputStreams.update(arguments[0], to: stream)
            return [.ok(.u64(skipped))]
        }
        let bytesResult = ABIType.result(ok: .list(.u8), error: streamErrorType)
        let countResult = ABIType.result(ok: .u64, error: streamErrorType)
        instance.define("[method]input-stream.read", [input, .u64], bytesResult, read)
        instance.define("[method]input-stream.blocking-read", [input, .u64], bytesResult, read)
        instance.define("[method]input-stream.skip", [input, .u64], countResult, skip)
        instance.define("[method]input-stream.blocking-skip", [input, .u64], countResult, skip)
        instance.define("[method]input-stream.subscribe", [input], .own(pollableType)) { [inputStreams] arguments in
            _ = try inputStreams.state(of: arguments[0])
            return [self.newPollable(deadline: nil)]
        }
    }

    private func defineOutputStreamMethods(in instance: inout HostInstance) {
        let output = ABIType.borrow(outputStreamType)
        let unitResult = ABIType.result(ok: nil, error: streamErrorType)
        let countResult = ABIType.result(ok: .u64, error: streamErrorType)
        let write: HostInstance.Body = { [outputStreams] arguments in
            try outputStreams.state(of: arguments[0]).write(try arguments[1].bytesArgument())
            return [.ok()]
        }
        let writeZeroes: HostInstance.Body = { [outputStreams] arguments in
            let count = try arguments[1].u64Argument()
            guard count <= Self.writeBudget else { throw ComponentTrap("write-zeroes of \(count) bytes exceeds check-write's \(Self.writeBudget)") }
            try outputStreams.state(of: arguments[0]).write([UInt8](repeating: 0, count: Int(count)))
            return [.ok()]
        }
        let flush: HostInstance.Body = { [outputStreams] arguments in
            _ = try outputStreams.state(of: arguments[0])
            return [.ok()]
        }
        let splice: HostInstance.Body = { [outputStreams, inputStreams] arguments in
            let sink = try outputStreams.state(of: arguments[0])
            var source = try inputStreams.state(of: arguments[1])
            guard !source.remaining.isEmpty else { return [Self.closed] }
            let chunk = source.remaining.prefix(Int(min(try arguments[2].u64Argument(), Self.requestLimit)))
            source.remaining = source.remaining.dropFirst(chunk.count)
            try inputStreams.update(arguments[1], to: source)
            sink.write(Array(chunk))
            return [.ok(.u64(UInt64(chunk.count)))]
        }
        instance.define("[method]output-stream.check-write", [output], countResult) { [outputStreams] arguments in
            _ = try outputStreams.state(of: arguments[0])
            return [.ok(.u64(Self.writeBudget))]
        }
        instance.define("[method]output-stream.write", [output, .list(.u8)], unitResult, write)
        instance.define("[method]output-stream.blocking-write-and-flush", [output, .list(.u8)], unitResult, write)
        instance.define("[method]output-stream.flush", [output], unitResult, flush)
        instance.define("[method]output-stream.blocking-flush", [output], unitResult, flush)
        instance.define("[method]output-stream.subscribe", [output], .own(pollableType)) { [outputStreams] arguments in
            _ = try outputStreams.state(of: arguments[0])
            return [self.newPollable(deadline: nil)]
        }
        instance.define("[method]output-stream.write-zeroes", [output, .u64], unitResult, writeZeroes)
        instance.define("[method]output-stream.blocking-write-zeroes-and-flush", [output, .u64], unitResult, writeZeroes)
        instance.define("[method]output-stream.splice", [output, .borrow(inputStreamType), .u64], countResult, splice)
        instance.define("[method]output-stream.blocking-splice", [output, .borrow(inputStreamType), .u64], countResult, splice)
    }
}
