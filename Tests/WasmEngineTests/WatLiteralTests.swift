import Foundation
import Testing
@_spi(Text) @testable import WasmEngine

/// Integer and float literals: syntax, range checks and correctly rounded conversion.
@Suite struct WatLiteralTests {
    func int(_ text: String, _ width: Int) -> UInt64? {
        if case .value(let v) = WatIntegerLiteral.parseInteger(text, bitWidth: width) { return v }
        return nil
    }

    func f32(_ text: String) -> UInt32? {
        if case .value(let v) = WatFloatLiteral.parse(text, format: .f32) { return UInt32(v) }
        return nil
    }

    func f64(_ text: String) -> UInt64? {
        if case .value(let v) = WatFloatLiteral.parse(text, format: .f64) { return v }
        return nil
    }

    func isOutOfRange<T>(_ result: WatLiteralResult<T>) -> Bool {
        if case .outOfRange = result { return true }
        return false
    }

    @Test func integersAcceptSignedAndUnsignedRanges() {
        #expect(int("4294967295", 32) == 0xFFFF_FFFF)
        #expect(int("-2147483648", 32) == 0x8000_0000)
        #expect(int("-0x1", 32) == 0xFFFF_FFFF)
        #expect(int("+1_000", 32) == 1000)
        #expect(int("0xffff_ffff_ffff_ffff", 64) == .max)
        #expect(int("-0x8000000000000000", 64) == 0x8000_0000_0000_0000)
        #expect(isOutOfRange(WatIntegerLiteral.parseInteger("4294967296", bitWidth: 32)))
        #expect(isOutOfRange(WatIntegerLiteral.parseInteger("-2147483649", bitWidth: 32)))
        #expect(isOutOfRange(WatIntegerLiteral.parseInteger("18446744073709551616", bitWidth: 64)))
    }

    @Test func misplacedUnderscoresAndBadDigitsAreInvalid() {
        for text in ["_1", "1_", "1__0", "0x", "0x_1", "1x", "0xg", "", "-", "0_x1"] {
            #expect(int(text, 32) == nil, "\(text)")
        }
    }

    @Test func specialFloatValues() {
        #expect(f32("inf") == 0x7F80_0000)
        #expect(f32("-inf") == 0xFF80_0000)
        #expect(f32("nan") == 0x7FC0_0000)
        #expect(f32("-nan:0x200000") == 0xFFA0_0000)
        #expect(f64("nan:0x1") == 0x7FF0_0000_0000_0001)
        #expect(f64("-0") == 0x8000_0000_0000_0000)
        #expect(isOutOfRange(WatFloatLiteral.parse("nan:0x0", format: .f32)))
        #expect(isOutOfRange(WatFloatLiteral.parse("nan:0x800000", format: .f32)))
    }

    @Test func floatSyntax() {
        #expect(f32("1.") == 0x3F80_0000)
        #expect(f32("1.e1") == 0x4120_0000)
        #expect(f32("0x1p-1") == 0x3F00_0000)
        #expect(f32("0x1.8P+1") == 0x4040_0000)
        #expect(f64("1_000.000_1") == (1000.0001).bitPattern)
        for text in [".0", "0e", "0e+", "0.0e-", "0x", "0x.", "0x0.g", "0x0p", "0x0pA", "1x", "0x1.p+"] {
            #expect(f32(text) == nil, "\(text)")
        }
    }

    @Test func roundingGoesDirectlyToF32() {
        // Just below the halfway point between the largest f32 and 2^128: rounds down.
        #expect(f32("0x1.fffffefffffff8p127") == 0x7F7F_FFFF)
        // Halfway rounds to even, which is infinity here: out of range.
        #expect(isOutOfRange(WatFloatLiteral.parse("0x1.ffffffp127", format: .f32)))
        #expect(isOutOfRange(WatFloatLiteral.parse("1e39", format: .f32)))
        // Double rounding through f64 would give 0x3F800001 here.
        #expect(f32("0x1.00000100000000001p0") == 0x3F80_0001)
        #expect(f32("0x1.000001p0") == 0x3F80_0000)
        #expect(f32("0x1.000003p0") == 0x3F80_0002)
        // Smallest subnormal and underflow to zero.
        #expect(f32("0x1p-149") == 1)
        #expect(f32("0x1p-150") == 0)
        #expect(f32("0x1.000002p-150") == 1)
        #expect(f64("4.9406564584124654e-324") == 1)
        #expect(f64("2.4703282292062328e-324") == 1)
        #expect(f64("2.4703282292062327e-324") == 0)
        #expect(f64("1e-400") == 0)
    }

    /// Every `f32.const`/`f64.const` rounding case in const.wast: the literal of the module
    /// must convert to the bits of the expected result.
    @Test func constWastRoundingCases() throws {
        let text = try String(contentsOf: WastSuiteParsingTests.suiteDirectory.appendingPathComponent("const.wast"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern:
            #"\(module \(func \(export "f"\) \(result (f32|f64)\) \((?:f32|f64)\.const ([^)]+)\)\)\)\s*\(assert_return \(invoke "f"\) \((?:f32|f64)\.const ([^)]+)\)\)"#)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(matches.count > 250)
        for match in matches {
            let type = String(text[Range(match.range(at: 1), in: text)!])
            let literal = String(text[Range(match.range(at: 2), in: text)!])
            let expected = String(text[Range(match.range(at: 3), in: text)!])
            if type == "f32" {
                #expect(f32(literal) != nil && f32(literal) == f32(expected), "\(literal) -> \(expected)")
            } else {
                #expect(f64(literal) != nil && f64(literal) == f64(expected), "\(literal) -> \(expected)")
            }
        }
    }

    /// Decimal conversion agrees with the C library's correctly rounded strtof/strtod.
    @Test func decimalConversionMatchesCorrectlyRoundedReference() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 17
        }
        for _ in 0..<3000 {
            let digitCount = Int(next() % 25) + 1
            var digits = String(next() % 9 + 1)
            for _ in 1..<digitCount { digits += String(next() % 10) }
            let exponent = Int(next() % 700) - 350
            let text = "\(digits)e\(exponent)"
            if let reference = Double(text), reference.isFinite {
                #expect(f64(text) == reference.bitPattern, "\(text)")
            }
            if let reference = Float(text), reference.isFinite {
                #expect(f32(text) == reference.bitPattern, "\(text)")
            }
        }
    }
}
