import ComponentModel

/// The canonical binary encoding of component values inside event payloads
/// (docs/chain-format.md, "Value encoding"): one tag byte per kind, fixed-width
/// little-endian numbers, minimal LEB128 lengths and counts, UTF-8 strings, records with
/// their field names, flags sorted, and every non-empty all-`u8` list as one blob.
///
/// Each value has exactly one encoding, and decoding accepts only that one (anything
/// else is a `ChainDecodeError`), so decode-then-encode gives back the same bytes and a
/// replayed event hashes as the recorded one. Decoding is total: lengths are bounded by
/// the input, nesting by `maximumDepth`.
public enum ChainValueCodec {
    /// The deepest nesting of lists, records, tuples, variants, options and results that
    /// decoding accepts (the value itself is depth 1).
    public static let maximumDepth = 100

    /// The tag byte of each kind of value.
    enum Tag: UInt8 {
        case bool = 0x01, s8, u8, s16, u16, s32, u32, s64, u64, f32, f64, char, string
        case list = 0x0E, bytes, record, tuple, variant, `enum`, option, result, flags, own, borrow
    }

    /// The encoding of one value.
    public static func encode(_ value: ComponentValue) -> [UInt8] {
        var bytes = [UInt8]()
        encode(value, into: &bytes)
        return bytes
    }

    /// Appends the encoding of one value to `bytes`.
    public static func encode(_ value: ComponentValue, into bytes: inout [UInt8]) {
        if let blob = value.chainByteListContents {
            bytes.append(Tag.bytes.rawValue)
            bytes.appendBlob(blob)
            return
        }
        switch value {
        case .bool(let v): bytes.append(Tag.bool.rawValue); bytes.append(v ? 1 : 0)
        case .s8(let v): bytes.append(Tag.s8.rawValue); bytes.appendLittleEndian(v)
        case .u8(let v): bytes.append(Tag.u8.rawValue); bytes.append(v)
        case .s16(let v): bytes.append(Tag.s16.rawValue); bytes.appendLittleEndian(v)
        case .u16(let v): bytes.append(Tag.u16.rawValue); bytes.appendLittleEndian(v)
        case .s32(let v): bytes.append(Tag.s32.rawValue); bytes.appendLittleEndian(v)
        case .u32(let v): bytes.append(Tag.u32.rawValue); bytes.appendLittleEndian(v)
        case .s64(let v): bytes.append(Tag.s64.rawValue); bytes.appendLittleEndian(v)
        case .u64(let v): bytes.append(Tag.u64.rawValue); bytes.appendLittleEndian(v)
        case .f32(let v): bytes.append(Tag.f32.rawValue); bytes.appendLittleEndian(v.bitPattern)
        case .f64(let v): bytes.append(Tag.f64.rawValue); bytes.appendLittleEndian(v.bitPattern)
        case .char(let v): bytes.append(Tag.char.rawValue); bytes.appendLittleEndian(v.value)
        case .string(let v): bytes.append(Tag.string.rawValue); bytes.appendString(v)
        case .list(let items): bytes.append(Tag.list.rawValue); encode(items, into: &bytes)
        case .bytes(let items): bytes.append(Tag.list.rawValue); encode(items.map { ComponentValue.u8($0) }, into: &bytes)
        case .record(let fields):
            bytes.append(Tag.record.rawValue)
            bytes.appendLEB128(fields.count)
            for field in fields {
                bytes.appendString(field.label)
                encode(field.value, into: &bytes)
            }
        case .tuple(let items): bytes.append(Tag.tuple.rawValue); encode(items, into: &bytes)
        case .variant(let name, let payload):
            bytes.append(Tag.variant.rawValue)
            bytes.appendString(name)
            bytes.appendOptional(payload) { encode($1, into: &$0) }
        case .enum(let name): bytes.append(Tag.enum.rawValue); bytes.appendString(name)
        case .option(let payload):
            bytes.append(Tag.option.rawValue)
            bytes.appendOptional(payload) { encode($1, into: &$0) }
        case .result(let result):
            bytes.append(Tag.result.rawValue)
            switch result {
            case .ok(let payload): bytes.append(0); bytes.appendOptional(payload) { encode($1, into: &$0) }
            case .error(let payload): bytes.append(1); bytes.appendOptional(payload) { encode($1, into: &$0) }
            }
        case .flags(let names):
            bytes.append(Tag.flags.rawValue)
            let sorted = names.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
            bytes.appendLEB128(sorted.count)
            for name in sorted { bytes.appendBlob(name) }
        case .own(let rep): bytes.append(Tag.own.rawValue); bytes.appendLittleEndian(rep)
        case .borrow(let rep): bytes.append(Tag.borrow.rawValue); bytes.appendLittleEndian(rep)
        }
    }

    /// Appends a LEB128 count and the encoding of each value.
    public static func encode(_ values: [ComponentValue], into bytes: inout [UInt8]) {
        bytes.appendLEB128(values.count)
        for value in values { encode(value, into: &bytes) }
    }

    /// Decodes exactly one value from all of `bytes`.
    public static func decode(_ bytes: [UInt8]) throws(ChainDecodeError) -> ComponentValue {
        var reader = ChainByteReader(bytes)
        let value = try decode(from: &reader, depth: 1)
        try reader.expectEnd("value")
        return value
    }

