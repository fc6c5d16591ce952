import Foundation

/// The raw, pointer-stable records behind store addresses.
///
/// Each memory, table and global lives in its own heap cell allocated by the store and
/// freed when the store goes away, so translated code can embed the cell's address in an
/// instruction immediate and the interpreter reaches it without dictionary lookups,
/// array bounds checks or reference counting:
///
/// ```
/// Store ──owns──> MemoryState* ──> base (reserved address space, see MemoryState.swift)
///       ──owns──> MemoryBudget*  (the pages all memories may have together)
///       ──owns──> TableState*  ──> elements (UInt64 slots, reallocated on grow)
///       ──owns──> UInt64*        (one per global: its current value in slot encoding)
///       ──owns──> FunctionEntry[] (indexed by FunctionAddress.index)
/// ```

/// A table's elements (slot-encoded references) and limits.
struct TableState {
    var elements: UnsafeMutablePointer<UInt64>
    var count: Int
    /// The effective maximum: the declared maximum capped by the store's limit.
    var maxCount: UInt64
    var declaredMax: UInt64?
    let elementType: ValueType

    static func allocate(count: Int, initial: UInt64, type: TableType, cap: UInt64) -> UnsafeMutablePointer<TableState> {
        let elements = UnsafeMutablePointer<UInt64>.allocate(capacity: max(count, 1))
        elements.initialize(repeating: initial, count: max(count, 1))
        let cell = UnsafeMutablePointer<TableState>.allocate(capacity: 1)
        cell.initialize(to: TableState(
            elements: elements, count: count,
            maxCount: min(type.limits.max ?? UInt64(UInt32.max), cap),
            declaredMax: type.limits.max, elementType: type.elementType))
        return cell
    }

    /// Grows by `delta` elements set to `value`; returns the old size, or nil when the
    /// result would pass the maximum.
    mutating func grow(by delta: UInt64, value: UInt64) -> UInt64? {
        let old = UInt64(count)
        guard delta <= maxCount, old + delta <= maxCount else { return nil }
        if delta == 0 { return old }
        let newCount = count + Int(delta)
        let newElements = UnsafeMutablePointer<UInt64>.allocate(capacity: newCount)
        newElements.moveInitialize(from: elements, count: count)
        (newElements + count).initialize(repeating: value, count: Int(delta))
        elements.deallocate()
        elements = newElements
        count = newCount
        return old
    }
}

/// What the interpreter needs to call a function, by function address.
struct FunctionEntry {
    /// The translated code, nil until the function is first called (lazy translation).
    var code: UnsafeMutablePointer<CodeUnit>?
    /// Slots the frame needs: parameters, locals and the deepest operand stack.
    var frameSize: Int
    /// Parameters plus declared locals.
    var localCount: Int
    var parameterCount: Int
    var resultCount: Int
    /// The interned function type, compared by `call_indirect`.
    var typeID: Int
    /// The owning instance's memory 0 (the store's empty memory when it has none).
    var memory: UnsafeMutablePointer<MemoryState>
    /// Index into `Store.instances`, or -1 for a host function.
    var instance: Int
    /// The defined-function index within the instance's module, or the host body index.
    var index: Int

    var isHost: Bool { instance < 0 }
}
