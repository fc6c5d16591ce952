import Foundation

/// Strict reading of one JSON object's fields while decoding a message: each field is
/// taken once, and `finish()` rejects any field left over, so that a typo in a client's
/// field name is an error rather than silently ignored.
struct ManagementFields {
    /// The object's path, e.g. `StartActor`.
    let path: String
    private var members: [String: ManagementJSON]
    private var order: [String]

    /// Reads `value` (at `path`) as an object.
    init(_ value: ManagementJSON, at path: String) throws {
        guard case .object(let list) = value else {
            throw ManagementDecodeError(.wrongType, at: path, "expected an object, found \(value.kindName)")
        }
        self.path = path
        self.members = Dictionary(list.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        self.order = list.map(\.key)
    }

    func pathOf(_ key: String) -> String { "\(path).\(key)" }

    /// Takes a field that must be present.
    mutating func required(_ key: String) throws -> ManagementJSON {
        guard let value = members.removeValue(forKey: key) else {
            throw ManagementDecodeError(.missingField(key), at: path, "missing field \"\(key)\"")
        }
        return value
    }

    /// Takes an `Option` field: absent or null gives nil (serde's reading of `Option<T>`).
    mutating func optional(_ key: String) -> ManagementJSON? {
        guard let value = members.removeValue(forKey: key) else { return nil }
        if case .null = value { return nil }
        return value
    }

    /// Fails if a field was not taken.
    func finish() throws {
        if let extra = order.first(where: { members[$0] != nil }) {
            throw ManagementDecodeError(.unexpectedField(extra), at: path, "unknown field \"\(extra)\"")
        }
    }

    // Typed takers: each names its field in any error.

    mutating func string(_ key: String) throws -> String {
        try ManagementFields.string(try required(key), at: pathOf(key))
    }

    mutating func bool(_ key: String) throws -> Bool {
        let value = try required(key)
        guard case .bool(let flag) = value else {
            throw ManagementDecodeError(.wrongType, at: pathOf(key), "expected a boolean, found \(value.kindName)")
        }
        return flag
    }

    mutating func bytes(_ key: String) throws -> [UInt8] {
        try ManagementFields.bytes(try required(key), at: pathOf(key))
    }

    mutating func optionalBytes(_ key: String) throws -> [UInt8]? {
        try optional(key).map { try ManagementFields.bytes($0, at: pathOf(key)) }
    }

    mutating func uuid(_ key: String) throws -> String {
        try ManagementFields.uuid(try required(key), at: pathOf(key))
    }

    mutating func unsigned<T: FixedWidthInteger & UnsignedInteger>(_ key: String, as type: T.Type) throws -> T {
        try ManagementFields.unsigned(try required(key), at: pathOf(key), as: type)
    }

    // Readers of single values, shared with variants whose payload is not an object.

    static func string(_ value: ManagementJSON, at path: String) throws -> String {
        guard case .string(let text) = value else {
            throw ManagementDecodeError(.wrongType, at: path, "expected a string, found \(value.kindName)")
        }
        return text
    }

    /// A byte field: a JSON array whose every element is an integer 0...255.
    static func bytes(_ value: ManagementJSON, at path: String) throws -> [UInt8] {
        if case .bytes(let bytes) = value { return bytes }
        guard case .array(let elements) = value else {
            throw ManagementDecodeError(.wrongType, at: path, "expected an array of bytes (numbers 0-255), found \(value.kindName)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            let elementPath = "\(path)[\(position)]"
            guard case .number(let literal) = element else {
                throw ManagementDecodeError(.wrongType, at: elementPath, "expected a byte (a number 0-255), found \(element.kindName)")
            }
            guard let byte = UInt8(literal) else {
                throw ManagementDecodeError(.outOfRange, at: elementPath, "\(literal) is not a byte (an integer 0-255)")
            }
            bytes.append(byte)
        }
        return bytes
    }

    /// An actor or subscription id: a UUID string, normalised to lower case (as upstream writes them).
    static func uuid(_ value: ManagementJSON, at path: String) throws -> String {
        let text = try string(value, at: path)
        guard text.utf8.count == 36, let uuid = UUID(uuidString: text) else {
            throw ManagementDecodeError(.invalidUUID, at: path, "\"\(text.prefix(80))\" is not a UUID (like 123e4567-e89b-12d3-a456-426614174000)")
        }
        return uuid.uuidString.lowercased()
    }

    static func unsigned<T: FixedWidthInteger & UnsignedInteger>(_ value: ManagementJSON, at path: String, as type: T.Type) throws -> T {
        guard case .number(let literal) = value else {
            throw ManagementDecodeError(.wrongType, at: path, "expected a number, found \(value.kindName)")
        }
        guard let number = T(literal) else {
            throw ManagementDecodeError(.outOfRange, at: path, "\(literal) is not an integer 0-\(T.max)")
        }
        return number
    }

    /// An externally tagged variant: a bare string (a variant without fields) or an
    /// object with exactly one key. Returns the tag and its payload (nil for a bare string).
    static func variant(_ value: ManagementJSON, at path: String, of what: String) throws -> (tag: String, payload: ManagementJSON?) {
        switch value {
        case .string(let tag): return (tag, nil)
        case .object(let members) where members.count == 1: return (members[0].key, members[0].value)
        case .object(let members):
            throw ManagementDecodeError(.wrongType, at: path, "a \(what) is an object with exactly one key (its name), found \(members.count) keys")
        default:
            throw ManagementDecodeError(.wrongType, at: path, "expected a \(what) (a name string or a one-key object), found \(value.kindName)")
        }
    }

    /// The path of a variant's payload: `Tag` at the top level, `parent.Tag` below.
    static func join(_ path: String, _ tag: String) -> String {
        path.isEmpty ? tag : "\(path).\(tag)"
    }

    static func unknownVariant(_ tag: String, at path: String, of what: String, expected: [String]) -> ManagementDecodeError {
        ManagementDecodeError(.unknownVariant(tag), at: path,
                              "unknown \(what) \"\(tag.prefix(80))\"; expected one of \(expected.joined(separator: ", "))")
    }

    static func fieldless(_ tag: String, _ payload: ManagementJSON?, at path: String) throws {
        if payload != nil {
            throw ManagementDecodeError(.wrongType, at: join(path, tag), "\(tag) has no fields: send it as the bare string \"\(tag)\"")
        }
    }

    static func needsPayload(_ tag: String, _ payload: ManagementJSON?, at path: String) throws -> ManagementJSON {
        guard let payload else {
            throw ManagementDecodeError(.wrongType, at: join(path, tag), "\(tag) has fields: send it as {\"\(tag)\": {...}}")
        }
        return payload
    }
}
