import Testing
@testable import Theater

/// `OutputFramer`: how each output mode cuts a stream that arrives in arbitrary reads, and
/// how it stays within its limit.
@Suite struct OutputFramerTests {
    /// Feeds `text` in reads of `readSize` bytes, then ends the stream.
    private func frame(_ text: String, _ mode: OutputMode, limit: Int = 1 << 20, readSize: Int = 3) -> [String] {
        var framer = OutputFramer(mode: mode, limit: limit)
        let bytes = Array(text.utf8)
        var pieces: [[UInt8]] = []
        for start in stride(from: 0, to: bytes.count, by: readSize) {
            pieces += framer.append(bytes[start..<min(start + readSize, bytes.count)])
            #expect(framer.pending.count <= limit)
        }
        pieces += framer.finish()
        return pieces.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func rawPassesReadsThroughCutToTheLimit() {
        #expect(frame("abcdefg", .raw, readSize: 3) == ["abc", "def", "g"])
        #expect(frame("abcdefg", .raw, limit: 2, readSize: 5) == ["ab", "cd", "e", "fg"])
    }

    @Test func linesArriveWithoutTheirBreakWhateverTheReads() {
        for readSize in [1, 2, 5, 100] {
            #expect(frame("one\ntwo\r\n\nthree", .lineByLine, readSize: readSize) == ["one", "two", "", "three"])
        }
        #expect(frame("a\n", .lineByLine) == ["a"])
        #expect(frame("", .lineByLine) == [])
    }

    @Test func anOverLongLineIsCutIntoPiecesOfTheLimit() {
        for readSize in [1, 3, 64] {
            #expect(frame("abcdefghij\nxy\n", .lineByLine, limit: 4, readSize: readSize) == ["abcd", "efgh", "ij", "xy"])
        }
    }

    @Test func jsonKeepsOnlyCompleteValuesOnALine() {
        let text = "{\"a\": [1, 2]}\nnope\n 42 \n\n\"s\"\n{\"unterminated\": \nnull"
        #expect(frame(text, .json) == ["{\"a\": [1, 2]}", "42", "\"s\"", "null"])
        var framer = OutputFramer(mode: .json, limit: 100)
        _ = framer.append(Array("nope\n".utf8)[...])
        #expect(framer.discardedBytes == 5)
    }

    @Test func jsonSkipsALineLongerThanTheLimit() {
        for readSize in [1, 4, 64] {
            #expect(frame("[1,2,3,4,5,6]\n[7]\n", .json, limit: 8, readSize: readSize) == ["[7]"])
        }
    }

    @Test func chunksHaveTheChunkSizeAndTheLastOneIsShort() {
        #expect(frame("abcdefghij", .chunked(size: 4), readSize: 3) == ["abcd", "efgh", "ij"])
        #expect(frame("abcdefgh", .chunked(size: 4), readSize: 8) == ["abcd", "efgh"])
        #expect(frame("abcdef", .chunked(size: 10), limit: 4, readSize: 6) == ["abcd", "ef"], "chunks never exceed the limit")
    }
}
