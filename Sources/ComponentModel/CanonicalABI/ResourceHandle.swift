/// One entry of a handle table: a resource of type `type` with representation `rep`,
/// either owned or borrowed.
///
/// A class because lend counts are shared state: the call that lifted a borrow from this
/// handle keeps a reference and gives the lend back when it ends.
public final class ResourceHandle {
    public let type: RuntimeResourceType
    public let rep: UInt32
    public let isOwned: Bool
    /// For a borrow handle created by lowering a `borrow` parameter: the call it lives in.
    public let borrowScope: CallContext?
    /// How many borrows lent from this handle are still live (only owned or borrowed
    /// handles lent to callees); an owned handle may not be dropped or moved while > 0.
    public internal(set) var lendCount = 0

    init(type: RuntimeResourceType, rep: UInt32, isOwned: Bool, borrowScope: CallContext? = nil) {
        self.type = type
        self.rep = rep
        self.isOwned = isOwned
        self.borrowScope = borrowScope
    }
}
