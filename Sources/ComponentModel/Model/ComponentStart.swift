/// The start definition (section 9, 🪙): call component function `function` with the
/// given value indices as arguments, appending `resultCount` values to the value index
/// space.
public struct ComponentStart: Hashable, Sendable {
    public var function: UInt32
    public var arguments: [UInt32]
    public var resultCount: UInt32

    /// Makes a start definition.
    public init(function: UInt32, arguments: [UInt32], resultCount: UInt32) {
        self.function = function
        self.arguments = arguments
        self.resultCount = resultCount
    }
}

/// A value definition (section 12, 🪙): a value of type `type` whose encoding is
/// `encodedValue`.
///
/// The encoding (`val(t)` in `Binary.md`) depends on what `type` resolves to in the
/// type index space, which only a validator knows, so the decoder keeps the
/// length-delimited bytes uninterpreted.
public struct ComponentValueDefinition: Hashable, Sendable {
    public var type: ComponentValueType
    public var encodedValue: [UInt8]

    /// Makes a value definition.
    public init(type: ComponentValueType, encodedValue: [UInt8]) {
        self.type = type
        self.encodedValue = encodedValue
    }
}
