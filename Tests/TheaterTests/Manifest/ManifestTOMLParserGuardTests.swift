import Testing
import Theater

/// Shapes that trip assertions inside toml++ (TOMLKit's parser) and must be refused
/// before it sees them.
@Suite struct ManifestTOMLParserGuardTests {
    @Test(arguments: ["[=", "[{a}]", "[ #", "[\n", "[[ [", "[[,a\"", "[\r]", "[.a]", "[\\"])
    func badTableHeaderStartIsASyntaxError(header: String) {
        let error = ManifestFixture.error(ManifestFixture.minimal + header)
        #expect(error?.line == 4, "\(String(describing: error))")
        #expect(error?.field == nil)
        #expect(error?.message.contains("invalid TOML") == true, "\(String(describing: error))")
    }

    @Test(arguments: ["x = [}", "x = [\n  # c\n  }", "x = [1, }", "x = { a = [ } }"])
    func closingBraceInArrayIsASyntaxError(value: String) {
        let error = ManifestFixture.error(ManifestFixture.minimal + value)
        #expect(error?.message.contains("invalid TOML") == true, "\(String(describing: error))")
    }

    @Test func validHeadersStillParse() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + "[ limits ]\nstate_size = 5\n[[\"handler\"]]\ntype = 'runtime'\n")
        #expect(manifest.limits.stateSize == 5)
        #expect(manifest.handlers == [.runtime])
    }

    /// Short random documents over TOML's punctuation, the shape that found both
    /// toml++ assertions; each must give an error (none is a valid manifest), never abort.
    @Test func shortRandomDocumentsNeverAbort() {
        let alphabet = Array("[]{}=\"',.#\n abc1-_$\\\t:+eE0".utf8)
        var state: UInt64 = 0x1234_5678
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = 1 + Int(state >> 59)
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            _ = ManifestFixture.error(String(decoding: bytes, as: UTF8.self))
        }
    }
}
