import Testing
@testable import ComponentModel

/// Thousands of mutated WIT sources must parse or throw `WitError`: never crash, never
/// hang. Mutants that still parse must also survive a print/parse round trip.
@Suite struct WitHostileInputTests {
    static let fragments = [
        "{", "}", "<", ">", "(", ")", ";", ",", ":", ".", "/", "@", "=", "->", "_", "%", "*",
        "/*", "*/", "///", "//", "\n", " ", "\"", "\\", "0", "1.0.0", "@since(version = 0.2.0)",
        "@unstable(feature = x)", "@deprecated(version = 9.9.9)", "interface", "world", "package",
        "use", "as", "func", "static", "constructor", "resource", "record", "variant", "enum",
        "flags", "type", "borrow<", "list<", "option<", "result<", "tuple<", "own", "stream",
        "future", "map", "include", "with", "import", "export", "async", "u32", "string",
        "a:b/c", "wasi:io/poll@0.2.1", "x-y", "X", "-", "é", "\u{202E}", "\u{0}", "\t", "9999999999999",
    ]

    func mutate(_ source: [Character], _ rng: inout SeededRandom) -> String {
        var s = source
        for _ in 0..<(1 + rng.below(4)) {
            let at = rng.below(s.count + 1)
            switch rng.below(6) {
            case 0: // delete a range
                let len = min(1 + rng.below(12), s.count - at)
                if len > 0 { s.removeSubrange(at..<(at + len)) }
            case 1: // insert a fragment
                s.insert(contentsOf: Self.fragments[rng.below(Self.fragments.count)], at: at)
            case 2: // duplicate a range
                let len = min(1 + rng.below(40), s.count - at)
                if len > 0 { s.insert(contentsOf: Array(s[at..<(at + len)]), at: at) }
            case 3: // replace one character
                if at < s.count { s[at] = Array(Self.fragments[rng.below(Self.fragments.count)]).first ?? "x" }
            case 4: // truncate
                s = Array(s.prefix(at))
            default: // move a range elsewhere
                let len = min(1 + rng.below(30), s.count - at)
                if len > 0 {
                    let piece = Array(s[at..<(at + len)])
                    s.removeSubrange(at..<(at + len))
                    s.insert(contentsOf: piece, at: rng.below(s.count + 1))
                }
            }
        }
        return String(s)
    }

    @Test func mutatedSourcesParseOrFailCleanly() throws {
        var rng = SeededRandom(seed: 0x5EED_0F_717)
        var parsed = 0
        var failed = 0
        for seed in WitSeeds.all {
            let chars = Array(seed)
            for _ in 0..<2500 {
                let source = mutate(chars, &rng)
                do {
                    let package = try WitPackage.parse(source: source, fileName: "mutant.wit")
                    parsed += 1
                    let printed = WitPrinter.render(package)
                    let again = try WitPackage.parse(source: printed, fileName: "printed.wit")
                    #expect(again == package, "round trip differs for mutant:\n\(source)\nprinted:\n\(printed)")
                } catch is WitError {
                    failed += 1
                }
            }
        }
        // Both outcomes must occur, or the mutations are too weak or too strong to test anything.
        #expect(parsed > 100)
        #expect(failed > 1000)
    }
}
