import WasmEngine

/// The layouts a call of one function type needs, computed once when a function is lifted
/// or lowered rather than on every call: the layouts of its parameter and result lists
/// and its core signatures on both sides (`flatten_functype`).
final class ABIFunctionLayout {
    let type: ABIFunctionType
    let parameters: ABIValueListLayout
    let results: ABIValueListLayout
    /// The core signature of a `canon lift` of the type.
    let liftSignature: CoreSignature
    /// The core signature of a `canon lower` of the type.
    let lowerSignature: CoreSignature

    /// The layouts of `type`'s parameters and results.
    init(_ type: ABIFunctionType) {
        self.type = type
        parameters = ABIValueListLayout(type.parameters)
        results = ABIValueListLayout(type.results)
        liftSignature = Self.signature(parameters, results, for: .lift)
        lowerSignature = Self.signature(parameters, results, for: .lower)
    }

    /// The core signature of the function on one side: more than `MAX_FLAT_PARAMS` flat
    /// parameters become one pointer; more than `MAX_FLAT_RESULTS` flat results become a
    /// returned pointer (lift) or an out-pointer parameter (lower).
    private static func signature(_ parameters: ABIValueListLayout, _ results: ABIValueListLayout,
                                  for context: FlatteningContext) -> CoreSignature {
        var flatParameters = parameters.flatTypes
        var flatResults = results.flatTypes
        if flatParameters.count > CanonicalABILimits.maxFlatParameters {
            flatParameters = [.i32]
        }
        if flatResults.count > CanonicalABILimits.maxFlatResults {
            switch context {
            case .lift:
                flatResults = [.i32]
            case .lower:
                flatParameters.append(.i32)
                flatResults = []
            }
        }
        return CoreSignature(parameters: flatParameters, results: flatResults)
    }
}

/// The layout of a parameter or result list: each value's layout, their concatenated
/// flattening, and the tuple they are stored as when they do not fit the flat limit.
struct ABIValueListLayout {
    let layouts: [ABILayout]
    let flatTypes: [ValueType]
    /// The list as one tuple: its fields share `layouts`.
    let tuple: ABILayout

    /// The layout of values of `types`, in order.
    init(_ types: [ABIType]) {
        tuple = ABILayout(.tuple(types))
        layouts = tuple.fields.map(\.layout)
        flatTypes = tuple.flatTypes
    }

    /// The number of values.
    var count: Int { layouts.count }

    /// Whether any of the values can hold a `borrow` handle.
    var containsBorrow: Bool { tuple.containsBorrow }
}
