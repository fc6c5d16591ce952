/// An alias definition (section 6, and the `alias` declarator of component and
/// instance types): a new index in `sort`'s index space for something defined
/// elsewhere.
public struct Alias: Hashable, Sendable {
    /// The index space the alias adds to.
    public var sort: ComponentSort
    /// What is aliased.
    public var target: AliasTarget

    /// Makes an alias.
    public init(sort: ComponentSort, target: AliasTarget) {
        self.sort = sort
        self.target = target
    }
}

/// What an alias refers to.
public enum AliasTarget: Hashable, Sendable {
    /// 0x00: export `name` of component instance `instance`.
    case export(instance: UInt32, name: String)
    /// 0x01: export `name` of core instance `instance` (the alias's sort is a core sort).
    case coreExport(instance: UInt32, name: String)
    /// 0x02: definition `index` of the enclosing scope `count` levels out (0 = this
    /// scope). Only `core module`, `core type`, `type` and `component` sorts may be
    /// aliased this way; the decoder enforces that.
    case outer(count: UInt32, index: UInt32)
}
