import ComponentModel
import Foundation

/// `theater-bench --component-bytes`: how long one call of a component export takes when
/// a 1 MiB `list<u8>` (an actor's state) crosses the Canonical ABI in and back out.
///
/// The component (in component text form, encoded with `ComponentWAT`) exports
/// `f: func(state: option<list<u8>>) -> option<list<u8>>`, which returns its argument: a
/// round trip lowers the bytes into guest memory (through the guest's `realloc`), runs the
/// core function, lifts the bytes back out and runs post-return (which frees the block).
enum ComponentBytesBenchmark {
    /// The benchmark component: a bump allocator whose arena post-return resets, and `f`,
    /// which writes its `option<list<u8>>` argument to a return area unchanged.
    static let componentText = #"""
    (component
      (core module $M
        (memory (export "memory") 1)
        (global $heap (mut i32) (i32.const 1024))
        ;; realloc(old, old-size, align, size): bump-allocates, growing memory as needed.
        (func (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
          (local $p i32) (local $end i32)
          (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                                 (i32.sub (i32.const 0) (local.get $align))))
          (local.set $end (i32.add (local.get $p) (local.get $size)))
          (if (i32.gt_u (local.get $end) (i32.shl (memory.size) (i32.const 16)))
            (then
              (if (i32.eq (memory.grow (i32.sub (i32.shr_u (i32.add (local.get $end) (i32.const 65535)) (i32.const 16))
                                                (memory.size)))
                          (i32.const -1))
                (then unreachable))))
          (global.set $heap (local.get $end))
          (local.get $p))
        ;; f(discriminant, pointer, length): stores the same option<list<u8>> in the return
        ;; area at 16 (discriminant byte, then pointer and length at 20 and 24).
        (func (export "f") (param $case i32) (param $pointer i32) (param $length i32) (result i32)
          (i32.store8 (i32.const 16) (local.get $case))
          (i32.store (i32.const 20) (local.get $pointer))
          (i32.store (i32.const 24) (local.get $length))
          (i32.const 16))
        ;; post-return: the call is over, so its arena can be reused.
        (func (export "post-f") (param i32)
          (global.set $heap (i32.const 1024))))
      (core instance $m (instantiate $M))
      (func $f (param "state" (option (list u8))) (result (option (list u8)))
        (canon lift (core func $m "f") (memory (core memory $m "memory")) (realloc (core func $m "realloc"))
          (post-return (core func $m "post-f"))))
      (export "f" (func $f)))
    """#

    /// The state size: 1 MiB.
    static let stateSize = 1 << 20

    /// Runs `warmUps` untimed and `roundTrips` timed calls; returns the report text.
    static func run(roundTrips: Int, warmUps: Int = 5) throws -> String {
        let component = try Component(decoding: try ComponentWAT.encode(componentText))
        _ = try ComponentValidator.validate(component)
        let instance = try ComponentLinker().instantiate(component)
        guard let f = instance.function(named: "f") else { throw EngineError("the component exports no `f`") }

        var generator = SystemRandomNumberGenerator()
        let state = (0..<stateSize).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let argument = ComponentValue.option(stateValue(state))
        var samples = Samples()
        for round in 0..<(warmUps + roundTrips) {
            let (results, seconds) = try Stopwatch.measure { try f.call([argument]) }
            // Checked outside the timing: the state must come back unchanged.
            guard results == [argument] else { throw EngineError("round trip \(round) changed the state") }
            if round >= warmUps { samples.append(seconds) }
        }
        let ms = { (seconds: Double) in String(format: "%.3f ms", seconds * 1000) }
        return """
            component-bytes: \(roundTrips) round trips of a \(stateSize)-byte option<list<u8>> through `f` \
            (lower + call + lift + post-return)
              median \(ms(samples.median)), min \(ms(samples.min)), max \(ms(samples.max))
            """
    }

    /// The `list<u8>` value the host passes for `state`: one buffer.
    private static func stateValue(_ state: [UInt8]) -> ComponentValue {
        .bytes(state)
    }
}
