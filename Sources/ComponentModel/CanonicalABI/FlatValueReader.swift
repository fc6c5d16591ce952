import WasmEngine

/// Reads core values one at a time while lifting (the spec's `CoreValueIter`), checking
/// each against the core type the flattening expects.
public struct FlatValueReader {
    public let values: [Value]
    public private(set) var index = 0

    /// A reader positioned at the first of `values`.
    public init(_ values: [Value]) {
        self.values = values
    }

    /// Whether every value was consumed.
    public var isAtEnd: Bool { index == values.count }

    /// The next value, which must have core type `type`.
    public mutating func next(_ type: ValueType) throws -> Value {
        guard index < values.count, values[index].type == type else {
            throw CanonicalABIError.coreSignatureMismatch(expected: [type], actual: index < values.count ? [values[index].type] : [])
        }
        index += 1
        return values[index - 1]
    }

    /// Checks that the next values have the core types `types` (failing as `next` would at
    /// the first that does not), without consuming them.
    func expect(_ types: [ValueType]) throws {
        for (offset, type) in types.enumerated() {
            let position = index + offset
            guard position < values.count, values[position].type == type else {
                throw CanonicalABIError.coreSignatureMismatch(
                    expected: [type], actual: position < values.count ? [values[position].type] : [])
            }
        }
    }

    /// Moves past `count` values (which the caller checked with `expect`).
    mutating func skip(_ count: Int) {
        index += count
    }

    /// The next `i32` as an unsigned integer.
    mutating func nextI32() throws -> UInt32 {
        guard case .i32(let v) = try next(.i32) else { preconditionFailure("checked type") }
        return v
    }

    /// The next `i64` as an unsigned integer.
    mutating func nextI64() throws -> UInt64 {
        guard case .i64(let v) = try next(.i64) else { preconditionFailure("checked type") }
        return v
    }
}
