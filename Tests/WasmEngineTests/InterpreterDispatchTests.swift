import Testing
@testable import WasmEngine

/// The threaded dispatch must not consume native stack per executed instruction: long
/// runs (millions of units, with calls, memory traffic and host calls in the chain) finish
/// in debug builds too, where handlers return to the driver instead of tail-calling.
@Suite struct InterpreterDispatchTests {
    @Test func aLongLoopWithCallsAndMemoryRunsWithoutGrowingTheStack() throws {
        let store = Store()
        let instance = try store.instantiate(wat: """
            (module
              (memory 1)
              (func $step (param i32) (result i32)
                (i32.store (i32.const 16) (i32.add (i32.load (i32.const 16)) (local.get 0)))
                (i32.and (i32.add (local.get 0) (i32.const 3)) (i32.const 1023)))
              (func (export "run") (param i32) (result i32)
                (local i32)
                (loop $again
                  (local.set 1 (call $step (local.get 1)))
                  (br_if $again (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
                (i32.load (i32.const 16))))
            """)
        // 2,000,000 iterations of ~10 units each: far past any native stack if units nested.
        let expected = (0..<2_000_000).reduce((sum: UInt32(0), x: UInt32(0))) { state, _ in
            (state.sum &+ state.x, (state.x &+ 3) & 1023)
        }.sum
        #expect(try store.call(instance, "run", [.i32(2_000_000)]) == [.i32(expected)])
    }

    @Test func meteredRunsChargeFuelInsideCallsAndStopWhenItRunsOut() throws {
        let store = Store(configuration: StoreConfiguration(fuel: 1_000_000))
        let instance = try store.instantiate(wat: """
            (module
              (func $id (param i32) (result i32) (local.get 0))
              (func (export "spin") (loop $l (drop (call $id (i32.const 1))) (br $l))))
            """)
        #expect(throws: Trap.self) { try store.call(instance, "spin", []) }
        #expect(store.remainingFuel! < 10)
    }

    @Test func arrayElementLoadsFoldTheShiftAndStillWrapAndTrap() throws {
        let store = Store()
        let instance = try store.instantiate(wat: """
            (module
              (memory 1)
              (data (i32.const 0) "\\01\\00\\00\\00\\02\\00\\00\\00\\03\\00\\00\\00\\04\\00\\00\\00")
              (func (export "i32at") (param i32 i32) (result i32)
                (i32.load offset=4 (i32.add (local.get 0) (i32.shl (local.get 1) (i32.const 2)))))
              (func (export "i64at") (param i32 i32) (result i64)
                (i64.load (i32.add (i32.shl (local.get 1) (i32.const 3)) (local.get 0)))))
            """)
        #expect(try store.call(instance, "i32at", [.i32(0), .i32(1)]) == [.i32(3)])
        #expect(try store.call(instance, "i32at", [.i32(8), .i32(0)]) == [.i32(4)])
        // The sum wraps at 32 bits: 16 + (0x3FFF_FFFF << 2) = 12 (mod 2^32), then offset 4;
        // 4 + (0x3FFF_FFFF << 2) = 0, then offset 4 reads element 1.
        #expect(try store.call(instance, "i32at", [.i32(16), .i32(0x3FFF_FFFF)]) == [.i32(0)])
        #expect(try store.call(instance, "i32at", [.i32(4), .i32(0x3FFF_FFFF)]) == [.i32(2)])
        #expect(try store.call(instance, "i64at", [.i32(0), .i32(1)]) == [.i64(0x0000_0004_0000_0003)])
        #expect(throws: Trap.self) { try store.call(instance, "i32at", [.i32(0), .i32(16384)]) }
        #expect(throws: Trap.self) { try store.call(instance, "i64at", [.i32(65536 - 4), .i32(0)]) }
    }

    @Test func multiplyAddFoldsRoundTwiceLikeTheSeparateInstructions() throws {
        let store = Store()
        let instance = try store.instantiate(wat: """
            (module
              (func (export "f32") (param f32 f32 f32) (result i32)
                (i32.reinterpret_f32 (f32.add (local.get 2) (f32.mul (local.get 0) (local.get 1)))))
              (func (export "f64") (param f64 f64 f64) (result i64)
                (i64.reinterpret_f64 (f64.add (f64.mul (local.get 0) (local.get 1)) (local.get 2)))))
            """)
        // (1 + 2^-23)(1 - 2^-23) = 1 - 2^-46 rounds to 1, so adding -1 gives +0 (a fused
        // multiply-add would give -2^-46).
        let minusOne32 = Float(-1).bitPattern, minusOne64 = Double(-1).bitPattern
        #expect(try store.call(instance, "f32", [.f32(0x3F80_0001), .f32(0x3F7F_FFFE), .f32(minusOne32)]) == [.i32(0)])
        #expect(try store.call(instance, "f64", [.f64(0x3FF0_0000_0000_0001), .f64(0x3FEF_FFFF_FFFF_FFFE),
                                                 .f64(minusOne64)]) == [.i64(0)])
        // NaN results are canonical, whichever operand brought the NaN in.
        #expect(try store.call(instance, "f32", [.f32(0x7FA0_0001), .f32(Float(2).bitPattern), .f32(Float(3).bitPattern)])
                == [.i32(0x7FC0_0000)])
        #expect(try store.call(instance, "f64", [.f64(Double(2).bitPattern), .f64(Double(3).bitPattern),
                                                 .f64(0xFFF4_0000_0000_0000)]) == [.i64(0x7FF8_0000_0000_0000)])
        #expect(try store.call(instance, "f64", [.f64(Double(2).bitPattern), .f64(Double(3).bitPattern),
                                                 .f64(Double(0.5).bitPattern)]) == [.i64(Double(6.5).bitPattern)])
    }
}
