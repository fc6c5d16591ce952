/// Limits and metering that make executions in a store deterministic and bounded.
public struct StoreConfiguration: Sendable {
    /// The instruction budget of the store; `nil` runs unmetered (and costs nothing).
    /// Fuel is charged per straight-line block of Wasm instructions when the block starts,
    /// one unit per instruction, so the same code and inputs always stop at the same point.
    public var fuel: UInt64?
    /// The deepest Wasm call nesting allowed; going deeper traps "call stack exhausted".
    public var maxCallDepth: Int
    /// The largest size in 64 KiB pages any memory of the store may have (at most 65536).
    public var maxMemoryPages: UInt64
    /// The most 64 KiB pages all memories of the store may have together (defined by
    /// modules or allocated by the host), or nil for no store-wide bound. Instantiating a
    /// module whose memories would pass it fails with a `LinkError`; `memory.grow` past it
    /// returns -1 and `MemoryInstance.grow` nil. It also caps each memory's maximum.
    public var maxTotalMemoryPages: UInt64?
    /// The largest number of elements any table of the store may have.
    public var maxTableElements: UInt64
    /// How many 64-bit value slots (locals and operands of all active frames) the store's
    /// stack holds; running out also traps "call stack exhausted".
    public var stackSlots: Int

    /// A configuration; the defaults suit ordinary programs: unmetered, 10,000 nested
    /// calls, 4 GiB memories (no bound on their total), 10 million table elements,
    /// 1 Mi stack slots (8 MiB).
    public init(
        fuel: UInt64? = nil,
        maxCallDepth: Int = 10_000,
        maxMemoryPages: UInt64 = 65536,
        maxTotalMemoryPages: UInt64? = nil,
        maxTableElements: UInt64 = 10_000_000,
        stackSlots: Int = 1 << 20
    ) {
        self.fuel = fuel
        self.maxCallDepth = max(1, maxCallDepth)
        self.maxMemoryPages = min(maxMemoryPages, 65536)
        self.maxTotalMemoryPages = maxTotalMemoryPages
        self.maxTableElements = min(maxTableElements, UInt64(UInt32.max))
        self.stackSlots = max(1024, stackSlots)
    }
}
