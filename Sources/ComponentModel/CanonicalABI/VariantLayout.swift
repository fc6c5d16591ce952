import WasmEngine

/// The layout of a variant-like type (a `variant`, or an `enum`, `option` or `result`
/// despecialized to one): its cases, where the discriminant and the payload sit in memory,
/// and the joined flat slots every case's payload shares. (A class, so that handing it
/// around during a call is one reference, not a copy of its arrays.)
final class VariantLayout {
    /// Which of the variant-like types this is (their values are built differently).
    enum Style {
        case variant, `enum`, option, result
    }

    /// One case: its label and its payload's layout, if it has one.
    struct Case {
        let label: String
        let payload: ABILayout?
        /// Whether the payload's flat types are the first joined slots as they are, so
        /// flat lifting and lowering need no bit-casts for this case.
        let flatMatchesJoined: Bool
    }

    let style: Style
    let cases: [Case]
    /// The discriminant's byte size: the smallest of u8, u16, u32 that numbers the cases.
    let discriminantSize: Int
    /// The payload's byte offset from the start of the value.
    let payloadOffset: Int
    let size: Int
    let alignment: Int
    /// The flat slots after the discriminant: per position, the `join` of every case
    /// payload's core type at that position.
    let joinedFlatTypes: [ValueType]

    /// The layout of a variant of `style` with `cases` (label and payload layout each).
    init(_ style: Style, cases: [(label: String, payload: ABILayout?)]) {
        self.style = style
        discriminantSize = ABIType.discriminantSize(caseCount: cases.count)
        var payloadAlignment = 1
        var payloadSize = 0
        var joined: [ValueType] = []
        for c in cases {
            guard let payload = c.payload else { continue }
            payloadAlignment = max(payloadAlignment, payload.alignment)
            payloadSize = max(payloadSize, payload.size)
            for (i, type) in payload.flatTypes.enumerated() {
                if i < joined.count {
                    joined[i] = ABIType.join(joined[i], type)
                } else {
                    joined.append(type)
                }
            }
        }
        alignment = max(discriminantSize, payloadAlignment)
        payloadOffset = ABIType.alignUp(discriminantSize, to: payloadAlignment)
        size = ABIType.alignUp(payloadOffset + payloadSize, to: alignment)
        joinedFlatTypes = joined
        self.cases = cases.map { c in
            let matches = c.payload.map { joined.starts(with: $0.flatTypes) } ?? true
            return Case(label: c.label, payload: c.payload, flatMatchesJoined: matches)
        }
    }
}
