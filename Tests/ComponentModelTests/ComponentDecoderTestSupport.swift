@testable import ComponentModel

/// A test-only builder of component binaries: LEB128 integers, names, sections.
enum ComponentBytes {
    /// The component preamble.
    static let preamble: [UInt8] = ComponentModel.preamble

    /// The smallest valid core module (`\0asm` version 1, no sections).
    static let emptyCoreModule: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    /// Unsigned LEB128.
    static func u32(_ value: UInt32) -> [UInt8] {
        var value = value
        var out: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            out.append(byte)
        } while value != 0
        return out
    }

    /// Signed LEB128 (used for value types that are type indices).
    static func s33(_ value: Int64) -> [UInt8] {
        var value = value
        var out: [UInt8] = []
        while true {
            let byte = UInt8(value & 0x7F)
            value >>= 7
            if (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0) {
                out.append(byte)
                return out
            }
            out.append(byte | 0x80)
        }
    }

    /// A length-prefixed UTF-8 name.
    static func name(_ string: String) -> [UInt8] {
        let utf8 = Array(string.utf8)
        return u32(UInt32(utf8.count)) + utf8
    }

    /// A vector: count, then the concatenated elements.
    static func vector(_ elements: [[UInt8]]) -> [UInt8] {
        u32(UInt32(elements.count)) + elements.flatMap { $0 }
    }

    /// A section with its id and size.
    static func section(_ id: UInt8, _ contents: [UInt8]) -> [UInt8] {
        [id] + u32(UInt32(contents.count)) + contents
    }

    /// A section holding a vector of elements.
    static func vectorSection(_ id: UInt8, _ elements: [[UInt8]]) -> [UInt8] {
        section(id, vector(elements))
    }

    /// A whole component: the preamble, then the given sections.
    static func component(_ sections: [UInt8]...) -> [UInt8] {
        preamble + sections.flatMap { $0 }
    }

    /// A plain (0x00-prefixed) extern name.
    static func externName(_ string: String) -> [UInt8] {
        [0x00] + name(string)
    }
}

/// Decodes `bytes` and returns the thrown decode error, or `nil` if decoding succeeded.
func decodeError(_ bytes: [UInt8]) -> ComponentDecodeError? {
    do {
        _ = try Component(decoding: bytes)
        return nil
    } catch let error as ComponentDecodeError {
        return error
    } catch {
        return ComponentDecodeError(offset: -1, message: "unexpected error type: \(error)")
    }
}
