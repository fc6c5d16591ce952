import Foundation

/// Small helpers that build binary modules byte by byte for decoder tests, so each
/// test spells out exactly the encoding it checks.
enum WasmBytes {
    /// The preamble: magic and version 1.
    static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    /// Unsigned LEB128 in the minimal number of bytes.
    static func unsigned(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while value != 0
        return bytes
    }

    /// Signed LEB128 in the minimal number of bytes.
    static func signed(_ value: Int64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        while true {
            let byte = UInt8(value & 0x7F)
            value >>= 7
            let done = (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0)
            bytes.append(done ? byte : byte | 0x80)
            if done { return bytes }
        }
    }

    /// A name: its UTF-8 length, then its bytes.
    static func name(_ text: String) -> [UInt8] {
        unsigned(UInt64(text.utf8.count)) + Array(text.utf8)
    }

    /// A vector: the element count, then the already encoded elements.
    static func vector(_ elements: [[UInt8]]) -> [UInt8] {
        unsigned(UInt64(elements.count)) + elements.flatMap { $0 }
    }

    /// A section: id, content size, content.
    static func section(_ id: UInt8, _ content: [UInt8]) -> [UInt8] {
        [id] + unsigned(UInt64(content.count)) + content
    }

    /// A whole module: the header followed by the given sections.
    static func module(_ sections: [UInt8]...) -> [UInt8] {
        header + sections.flatMap { $0 }
    }

    /// A code-section entry: size, local groups, then `code` (which must end with 0x0B).
    static func body(locals: [(UInt32, UInt8)] = [], _ code: [UInt8]) -> [UInt8] {
        let content = vector(locals.map { unsigned(UInt64($0.0)) + [$0.1] }) + code
        return unsigned(UInt64(content.count)) + content
    }

    /// A module with one `() -> ()` function whose body is `code` (ending with 0x0B),
    /// plus a memory, a funcref table, a passive data segment and the data count section
    /// so memory, table and bulk instructions have something to refer to.
    static func singleFunctionModule(locals: [(UInt32, UInt8)] = [], _ code: [UInt8]) -> [UInt8] {
        module(
            section(1, vector([[0x60, 0x00, 0x00]])),
            section(3, vector([[0x00]])),
            section(4, vector([[0x70, 0x00, 0x01]])),
            section(5, vector([[0x00, 0x01]])),
            section(12, unsigned(1)),
            section(10, vector([body(locals: locals, code)])),
            section(11, vector([[0x01] + name("xy")]))
        )
    }

    /// The seed module compiled from `seed.c` (see the comment at the top of `seed.c.txt`).
    static func seedModule() throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("seed.wasm")
        return Array(try Data(contentsOf: url))
    }
}
