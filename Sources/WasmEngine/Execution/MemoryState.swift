import Foundation

/// A linear memory's bytes and limits, in a pointer-stable cell owned by the store (see
/// `RuntimeStorage.swift`).
///
/// The bytes live in a `VirtualMemory` reservation: at allocation the memory reserves
/// address space for its effective maximum and commits its initial pages; `grow` commits
/// more of the reservation in place, so growing never copies or zero-fills anything and a
/// page costs memory only once it is touched. When the OS refuses a reservation that
/// large (address space is finite: `ulimit -v`, or tens of thousands of memories), the
/// memory reserves what it needs now and, past that, moves to a new reservation on
/// `grow` (copying what it has). Either way the interpreter sees only `base` and
/// `byteCount`, and accesses are bounds-checked against `byteCount`.
struct MemoryState {
    /// Never nil, even for a zero-sized memory, so loads need no nil check; every access
    /// is bounds checked against `byteCount` first.
    var base: UnsafeMutableRawPointer
    var byteCount: Int
    /// The effective maximum in pages: the declared maximum capped by the store's limits.
    var maxPages: UInt64
    /// The declared maximum, as import matching sees it.
    var declaredMax: UInt64?
    /// The address space reserved at `base` (0: `base` is the shared empty placeholder).
    var reservedBytes: Int
    /// The store's budget, charged for every page this memory gains.
    let budget: UnsafeMutablePointer<MemoryBudget>

    var pageCount: UInt64 { UInt64(byteCount / MemoryState.pageSize) }

    static let pageSize = 65536

    /// Allocates a memory of `pages` zero pages, charged to `budget`. The caller has
    /// checked `pages` against `maxPages` and the budget. Nil when the OS refuses even the
    /// initial pages. `reservingMaximum: false` reserves only the initial pages, as when
    /// the OS refuses the maximum (for tests of that path).
    static func allocate(pages: UInt64, maxPages: UInt64, declaredMax: UInt64?,
                         budget: UnsafeMutablePointer<MemoryBudget>,
                         reservingMaximum: Bool = true) -> UnsafeMutablePointer<MemoryState>? {
        let bytes = Int(pages) * pageSize
        let preferred = reservingMaximum ? Int(maxPages) * pageSize : bytes
        guard let (base, reserved) = reserve(atLeast: bytes, preferring: preferred) else { return nil }
        guard VirtualMemory.commit(base, bytes) else {
            VirtualMemory.release(base, reserved)
            return nil
        }
        budget.pointee.usedPages += pages
        let cell = UnsafeMutablePointer<MemoryState>.allocate(capacity: 1)
        cell.initialize(to: MemoryState(base: base, byteCount: bytes, maxPages: maxPages, declaredMax: declaredMax,
                                        reservedBytes: reserved, budget: budget))
        return cell
    }

    /// Returns the memory's pages to the OS and to the budget, and frees the cell.
    static func release(_ cell: UnsafeMutablePointer<MemoryState>) {
        VirtualMemory.release(cell.pointee.base, cell.pointee.reservedBytes)
        cell.pointee.budget.pointee.usedPages -= cell.pointee.pageCount
        cell.deallocate()
    }

    /// Grows by `delta` pages; returns the old size in pages, or nil (leaving the memory
    /// unchanged) when the result would pass the maximum or the store's budget, or the
    /// OS refuses the pages.
    mutating func grow(by delta: UInt64) -> UInt64? {
        let old = pageCount
        guard delta <= maxPages, old + delta <= maxPages, budget.pointee.admits(delta) else { return nil }
        if delta == 0 { return old }
        let newBytes = Int(old + delta) * MemoryState.pageSize
        if newBytes <= reservedBytes {
            guard VirtualMemory.commit(base + byteCount, newBytes - byteCount) else { return nil }
        } else {
            guard move(toHold: newBytes) else { return nil }
        }
        byteCount = newBytes
        budget.pointee.usedPages += delta
        return old
    }

    /// Moves the bytes to a new reservation with `bytes` committed (the fallback when the
    /// reservation is smaller than the maximum).
    private mutating func move(toHold bytes: Int) -> Bool {
        guard let (newBase, reserved) = MemoryState.reserve(atLeast: bytes, preferring: Int(maxPages) * MemoryState.pageSize)
        else { return false }
        guard VirtualMemory.commit(newBase, bytes) else {
            VirtualMemory.release(newBase, reserved)
            return false
        }
        newBase.copyMemory(from: base, byteCount: byteCount)
        VirtualMemory.release(base, reservedBytes)
        base = newBase
        reservedBytes = reserved
        return true
    }

    /// A reservation of `preferring` bytes, or of `atLeast` bytes when the OS refuses that
    /// many; the empty placeholder when nothing is needed.
    private static func reserve(atLeast: Int, preferring: Int) -> (UnsafeMutableRawPointer, Int)? {
        if preferring > atLeast, let base = VirtualMemory.reserve(preferring) { return (base, preferring) }
        if atLeast == 0 { return (emptyMemoryBase, 0) }
        return VirtualMemory.reserve(atLeast).map { ($0, atLeast) }
    }
}

/// The base of every memory with no reserved bytes: never read or written (every access
/// to a zero-sized memory fails its bounds check), only offset by zero.
nonisolated(unsafe) private let emptyMemoryBase = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16)
