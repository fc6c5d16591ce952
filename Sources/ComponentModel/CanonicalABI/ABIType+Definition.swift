/// Conversion from the component AST's value types to the resolved `ABIType` tree.
///
/// The caller (the component validator or instantiator) supplies how to resolve a type
/// index to an already converted `ABIType` and a resource type index to its runtime
/// `RuntimeResourceType`; this only maps structure and rejects out-of-scope features.
extension ABIType {
    /// Converts a `valtype` (primitive or type index).
    public init(_ type: ComponentValueType, resolve: (UInt32) throws -> ABIType) throws {
        switch type {
        case .primitive(let primitive): self = try ABIType(primitive)
        case .index(let index): self = try resolve(index)
        }
    }

    /// Converts a primitive value type.
    public init(_ primitive: PrimitiveValueType) throws {
        switch primitive {
        case .bool: self = .bool
        case .s8: self = .s8
        case .u8: self = .u8
        case .s16: self = .s16
        case .u16: self = .u16
        case .s32: self = .s32
        case .u32: self = .u32
        case .s64: self = .s64
        case .u64: self = .u64
        case .f32: self = .f32
        case .f64: self = .f64
        case .char: self = .char
        case .string: self = .string
        case .errorContext: throw CanonicalABIError.unsupportedType("error-context")
        }
    }

    /// Converts a defined value type; `resolve` maps type indices inside it, `resource`
    /// maps the resource type index of `own` / `borrow`.
    public init(_ defined: DefinedValueType, resolve: (UInt32) throws -> ABIType,
                resource: (UInt32) throws -> RuntimeResourceType) throws {
        func convert(_ type: ComponentValueType) throws -> ABIType { try ABIType(type, resolve: resolve) }
        if let feature = defined.unsupportedFeature { throw CanonicalABIError.unsupportedType(feature) }
        switch defined {
        case .primitive(let primitive): self = try ABIType(primitive)
        case .record(let fields): self = .record(try fields.map { ABIField($0.label, try convert($0.type)) })
        case .variant(let cases): self = .variant(try cases.map { ABICase($0.label, try $0.payload.map(convert)) })
        case .list(let element): self = .list(try convert(element))
        case .tuple(let types): self = .tuple(try types.map(convert))
        case .flags(let labels): self = .flags(labels)
        case .enum(let labels): self = .enum(labels)
        case .option(let type): self = .option(try convert(type))
        case .result(let ok, let error): self = .result(ok: try ok.map(convert), error: try error.map(convert))
        case .own(let index): self = .own(try resource(index))
        case .borrow(let index): self = .borrow(try resource(index))
        case .fixedSizeList, .stream, .future, .map:
            throw CanonicalABIError.unsupportedType(defined.unsupportedFeature ?? "\(defined)")
        }
    }
}
