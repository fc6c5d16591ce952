import Testing
@testable import WasmEngine

/// Numeric semantics that are easy to get subtly wrong: traps, shifts, float edge cases,
/// rounding of conversions, NaN canonicalization and payload-preserving bit operations.
@Suite struct InterpreterNumericTests {
    let store = Store()

    func binary(_ op: String, _ type: String, _ a: Value, _ b: Value, result: String? = nil) throws -> Value {
        let instance = try store.instantiate(wat: """
            (module (func (export "f") (param \(type) \(type)) (result \(result ?? type))
              local.get 0 local.get 1 \(op)))
            """)
        return try store.call(instance, "f", [a, b])[0]
    }

    func unary(_ op: String, _ from: String, _ to: String, _ a: Value) throws -> Value {
        let instance = try store.instantiate(wat: """
            (module (func (export "f") (param \(from)) (result \(to)) local.get 0 \(op)))
            """)
        return try store.call(instance, "f", [a])[0]
    }

    @Test func integerDivisionTraps() throws {
        #expect(trapReason { try binary("i32.div_s", "i32", .i32(1), .i32(0)) } == .integerDivideByZero)
        #expect(trapReason { try binary("i32.div_s", "i32", .i32(0x8000_0000), .i32(0xFFFF_FFFF)) } == .integerOverflow)
        #expect(try binary("i32.rem_s", "i32", .i32(0x8000_0000), .i32(0xFFFF_FFFF)) == .i32(0))
        #expect(trapReason { try binary("i64.rem_u", "i64", .i64(1), .i64(0)) } == .integerDivideByZero)
        #expect(trapReason { try binary("i64.div_s", "i64", .i64(1 << 63), .i64(UInt64.max)) } == .integerOverflow)
        #expect(try binary("i32.div_s", "i32", .i32(UInt32(bitPattern: -7)), .i32(2)) == .i32(UInt32(bitPattern: -3)))
        #expect(try binary("i32.rem_s", "i32", .i32(UInt32(bitPattern: -7)), .i32(2)) == .i32(UInt32(bitPattern: -1)))
    }

    @Test func shiftsAndRotatesUseTheCountModuloWidth() throws {
        #expect(try binary("i32.shl", "i32", .i32(1), .i32(33)) == .i32(2))
        #expect(try binary("i32.shr_s", "i32", .i32(0x8000_0000), .i32(31)) == .i32(0xFFFF_FFFF))
        #expect(try binary("i32.shr_u", "i32", .i32(0x8000_0000), .i32(63)) == .i32(1))
        #expect(try binary("i32.rotl", "i32", .i32(0x8000_0001), .i32(1)) == .i32(3))
        #expect(try binary("i32.rotr", "i32", .i32(3), .i32(33)) == .i32(0x8000_0001))
        #expect(try binary("i64.rotl", "i64", .i64(0x8000_0000_0000_0001), .i64(64)) == .i64(0x8000_0000_0000_0001))
        #expect(try binary("i64.shr_s", "i64", .i64(1 << 63), .i64(65)) == .i64(0xC000_0000_0000_0000))
    }

    @Test func bitCounts() throws {
        #expect(try unary("i32.clz", "i32", "i32", .i32(0)) == .i32(32))
        #expect(try unary("i32.ctz", "i32", "i32", .i32(0x8000_0000)) == .i32(31))
        #expect(try unary("i64.popcnt", "i64", "i64", .i64(UInt64.max)) == .i64(64))
        #expect(try unary("i64.extend32_s", "i64", "i64", .i64(0x8000_0000)) == .i64(0xFFFF_FFFF_8000_0000))
        #expect(try unary("i32.extend8_s", "i32", "i32", .i32(0x80)) == .i32(0xFFFF_FF80))
    }

    @Test func floatMinMaxFollowWasmRules() throws {
        let negativeZero = Value.float32(-0.0), positiveZero = Value.float32(0.0)
        #expect(try binary("f32.min", "f32", positiveZero, negativeZero) == negativeZero)
        #expect(try binary("f32.max", "f32", negativeZero, positiveZero) == positiveZero)
        #expect(try binary("f64.min", "f64", .float64(.nan), .float64(1)) == .f64(0x7FF8_0000_0000_0000))
        #expect(try binary("f32.max", "f32", .float32(1), .float32(2)) == .float32(2))
    }

