import ComponentModel
import Foundation

/// `theater-bench --component-calls`: the fixed cost of one call of a component export of
/// the shape an actor's message handler has, with small byte lists, so that the Canonical
/// ABI's per-call work (lowering the arguments, lifting the results, post-return) shows
/// rather than the copying of large values.
///
/// The component (component text, encoded with `ComponentWAT`) exports
/// `handle-send: func(state: option<list<u8>>, params: tuple<list<u8>>)
///     -> result<tuple<option<list<u8>>>, string>`,
/// which answers `ok((some(state)))`: a call lowers an 8-byte state and a 4-byte message
/// through the guest's `realloc`, runs the core function, lifts the result through the
/// returned pointer with `load`, and runs post-return (which resets the guest's arena).
enum ComponentCallsBenchmark {
    /// The benchmark component: a bump allocator whose arena post-return resets, and
    /// `handle-send`, which stores `ok((some(state)))` in its return area.
    static let componentText = #"""
    (component
      (core module $M
        (memory (export "memory") 1)
        (global $heap (mut i32) (i32.const 1024))
        ;; realloc(old, old-size, align, size): bump-allocates inside the first page.
        (func (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
          (local $p i32)
          (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                                 (i32.sub (i32.const 0) (local.get $align))))
          (global.set $heap (i32.add (local.get $p) (local.get $size)))
          (if (i32.gt_u (global.get $heap) (i32.const 65536)) (then unreachable))
          (local.get $p))
        ;; handle-send(state-case, state-pointer, state-length, message-pointer, message-length):
        ;; the result<tuple<option<list<u8>>>, string> at 16 is ok (byte 16 = 0) of
        ;; some (byte 20 = 1) of the state (pointer at 24, length at 28).
        (func (export "handle-send") (param $case i32) (param $pointer i32) (param $length i32)
                                     (param $message i32) (param $message-length i32) (result i32)
          (i32.store8 (i32.const 16) (i32.const 0))
          (i32.store8 (i32.const 20) (local.get $case))
          (i32.store (i32.const 24) (local.get $pointer))
          (i32.store (i32.const 28) (local.get $length))
          (i32.const 16))
        ;; post-return: the call is over, so its arena can be reused.
        (func (export "post-handle-send") (param i32)
          (global.set $heap (i32.const 1024))))
      (core instance $m (instantiate $M))
      (func $handle-send (param "state" (option (list u8))) (param "params" (tuple (list u8)))
                         (result (result (tuple (option (list u8))) (error string)))
        (canon lift (core func $m "handle-send") (memory (core memory $m "memory"))
          (realloc (core func $m "realloc")) (post-return (core func $m "post-handle-send"))))
      (export "handle-send" (func $handle-send)))
    """#

    /// Runs `calls` timed calls through `callAsync` (the actor runtime's path) and as many
    /// through `call`, each in batches, after `warmUps` untimed ones; returns the report.
    static func run(calls: Int, batches: Int = 10, warmUps: Int = 10_000) async throws -> String {
        let component = try Component(decoding: try ComponentWAT.encode(componentText))
        _ = try ComponentValidator.validate(component)
        let instance = try ComponentLinker().instantiate(component)
        guard let handleSend = instance.function(named: "handle-send") else {
            throw EngineError("the component exports no `handle-send`")
        }
        let state = ComponentValue.option(.bytes([1, 2, 3, 4, 5, 6, 7, 8]))
        let arguments = [state, ComponentValue.tuple([.bytes(Array("tick".utf8))])]
        let expected = [ComponentValue.result(.ok(.tuple([state])))]

        // Checked outside the timing: the export must answer with the state.
        let first = try await handleSend.callAsync(arguments)
        guard first == expected else { throw EngineError("handle-send answered \(first), expected \(expected)") }
        for _ in 0..<warmUps { _ = try await handleSend.callAsync(arguments) }

        let batchSize = max(1, calls / batches)
        var asyncSamples = Samples()
        var syncSamples = Samples()
        for _ in 0..<batches {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<batchSize { _ = try await handleSend.callAsync(arguments) }
            asyncSamples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / Double(batchSize))
            let (_, seconds) = try Stopwatch.measure {
                for _ in 0..<batchSize { _ = try handleSend.call(arguments) }
            }
            syncSamples.append(seconds * 1e9 / Double(batchSize))
        }
        let last = try handleSend.call(arguments)
        guard last == expected else { throw EngineError("handle-send answered \(last) after the run") }

        let ns = { (value: Double) in String(format: "%.0f ns", value) }
        return """
            component-calls: \(batchSize * batches) calls each way of handle-send(option<list<u8>> (8 bytes), \
            tuple<list<u8>> (4 bytes)) -> result<tuple<option<list<u8>>>, string> \
            (lower + call + lift + post-return), per call over \(batches) batches
              callAsync: median \(ns(asyncSamples.median)), min \(ns(asyncSamples.min)), max \(ns(asyncSamples.max))
              call:      median \(ns(syncSamples.median)), min \(ns(syncSamples.min)), max \(ns(syncSamples.max))
            """
    }
}
