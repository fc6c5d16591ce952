import WasmEngine

/// The Canonical ABI facts of one value type, computed once: its size and alignment in
/// linear memory (`elem_size`, `alignment`), its flattening (`flatten_type`), and the same
/// facts for its parts (field offsets, case payloads, the joined flat slots of a variant).
///
/// Lifting and lowering walk this tree instead of the `ABIType`, so a call does not
/// recompute layouts (recursively, per value) or despecialize types into fresh arrays.
/// A lifted or lowered function builds the layouts of its parameter and result types
/// once, when it is defined (`ABIFunctionLayout`). A layout is immutable after it is built.
///
/// The kind is a plain enum and the parts are stored properties (rather than enum
/// payloads) so that dispatching on a layout copies and retains nothing.
final class ABILayout {
    /// The type this is the layout of (for messages).
    let type: ABIType
    /// What kind of value it is; says which of the part properties below are set.
    let kind: Kind
    /// The byte size as a list element or field (`elem_size`).
    let size: Int
    /// The alignment in bytes.
    let alignment: Int
    /// The core value types it flattens to.
    let flatTypes: [ValueType]
    /// A list's element layout (a `list<u8>` moves as one byte buffer).
    let element: ABILayout?
    /// A record's or tuple's fields, in order (empty for other kinds).
    let fields: [Field]
    /// A variant's, enum's, option's or result's cases and placement.
    let variant: VariantLayout?
    /// A flags type's labels (empty for other kinds).
    let labels: [String]
    /// The resource of an `own` or `borrow` handle.
    let resource: RuntimeResourceType?
    /// Whether a value of the type can hold a `borrow` handle (lowering one into a callee
    /// needs a per-call scope that counts it).
    let containsBorrow: Bool

    /// A type's kind. `record` and `tuple` share `fields`; the variant-like types
    /// (variant, enum, option, result) are all `variant`, told apart by `VariantLayout.style`.
    enum Kind {
        case bool, s8, u8, s16, u16, s32, u32, s64, u64, f32, f64, char, string
        case list, record, tuple, variant, flags, own, borrow
    }

    /// One field of a record or tuple.
    struct Field {
        let label: String
        let layout: ABILayout
        /// The byte offset from the start of the enclosing record.
        let offset: Int
    }

    private init(_ type: ABIType, _ kind: Kind, size: Int, alignment: Int, flatTypes: [ValueType],
                 element: ABILayout? = nil, fields: [Field] = [], variant: VariantLayout? = nil,
                 labels: [String] = [], resource: RuntimeResourceType? = nil) {
        self.type = type
        self.kind = kind
        self.size = size
        self.alignment = alignment
        self.flatTypes = flatTypes
        self.element = element
        self.fields = fields
        self.variant = variant
        self.labels = labels
        self.resource = resource
        containsBorrow = kind == .borrow || element?.containsBorrow == true
            || fields.contains { $0.layout.containsBorrow }
            || variant?.cases.contains { $0.payload?.containsBorrow == true } == true
    }

    /// The layout of `type` (and of all its parts).
    convenience init(_ type: ABIType) {
        switch type {
        case .bool: self.init(type, .bool, size: 1, alignment: 1, flatTypes: [.i32])
        case .s8: self.init(type, .s8, size: 1, alignment: 1, flatTypes: [.i32])
        case .u8: self.init(type, .u8, size: 1, alignment: 1, flatTypes: [.i32])
        case .s16: self.init(type, .s16, size: 2, alignment: 2, flatTypes: [.i32])
        case .u16: self.init(type, .u16, size: 2, alignment: 2, flatTypes: [.i32])
        case .s32: self.init(type, .s32, size: 4, alignment: 4, flatTypes: [.i32])
        case .u32: self.init(type, .u32, size: 4, alignment: 4, flatTypes: [.i32])
        case .s64: self.init(type, .s64, size: 8, alignment: 8, flatTypes: [.i64])
        case .u64: self.init(type, .u64, size: 8, alignment: 8, flatTypes: [.i64])
        case .f32: self.init(type, .f32, size: 4, alignment: 4, flatTypes: [.f32])
        case .f64: self.init(type, .f64, size: 8, alignment: 8, flatTypes: [.f64])
        case .char: self.init(type, .char, size: 4, alignment: 4, flatTypes: [.i32])
        // Strings and lists are a (pointer, length) pair in a 32-bit memory.
        case .string: self.init(type, .string, size: 8, alignment: 4, flatTypes: [.i32, .i32])
        case .list(let element):
            self.init(type, .list, size: 8, alignment: 4, flatTypes: [.i32, .i32], element: ABILayout(element))
        case .own(let resource): self.init(type, .own, size: 4, alignment: 4, flatTypes: [.i32], resource: resource)
        case .borrow(let resource): self.init(type, .borrow, size: 4, alignment: 4, flatTypes: [.i32], resource: resource)
        case .flags(let labels):
            let bytes = ABIType.flagsByteSize(labelCount: labels.count)
            self.init(type, .flags, size: bytes, alignment: bytes, flatTypes: [.i32], labels: labels)
        case .record(let fields):
            let record = Self.record(fields.map { ($0.label, ABILayout($0.type)) })
            self.init(type, .record, size: record.size, alignment: record.alignment, flatTypes: record.flatTypes,
                      fields: record.fields)
        case .tuple(let types):
            let record = Self.record(types.enumerated().map { (String($0.offset), ABILayout($0.element)) })
            self.init(type, .tuple, size: record.size, alignment: record.alignment, flatTypes: record.flatTypes,
                      fields: record.fields)
        case .variant(let cases):
            self.init(type, VariantLayout(.variant, cases: cases.map { ($0.label, $0.type.map(ABILayout.init)) }))
        case .enum(let labels):
            self.init(type, VariantLayout(.enum, cases: labels.map { ($0, nil) }))
        case .option(let payload):
            self.init(type, VariantLayout(.option, cases: [("none", nil), ("some", ABILayout(payload))]))
        case .result(let ok, let error):
            self.init(type, VariantLayout(.result, cases: [("ok", ok.map(ABILayout.init)),
                                                           ("error", error.map(ABILayout.init))]))
        }
    }

    /// The layout of a variant-like `type` laid out as `variant`.
    private convenience init(_ type: ABIType, _ variant: VariantLayout) {
        self.init(type, .variant, size: variant.size, alignment: variant.alignment,
                  flatTypes: [.i32] + variant.joinedFlatTypes, variant: variant)
    }

    /// The number of core values a value of this type flattens to.
    var flatCount: Int { flatTypes.count }

    /// Lays out record fields in order, each at its alignment; the record is aligned to
    /// its most aligned field and padded to a multiple of that.
    private static func record(_ parts: [(label: String, layout: ABILayout)])
        -> (fields: [Field], size: Int, alignment: Int, flatTypes: [ValueType]) {
        var fields: [Field] = []
        fields.reserveCapacity(parts.count)
        var offset = 0
        var alignment = 1
        var flatTypes: [ValueType] = []
        for part in parts {
            offset = ABIType.alignUp(offset, to: part.layout.alignment)
            fields.append(Field(label: part.label, layout: part.layout, offset: offset))
            offset += part.layout.size
            alignment = max(alignment, part.layout.alignment)
            flatTypes += part.layout.flatTypes
        }
        return (fields, ABIType.alignUp(offset, to: alignment), alignment, flatTypes)
    }
}
