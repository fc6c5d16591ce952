/// A module that `Validator.validate(_:)` has accepted, with what validation learnt about
/// each function body.
///
/// Only a `ValidatedModule` can be instantiated, so execution may rely on every index
/// being in range and every instruction being well-typed.
public struct ValidatedModule: Sendable {
    /// The module exactly as decoded.
    public let module: Module
    /// One entry per function *defined* by the module, with the same indexing as
    /// `module.code` and `module.functions` (imported functions have no entry).
    public let functions: [FunctionValidationInfo]

    /// Pairs a module with its per-function side tables; only the validator makes these.
    init(module: Module, functions: [FunctionValidationInfo]) {
        self.module = module
        self.functions = functions
    }
}