    @Test func arithmeticNaNsAreCanonicalButBitOperationsKeepPayloads() throws {
        let payloadNaN = Value.f32(0xFFA0_0001)
        #expect(try binary("f32.add", "f32", payloadNaN, .float32(1)) == .f32(0x7FC0_0000))
        #expect(try unary("f32.neg", "f32", "f32", payloadNaN) == .f32(0x7FA0_0001))
        #expect(try unary("f32.abs", "f32", "f32", payloadNaN) == .f32(0x7FA0_0001))
        #expect(try binary("f32.copysign", "f32", payloadNaN, .float32(1)) == .f32(0x7FA0_0001))
        #expect(try unary("f64.promote_f32", "f32", "f64", payloadNaN) == .f64(0x7FF8_0000_0000_0000))
    }

    @Test func nearestRoundsHalfToEven() throws {
        #expect(try unary("f32.nearest", "f32", "f32", .float32(2.5)) == .float32(2))
        #expect(try unary("f64.nearest", "f64", "f64", .float64(-3.5)) == .float64(-4))
        #expect(try unary("f64.nearest", "f64", "f64", .float64(-0.5)) == .float64(-0.0))
    }

    @Test func truncationTrapsAndSaturates() throws {
        #expect(trapReason { try unary("i32.trunc_f32_s", "f32", "i32", .float32(.nan)) } == .invalidConversionToInteger)
        #expect(trapReason { try unary("i32.trunc_f32_s", "f32", "i32", .float32(2_147_483_648)) } == .integerOverflow)
        #expect(try unary("i32.trunc_f64_s", "f64", "i32", .float64(-2_147_483_648.9)) == .i32(0x8000_0000))
        #expect(trapReason { try unary("i32.trunc_f64_u", "f64", "i32", .float64(-1)) } == .integerOverflow)
        #expect(try unary("i32.trunc_f64_u", "f64", "i32", .float64(-0.9)) == .i32(0))
        #expect(trapReason { try unary("i64.trunc_f64_s", "f64", "i64", .float64(9_223_372_036_854_775_808)) } == .integerOverflow)
        #expect(try unary("i64.trunc_f64_s", "f64", "i64", .float64(-9_223_372_036_854_775_808)) == .i64(1 << 63))
        #expect(try unary("i32.trunc_sat_f32_s", "f32", "i32", .float32(1e20)) == .i32(0x7FFF_FFFF))
        #expect(try unary("i64.trunc_sat_f64_u", "f64", "i64", .float64(-5)) == .i64(0))
        #expect(try unary("i32.trunc_sat_f64_u", "f64", "i32", .float64(.nan)) == .i32(0))
    }

    @Test func integerToFloatConversionsRoundOnce() throws {
        // 2^53 + 2^29 + 1 as u64: a double rounding through f64 would give 0x5A000000.
        #expect(try unary("f32.convert_i64_u", "i64", "f32", .i64(0x0020_0000_2000_0001)) == .f32(0x5A00_0001))
        #expect(try unary("f32.convert_i64_s", "i64", "f32", .i64(0x0020_0000_2000_0001)) == .f32(0x5A00_0001))
        #expect(try unary("f32.convert_i64_u", "i64", "f32", .i64(UInt64.max)) == .float32(18_446_744_073_709_551_616))
        #expect(try unary("f64.convert_i32_u", "i32", "f64", .i32(UInt32.max)) == .float64(4_294_967_295))
        #expect(try unary("f32.demote_f64", "f64", "f32", .float64(1e300)) == .float32(.infinity))
    }

    @Test func constantOperandsAreFoldedCorrectly() throws {
        let instance = try store.instantiate(wat: """
            (module (func (export "f") (param i32 i64) (result i32 i64 i32)
              local.get 0 i32.const -1 i32.add
              local.get 1 i64.const 3 i64.shl
              local.get 0 i32.const 10 i32.lt_s))
            """)
        #expect(try store.call(instance, "f", [.i32(0), .i64(5)]) == [.i32(UInt32.max), .i64(40), .i32(1)])
    }
}
