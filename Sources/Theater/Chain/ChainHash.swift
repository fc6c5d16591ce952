import Crypto
import Foundation

/// A SHA-256 digest (32 bytes): the identity of a chain event, the link from an event to
/// its parent, and the id of a state or a blob in the content store.
public struct ChainHash: Hashable, Sendable, CustomStringConvertible {
    /// The 32 digest bytes.
    public let bytes: [UInt8]

    /// The number of bytes in a digest.
    public static let byteCount = 32

    /// A hash from exactly 32 bytes; nil for any other count.
    public init?(bytes: [UInt8]) {
        guard bytes.count == ChainHash.byteCount else { return nil }
        self.bytes = bytes
    }

    /// A hash from 64 hexadecimal digits (either case); nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == ChainHash.byteCount * 2 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(ChainHash.byteCount)
        var index = 0
        while index < digits.count {
            guard let high = ChainHash.nibble(digits[index]), let low = ChainHash.nibble(digits[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.bytes = bytes
    }

    /// The SHA-256 digest of `data`.
    public static func sha256<D: DataProtocol>(_ data: D) -> ChainHash {
        ChainHash(trusted: Array(SHA256.hash(data: data)))
    }

    /// The SHA-256 digest of raw memory (used where the bytes already sit in a buffer,
    /// to hash them with one call and no copy).
    static func sha256(_ buffer: UnsafeRawBufferPointer) -> ChainHash {
        var hasher = SHA256()
        hasher.update(bufferPointer: buffer)
        return ChainHash(trusted: Array(hasher.finalize()))
    }

    /// The 64 lowercase hexadecimal digits of the digest.
    public var hex: String { ChainHash.hex(bytes) }

    public var description: String { hex }

    /// A hash from bytes the caller guarantees are 32 long.
    init(trusted bytes: [UInt8]) {
        assert(bytes.count == ChainHash.byteCount)
        self.bytes = bytes
    }

    /// Lowercase hexadecimal digits of any bytes (shared by the hash and the renderers).
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
