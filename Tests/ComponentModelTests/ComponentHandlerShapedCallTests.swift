import Testing
import WasmEngine
@testable import ComponentModel

/// Repeated calls of an export shaped like an actor's message handler, through the
/// layouts a lifted function computes once: every call lowers its byte lists through
/// `realloc`, lifts the result through the returned pointer, and runs post-return.
@Suite struct ComponentHandlerShapedCallTests {
    /// `handle-send(state: option<list<u8>>, params: tuple<list<u8>>)
    ///     -> result<tuple<option<list<u8>>>, string>`: answers `ok((some(message)))`,
    /// or `error("empty")` for an empty message. Its bump allocator traps past one page,
    /// so only post-return (which resets it) lets many calls run.
    static let componentText = #"""
    (component
      (core module $M
        (memory (export "memory") 1)
        (data (i32.const 8) "empty")
        (global $heap (mut i32) (i32.const 1024))
        (func (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
          (local $p i32)
          (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                                 (i32.sub (i32.const 0) (local.get $align))))
          (global.set $heap (i32.add (local.get $p) (local.get $size)))
          (if (i32.gt_u (global.get $heap) (i32.const 65536)) (then unreachable))
          (local.get $p))
        (func (export "handle-send") (param $case i32) (param $pointer i32) (param $length i32)
                                     (param $message i32) (param $message-length i32) (result i32)
          (if (i32.eqz (local.get $message-length))
            (then
              (i32.store8 (i32.const 16) (i32.const 1))
              (i32.store (i32.const 20) (i32.const 8))
              (i32.store (i32.const 24) (i32.const 5))
              (return (i32.const 16))))
          (i32.store8 (i32.const 16) (i32.const 0))
          (i32.store8 (i32.const 20) (i32.const 1))
          (i32.store (i32.const 24) (local.get $message))
          (i32.store (i32.const 28) (local.get $message-length))
          (i32.const 16))
        (func (export "post-handle-send") (param i32)
          (global.set $heap (i32.const 1024))))
      (core instance $m (instantiate $M))
      (func $handle-send (param "state" (option (list u8))) (param "params" (tuple (list u8)))
                         (result (result (tuple (option (list u8))) (error string)))
        (canon lift (core func $m "handle-send") (memory (core memory $m "memory"))
          (realloc (core func $m "realloc")) (post-return (core func $m "post-handle-send"))))
      (export "handle-send" (func $handle-send)))
    """#

    private func handleSend() throws -> ComponentFunction {
        let component = try Component(decoding: try ComponentWAT.encode(Self.componentText))
        _ = try ComponentValidator.validate(component)
        return try #require(try ComponentLinker().instantiate(component).function(named: "handle-send"))
    }

    private static func ok(_ bytes: [UInt8]) -> [ComponentValue] {
        [.result(.ok(.tuple([.option(.bytes(bytes))])))]
    }

    @Test func manyCallsLowerAndLiftThroughTheSameLayouts() throws {
        let f = try handleSend()
        // 20 calls of 8 KiB each would overflow the guest's page without post-return.
        for round in 0..<20 {
            let state = [UInt8](repeating: UInt8(round), count: 8192)
            let message = Array("message \(round)".utf8)
            let results = try f.call([.option(.bytes(state)), .tuple([.bytes(message)])])
            #expect(results == Self.ok(message), "round \(round)")
        }
        #expect(try f.call([.option(nil), .tuple([.bytes([])])]) == [.result(.error(.string("empty")))])
        #expect(try f.call([.option(nil), .tuple([.list([.u8(7)])])]) == Self.ok([7]))
    }

    @Test func asynchronousCallsShareTheLayouts() async throws {
        let f = try handleSend()
        for round in 0..<5 {
            let message: [UInt8] = [1, 2, 3, UInt8(round)]
            let results = try await f.callAsync([.option(.bytes([9, 9])), .tuple([.bytes(message)])])
            #expect(results == Self.ok(message))
        }
        #expect(try await f.callAsync([.option(.bytes([1])), .tuple([.bytes([])])]) == [.result(.error(.string("empty")))])
    }

    @Test func argumentsOfTheWrongShapeTrapWithTheTypeInTheMessage() throws {
        let f = try handleSend()
        do {
            _ = try f.call([.option(.bytes([1])), .bytes([2])])
            Issue.record("a bare list for the tuple parameter should trap")
        } catch let trap as ComponentTrap {
            #expect(trap.message.contains("tuple<list<u8>>"), "\(trap.message)")
        }
    }
}
