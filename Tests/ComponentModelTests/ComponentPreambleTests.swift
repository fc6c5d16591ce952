import Testing
@testable import ComponentModel

@Suite struct ComponentPreambleTests {
    @Test func preambleIsMagicThenComponentLayer() {
        #expect(ComponentModel.preamble.prefix(4) == [0x00, 0x61, 0x73, 0x6D])
        #expect(Array(ComponentModel.preamble.suffix(4)) == [0x0D, 0x00, 0x01, 0x00])
    }
}
