/// The type of a component import or export (`externtype`).
public enum ExternDescriptor: Hashable, Sendable {
    /// 0x00 0x11: a core module of core (module) type index `typeIndex`.
    case coreModule(typeIndex: UInt32)
    /// 0x01: a function of type index `typeIndex`.
    case function(typeIndex: UInt32)
    /// 0x02 (🪙): a value.
    case value(ValueBound)
    /// 0x03: a type, equal to an existing one or a fresh resource type.
    case type(TypeBound)
    /// 0x04: a component of type index `typeIndex`.
    case component(typeIndex: UInt32)
    /// 0x05: an instance of type index `typeIndex`.
    case instance(typeIndex: UInt32)

    /// The sort of the definition this descriptor describes.
    public var sort: ComponentSort {
        switch self {
        case .coreModule: return .core(.module)
        case .function: return .function
        case .value: return .value
        case .type: return .type
        case .component: return .component
        case .instance: return .instance
        }
    }
}

/// What an imported or exported type is known to be.
public enum TypeBound: Hashable, Sendable {
    /// 0x00: the same type as type index `typeIndex`.
    case equal(typeIndex: UInt32)
    /// 0x01: some (abstract, fresh) resource type.
    case subResource
}

/// What an imported or exported value (🪙) is known to be.
public enum ValueBound: Hashable, Sendable {
    /// 0x00: the same value as value index `valueIndex`.
    case equal(valueIndex: UInt32)
    /// 0x01: a value of the given type.
    case type(ComponentValueType)
}
