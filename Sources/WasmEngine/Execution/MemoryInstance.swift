/// A host's view of one linear memory: bounds-checked byte access, size and growth.
///
/// Out-of-range accesses throw a `Trap` with reason `.outOfBoundsMemoryAccess`, so a host
/// function that passes them on makes the calling Wasm code trap as a Wasm access would.
/// The view stays valid across growth (it reads the memory's current base every time).
public struct MemoryInstance {
    /// Keeps the store (which owns the memory) alive as long as the view exists.
    let store: Store
    let cell: UnsafeMutablePointer<MemoryState>

    /// The size in 64 KiB pages.
    public var pageCount: UInt64 { cell.pointee.pageCount }

    /// The size in bytes.
    public var byteCount: Int { cell.pointee.byteCount }

    /// The memory's type as import matching sees it (current size as the minimum).
    public var type: MemoryType {
        MemoryType(limits: Limits(min: pageCount, max: cell.pointee.declaredMax))
    }

    func checkRange(_ offset: Int, _ count: Int) throws {
        guard offset >= 0, count >= 0, offset <= byteCount, count <= byteCount - offset else {
            throw Trap(reason: .outOfBoundsMemoryAccess)
        }
    }

    /// Copies `count` bytes starting at `offset` out of the memory.
    public func read(at offset: Int, count: Int) throws -> [UInt8] {
        try checkRange(offset, count)
        return [UInt8](UnsafeRawBufferPointer(start: cell.pointee.base + offset, count: count))
    }

    /// Copies `bytes` into the memory starting at `offset`.
    public func write(_ bytes: [UInt8], at offset: Int) throws {
        try checkRange(offset, bytes.count)
        bytes.withUnsafeBytes { source in
            guard let start = source.baseAddress else { return }
            (cell.pointee.base + offset).copyMemory(from: start, byteCount: bytes.count)
        }
    }

    /// Reads a little-endian `UInt32` at `offset`.
    public func loadUInt32(at offset: Int) throws -> UInt32 {
        try checkRange(offset, 4)
        return UInt32(littleEndian: cell.pointee.base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// Writes a little-endian `UInt32` at `offset`.
    public func storeUInt32(_ value: UInt32, at offset: Int) throws {
        try checkRange(offset, 4)
        cell.pointee.base.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt32.self)
    }

    /// Reads a little-endian `UInt64` at `offset`.
    public func loadUInt64(at offset: Int) throws -> UInt64 {
        try checkRange(offset, 8)
        return UInt64(littleEndian: cell.pointee.base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Writes a little-endian `UInt64` at `offset`.
    public func storeUInt64(_ value: UInt64, at offset: Int) throws {
        try checkRange(offset, 8)
        cell.pointee.base.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt64.self)
    }

    /// Gives direct access to `count` bytes at `offset` for the duration of `body`
    /// (for bulk transfers; the buffer must not escape, growth may move it).
    public func withUnsafeMutableBytes<R>(at offset: Int, count: Int,
                                          _ body: (UnsafeMutableRawBufferPointer) throws -> R) throws -> R {
        try checkRange(offset, count)
        return try body(UnsafeMutableRawBufferPointer(start: cell.pointee.base + offset, count: count))
    }

    /// Grows the memory by `pages`; returns the previous size in pages, or nil when the
    /// memory's maximum, the store's limit per memory or its total limit for all memories
    /// would be exceeded. The new pages read as zero and cost nothing until touched.
    @discardableResult
    public func grow(by pages: UInt64) -> UInt64? {
        cell.pointee.grow(by: pages)
    }
}
