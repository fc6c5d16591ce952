import ComponentModel
import Testing
import Theater

/// `wasi:cli/stdout`, `stderr`, `stdin` and the `wasi:io/streams` methods behind them.
@Suite struct WASIStreamsHostTests {
    private let names = ["wasi:cli/stdout@0.2.0", "wasi:cli/stderr@0.2.0", "wasi:cli/stdin@0.2.0",
                         "wasi:io/streams@0.2.0", "wasi:io/poll@0.2.0"]

    private func call(_ interface: ComponentInstance?, _ name: String, _ arguments: [ComponentValue] = []) throws -> ComponentValue? {
        let function = try #require(interface?.function(named: name), "missing \(name)")
        return try function.call(arguments).first
    }

    private func bytes(_ text: String) -> ComponentValue { .list(text.utf8.map { .u8($0) }) }

    @Test func writesGoToTheConfiguredSinksInOrder() throws {
        let out = WASIOutputBuffer(), err = WASIOutputBuffer()
        var configuration = WASIConfiguration()
        configuration.standardOutput = .collecting(into: out)
        configuration.standardError = .collecting(into: err)
        let interfaces = try WASIHostHarness.interfaces(names, of: WASIHost(configuration: configuration))
        let streams = interfaces["wasi:io/streams@0.2.0"]
        guard case .own(let stdout)? = try call(interfaces["wasi:cli/stdout@0.2.0"], "get-stdout"),
              case .own(let stderr)? = try call(interfaces["wasi:cli/stderr@0.2.0"], "get-stderr") else {
            Issue.record("get-stdout and get-stderr return owned handles")
            return
        }
        #expect(stdout != stderr)
        #expect(try call(streams, "[method]output-stream.check-write", [.borrow(stdout)]) == .result(.ok(.u64(1 << 20))))
        #expect(try call(streams, "[method]output-stream.write", [.borrow(stdout), bytes("Hello, ")]) == .result(.ok(nil)))
        #expect(try call(streams, "[method]output-stream.blocking-write-and-flush", [.borrow(stdout), bytes("world\n")]) == .result(.ok(nil)))
        #expect(try call(streams, "[method]output-stream.blocking-flush", [.borrow(stdout)]) == .result(.ok(nil)))
        #expect(try call(streams, "[method]output-stream.write", [.borrow(stderr), bytes("oops")]) == .result(.ok(nil)))
        #expect(try call(streams, "[method]output-stream.write-zeroes", [.borrow(stderr), .u64(2)]) == .result(.ok(nil)))
        #expect(out.text == "Hello, world\n")
        #expect(err.bytes == Array("oops".utf8) + [0, 0])
    }

    @Test func streamsSubscribeToPollablesThatAreReady() throws {
        let interfaces = try WASIHostHarness.interfaces(names, of: WASIHost())
        guard case .own(let stdout)? = try call(interfaces["wasi:cli/stdout@0.2.0"], "get-stdout"),
              case .own(let pollable)? = try call(interfaces["wasi:io/streams@0.2.0"], "[method]output-stream.subscribe", [.borrow(stdout)]) else {
            Issue.record("subscribe returns an owned pollable")
            return
        }
        #expect(try call(interfaces["wasi:io/poll@0.2.0"], "[method]pollable.ready", [.borrow(pollable)]) == .bool(true))
        #expect(try call(interfaces["wasi:io/poll@0.2.0"], "poll", [.list([.borrow(pollable)])]) == .list([.u32(0)]))
    }

    @Test func stdinReadsTheConfiguredBytesThenReportsClosed() throws {
        var configuration = WASIConfiguration()
        configuration.standardInput = Array("abcde".utf8)
        let interfaces = try WASIHostHarness.interfaces(names, of: WASIHost(configuration: configuration))
        let streams = interfaces["wasi:io/streams@0.2.0"]
        guard case .own(let stdin)? = try call(interfaces["wasi:cli/stdin@0.2.0"], "get-stdin") else {
            Issue.record("get-stdin returns an owned handle")
            return
        }
        #expect(try call(streams, "[method]input-stream.read", [.borrow(stdin), .u64(3)]) == .result(.ok(bytes("abc"))))
        #expect(try call(streams, "[method]input-stream.skip", [.borrow(stdin), .u64(1)]) == .result(.ok(.u64(1))))
        #expect(try call(streams, "[method]input-stream.blocking-read", [.borrow(stdin), .u64(10)]) == .result(.ok(bytes("e"))))
        #expect(try call(streams, "[method]input-stream.read", [.borrow(stdin), .u64(10)])
                == .result(.error(.variant(caseName: "closed", payload: nil))))
    }

    @Test func theDefaultStdinIsEmpty() throws {
        let interfaces = try WASIHostHarness.interfaces(names, of: WASIHost())
        guard case .own(let stdin)? = try call(interfaces["wasi:cli/stdin@0.2.0"], "get-stdin") else {
            Issue.record("get-stdin returns an owned handle")
            return
        }
        #expect(try call(interfaces["wasi:io/streams@0.2.0"], "[method]input-stream.read", [.borrow(stdin), .u64(1)])
                == .result(.error(.variant(caseName: "closed", payload: nil))))
    }

    @Test func unknownStreamHandlesTrap() throws {
        let streams = try WASIHostHarness.interfaces(names, of: WASIHost())["wasi:io/streams@0.2.0"]
        do {
            _ = try call(streams, "[method]output-stream.write", [.borrow(99), bytes("x")])
            Issue.record("an unknown handle should trap")
        } catch let trap as ComponentTrap {
            #expect(trap.message.contains("unknown output-stream"))
        }
    }
}
