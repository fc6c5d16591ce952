/// The borrow bookkeeping of one synchronous call across the component boundary (the
/// spec's `Task` on the callee side and `Subtask` on the caller side, reduced to what
/// synchronous calls need).
///
/// - As the callee's scope (`canon lift`): every borrow handle lowered into the callee
///   counts in `borrowCount` until the callee drops it; the call may not return while any
///   is left (`borrowsOutlivedCall`).
/// - As the caller's scope (`canon lower`): every handle a borrow was lifted from is
///   lent (its `lendCount` raised) until the call ends, so the caller cannot drop or move
///   it meanwhile.
public final class CallContext {
    /// Borrow handles lowered into the callee and not yet dropped.
    public internal(set) var borrowCount = 0
    private var lenders: [ResourceHandle] = []
    private var ended = false

    /// A fresh call scope.
    public init() {}

    /// Records that a borrow was lifted from `handle` for the duration of this call.
    func lend(_ handle: ResourceHandle) {
        handle.lendCount += 1
        lenders.append(handle)
    }

    /// Ends a callee-side call: traps when borrow handles it received are still live.
    public func checkBorrowsDropped() throws {
        if borrowCount > 0 { throw CanonicalABIError.borrowsOutlivedCall(count: borrowCount) }
    }

    /// Ends a caller-side call: gives every lend back (idempotent).
    public func returnLends() {
        guard !ended else { return }
        ended = true
        for handle in lenders { handle.lendCount -= 1 }
        lenders = []
    }
}
