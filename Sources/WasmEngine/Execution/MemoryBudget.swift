/// The pages that all memories of one store may hold together
/// (`StoreConfiguration.maxTotalMemoryPages`).
///
/// One budget per store, in its own cell (like the memories' cells), so that
/// `memory.grow` in a handler reaches it through the memory's cell without touching the
/// `Store` object. Every memory of the store, defined or host-allocated, is charged its
/// pages when it is allocated and when it grows.
struct MemoryBudget {
    /// The pages all memories of the store have now.
    var usedPages: UInt64
    /// The most they may have together; `UInt64.max` when the store sets no bound.
    let limitPages: UInt64

    /// Whether `pages` more fit in the budget.
    func admits(_ pages: UInt64) -> Bool {
        pages <= limitPages &- usedPages
    }
}
