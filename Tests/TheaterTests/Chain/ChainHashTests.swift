import Testing
@testable import Theater

/// `ChainHash`: SHA-256 digests, their hex form and its validation.
@Suite struct ChainHashTests {
    @Test func sha256OfABCIsTheStandardVector() {
        #expect(ChainHash.sha256(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hexRoundTripsAndDescriptionIsLowercaseHex() throws {
        let hash = ChainHash.sha256([1, 2, 3])
        let parsed = try #require(ChainHash(hex: hash.hex.uppercased()))
        #expect(parsed == hash)
        #expect(hash.description == hash.hex)
        #expect(hash.hex == hash.hex.lowercased())
    }

    @Test(arguments: ["", "abc", String(repeating: "0", count: 63), String(repeating: "0", count: 65), String(repeating: "g", count: 64),
                      String(repeating: "é", count: 32)])
    func rejectsTextThatIsNotSixtyFourHexDigits(_ text: String) {
        #expect(ChainHash(hex: text) == nil)
    }

    @Test func acceptsOnlyThirtyTwoBytes() {
        #expect(ChainHash(bytes: [UInt8](repeating: 7, count: 32)) != nil)
        #expect(ChainHash(bytes: [UInt8](repeating: 7, count: 31)) == nil)
        #expect(ChainHash(bytes: [UInt8](repeating: 7, count: 33)) == nil)
    }
}
