import WasmEngine

extension StringEncoding: CustomStringConvertible {
    /// The encoding's name for messages.
    public var description: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16: return "UTF-16"
        case .latin1OrUTF16: return "latin1+utf16"
        }
    }
}

/// The `canonopt` immediates of a `canon lift` or `canon lower`, with functions and
/// memory already resolved to runtime objects.
public struct CanonicalOptions {
    /// The guest's `realloc(oldPointer, oldSize, alignment, newSize) -> pointer`.
    public typealias Realloc = (UInt32, UInt32, UInt32, UInt32) throws -> UInt32

    public var stringEncoding: StringEncoding
    public var memory: CanonicalMemory?
    public var realloc: Realloc?
    /// Called with the core results of a lifted export after they were lifted.
    public var postReturn: (([Value]) throws -> Void)?

    /// Options; every one is optional, as in the binary format.
    public init(stringEncoding: StringEncoding = .utf8, memory: CanonicalMemory? = nil,
                realloc: Realloc? = nil, postReturn: (([Value]) throws -> Void)? = nil) {
        self.stringEncoding = stringEncoding
        self.memory = memory
        self.realloc = realloc
        self.postReturn = postReturn
    }
}
