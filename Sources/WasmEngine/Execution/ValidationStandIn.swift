// TEMPORARY: stand-ins for the validator's contract types (API.md, Validation/), so the
// runtime builds and is tested before the `validator` branch is merged. Deleted in the
// merge commit that brings the real definitions.

/// Stand-in for the validator's per-function side table (see API.md).
public struct FunctionValidationInfo: Sendable {
    public let stackHeights: [UInt32]
    public let maxStackHeight: Int
    public static let unreachable: UInt32 = .max
}

/// Stand-in for a module the validator accepted (see API.md).
public struct ValidatedModule: Sendable {
    public let module: Module
    public let functions: [FunctionValidationInfo]
}
