/// The kinds of core definitions that a core index can refer to (`core:sort`).
///
/// The raw values are the binary opcodes, chosen to match core `externtype`.
/// `type`, `module` and `instance` exist for aliases (and future module linking).
public enum CoreSort: UInt8, Hashable, Sendable, CaseIterable {
    case function = 0x00
    case table = 0x01
    case memory = 0x02
    case global = 0x03
    /// Exception-handling tags.
    case tag = 0x04
    case type = 0x10
    case module = 0x11
    case instance = 0x12
}

/// The kinds of component-level definitions that an index can refer to (`sort`).
public enum ComponentSort: Hashable, Sendable {
    /// A core sort, encoded as `0x00` followed by the core sort's opcode.
    case core(CoreSort)
    /// 0x01: component functions.
    case function
    /// 0x02 (🪙): component values.
    case value
    /// 0x03: component types.
    case type
    /// 0x04: components.
    case component
    /// 0x05: component instances.
    case instance
}

/// A core sort and an index in that sort's index space (`core:sortidx`).
public struct CoreSortIndex: Hashable, Sendable {
    public var sort: CoreSort
    public var index: UInt32

    /// Makes a core sort index.
    public init(sort: CoreSort, index: UInt32) {
        self.sort = sort
        self.index = index
    }
}

/// A component sort and an index in that sort's index space (`sortidx`).
public struct ComponentSortIndex: Hashable, Sendable {
    public var sort: ComponentSort
    public var index: UInt32

    /// Makes a sort index.
    public init(sort: ComponentSort, index: UInt32) {
        self.sort = sort
        self.index = index
    }
}
