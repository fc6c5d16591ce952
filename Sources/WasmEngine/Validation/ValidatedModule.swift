/// A module that `Validator.validate(_:)` has accepted.
///
/// Only a `ValidatedModule` can be instantiated, so execution may rely on every index
/// being in range and every instruction being well-typed. Validation keeps no side
/// tables: the translator derives what it needs (operand slots, jump targets) while it
/// translates a body, lazily, so a large module costs nothing per instruction here.
public struct ValidatedModule: Sendable {
    /// The module exactly as decoded.
    public let module: Module

    /// Marks `module` as valid; only the validator makes these.
    init(module: Module) {
        self.module = module
    }
}
