/// Decodes the `name` custom section (module, function and local names).
///
/// Custom sections never make a module malformed, so any problem in the name section
/// makes `decode` return `nil` and the names are simply not available. Subsections
/// other than 0 (module), 1 (functions) and 2 (locals), such as those of the extended
/// name section proposal, are skipped.
enum NameSectionDecoder {
    /// Parses the name section's payload `bytes[range]`, or returns `nil` if it is malformed.
    static func decode(_ bytes: [UInt8], range: Range<Int>) -> NameSection? {
        var reader = ByteReader(bytes: bytes, start: range.lowerBound, end: range.upperBound)
        return try? decode(&reader)
    }

    private static func decode(_ reader: inout ByteReader) throws -> NameSection {
        var names = NameSection()
        var lastSubsectionID = -1
        while !reader.isAtEnd {
            let id = Int(try reader.readByte())
            // Subsections appear at most once, in increasing id order.
            guard id > lastSubsectionID else { throw reader.error("out-of-order name subsection") }
            lastSubsectionID = id
            let size = try reader.readLength()
            let end = reader.position + size
            switch id {
            case 0:
                names.moduleName = try reader.readName()
            case 1:
                names.functionNames = try readNameMap(&reader)
            case 2:
                let count = try reader.readLength()
                var localNames: [UInt32: [UInt32: String]] = [:]
                for _ in 0..<count {
                    let function = try reader.readVarUInt32()
                    localNames[function, default: [:]].merge(try readNameMap(&reader)) { first, _ in first }
                }
                names.localNames = localNames
            default:
                try reader.skip(size)
            }
            guard reader.position == end else { throw reader.error("name subsection size mismatch") }
        }
        return names
    }

    /// A name map: a vector of (index, name) pairs. The format asks for increasing
    /// indices; out-of-order or repeated entries are tolerated (first name wins) since
    /// names only serve diagnostics.
    private static func readNameMap(_ reader: inout ByteReader) throws -> [UInt32: String] {
        let count = try reader.readLength()
        var map: [UInt32: String] = [:]
        for _ in 0..<count {
            let index = try reader.readVarUInt32()
            let name = try reader.readName()
            if map[index] == nil { map[index] = name }
        }
        return map
    }
}