    /// Reads a LEB128 count and that many values.
    static func decodeList(from reader: inout ChainByteReader, depth: Int) throws(ChainDecodeError) -> [ComponentValue] {
        let count = try reader.readLength("count of values")
        var values = [ComponentValue]()
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try decode(from: &reader, depth: depth)) }
        return values
    }

    /// Reads one value at nesting depth `depth`.
    static func decode(from reader: inout ChainByteReader, depth: Int) throws(ChainDecodeError) -> ComponentValue {
        let start = reader.offset
        guard depth <= maximumDepth else {
            throw ChainDecodeError(offset: start, "values nest deeper than \(maximumDepth) levels")
        }
        let tagByte = try reader.readByte("value tag")
        guard let tag = Tag(rawValue: tagByte) else {
            throw ChainDecodeError(offset: start, "unknown value tag 0x\(String(tagByte, radix: 16))")
        }
        switch tag {
        case .bool:
            let byteOffset = reader.offset
            switch try reader.readByte("bool") {
            case 0: return .bool(false)
            case 1: return .bool(true)
            case let other: throw ChainDecodeError(offset: byteOffset, "a bool must be 0 or 1, found \(other)")
            }
        case .s8: return .s8(try reader.readLittleEndian(Int8.self, "s8"))
        case .u8: return .u8(try reader.readByte("u8"))
        case .s16: return .s16(try reader.readLittleEndian(Int16.self, "s16"))
        case .u16: return .u16(try reader.readLittleEndian(UInt16.self, "u16"))
        case .s32: return .s32(try reader.readLittleEndian(Int32.self, "s32"))
        case .u32: return .u32(try reader.readLittleEndian(UInt32.self, "u32"))
        case .s64: return .s64(try reader.readLittleEndian(Int64.self, "s64"))
        case .u64: return .u64(try reader.readLittleEndian(UInt64.self, "u64"))
        case .f32: return .f32(Float(bitPattern: try reader.readLittleEndian(UInt32.self, "f32")))
        case .f64: return .f64(Double(bitPattern: try reader.readLittleEndian(UInt64.self, "f64")))
        case .char:
            let scalarOffset = reader.offset
            let raw = try reader.readLittleEndian(UInt32.self, "char")
            guard let scalar = Unicode.Scalar(raw) else {
                throw ChainDecodeError(offset: scalarOffset, "0x\(String(raw, radix: 16)) is not a Unicode scalar value")
            }
            return .char(scalar)
        case .string: return .string(try reader.readString("string"))
        case .list:
            let items = try decodeList(from: &reader, depth: depth + 1)
            if !items.isEmpty, items.allSatisfy({ if case .u8 = $0 { true } else { false } }) {
                throw ChainDecodeError(offset: start, "a list of u8 must be written as a byte blob (tag 0x0f)")
            }
            return .list(items)
        case .bytes:
            let blob = try reader.readBlob("byte list")
            guard !blob.isEmpty else {
                throw ChainDecodeError(offset: start, "an empty byte list must be written as an empty list (tag 0x0e)")
            }
            return ComponentValue.byteList(blob)
        case .record:
            let count = try reader.readLength("count of record fields", minimumItemSize: 2)
            var fields = [ComponentField]()
            fields.reserveCapacity(count)
            for _ in 0..<count {
                let label = try reader.readString("record field name")
                fields.append(ComponentField(label, try decode(from: &reader, depth: depth + 1)))
            }
            return .record(fields)
        case .tuple: return .tuple(try decodeList(from: &reader, depth: depth + 1))
        case .variant:
            let name = try reader.readString("variant case name")
            let payload = try reader.readOptional("variant payload") { (r: inout ChainByteReader) throws(ChainDecodeError) in
                try decode(from: &r, depth: depth + 1)
            }
            return .variant(caseName: name, payload: payload)
        case .enum: return .enum(try reader.readString("enum case name"))
        case .option:
            return .option(try reader.readOptional("option payload") { (r: inout ChainByteReader) throws(ChainDecodeError) in
                try decode(from: &r, depth: depth + 1)
            })
        case .result:
            let caseOffset = reader.offset
            let isError: Bool
            switch try reader.readByte("result case") {
            case 0: isError = false
            case 1: isError = true
            case let other: throw ChainDecodeError(offset: caseOffset, "a result case must be 0 (ok) or 1 (err), found \(other)")
            }
            let payload = try reader.readOptional("result payload") { (r: inout ChainByteReader) throws(ChainDecodeError) in
                try decode(from: &r, depth: depth + 1)
            }
            return .result(isError ? .error(payload) : .ok(payload))
        case .flags:
            let count = try reader.readLength("count of flags")
            var names = Set<String>()
            var previous: [UInt8]?
            for _ in 0..<count {
                let nameOffset = reader.offset
                let name = try reader.readString("flag name")
                let utf8 = Array(name.utf8)
                if let previous, !previous.lexicographicallyPrecedes(utf8) {
                    throw ChainDecodeError(offset: nameOffset, "flag names must be sorted by their UTF-8 bytes without repeats ('\(name)')")
                }
                previous = utf8
                guard names.insert(name).inserted else {
                    throw ChainDecodeError(offset: nameOffset, "flag name '\(name)' repeats another one (canonically equivalent Unicode)")
                }
            }
            return .flags(names)
        case .own: return .own(try reader.readLittleEndian(UInt32.self, "own handle"))
        case .borrow: return .borrow(try reader.readLittleEndian(UInt32.self, "borrow handle"))
        }
    }
}
