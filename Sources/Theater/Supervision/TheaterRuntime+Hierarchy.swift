/// The supervision hierarchy as management clients see it (`theater tree`, `inspect`).
extension TheaterRuntime {
    /// The supervisor of actor `id`; nil for a top-level actor or an unknown id.
    public func parent(of id: String) -> String? {
        supervision.child(id)?.parentID ?? actor(id)?.parentID
    }

    /// The ids of the supervised children of actor `id`, in start order (a child being
    /// restarted is listed too: it keeps its id).
    public func children(of id: String) -> [String] {
        supervision.children(of: id).map(\.id)
    }
}
