/// A component instance's table of resource handles: the `i32` handles core code sees are
/// indices into it.
///
/// Index 0 is reserved (never valid) so guests can use it as a null sentinel; freed slots
/// are reused last-freed-first, as the spec's free list does, so handle numbers are
/// deterministic. The length is capped at 2^28 - 1 so the top 4 bits of a handle are free
/// for guest tagging.
public struct HandleTable {
    /// The spec's `Table.MAX_LENGTH`.
    public static let maxLength = (1 << 28) - 1

    private var entries: [ResourceHandle?] = [nil]
    private var free: [Int] = []

    /// An empty table.
    public init() {}

    /// The number of live handles.
    public var liveCount: Int { entries.count - 1 - free.count }

    /// The handle at `index`, or `unknownHandle` when out of range or a hole.
    public func get(_ index: UInt32) throws -> ResourceHandle {
        let i = Int(index)
        guard i < entries.count, let handle = entries[i] else {
            throw CanonicalABIError.unknownHandle(index)
        }
        return handle
    }

    /// Stores `handle` in a free slot (or a new one) and returns its index.
    public mutating func add(_ handle: ResourceHandle) throws -> UInt32 {
        if let i = free.popLast() {
            entries[i] = handle
            return UInt32(i)
        }
        let i = entries.count
        guard i <= HandleTable.maxLength else { throw CanonicalABIError.handleTableFull }
        entries.append(handle)
        return UInt32(i)
    }

    /// Removes and returns the handle at `index`.
    @discardableResult
    public mutating func remove(_ index: UInt32) throws -> ResourceHandle {
        let handle = try get(index)
        entries[Int(index)] = nil
        free.append(Int(index))
        return handle
    }
}
