import WasmEngine

/// The two directions of a call across the component boundary.
///
/// - `liftedCall` / `liftedCallAsync`: the host calls a guest export defined by `canon lift`
///   (lower the arguments into the guest, run the core function, lift its results,
///   post-return). The two differ only in how the core function runs (`LiftedCall` holds
///   the shared steps).
/// - `loweredCall`: the guest calls a host import through `canon lower` (lift the core
///   arguments, run the host function, lower its results back; see `LoweredCall`).
public enum CanonicalCall {
    /// Calls the core function `callee` of `instance` as the lifted export of type `type`.
    ///
    /// Arguments beyond `MAX_FLAT_PARAMS` core values go through a `realloc`'d tuple;
    /// results beyond `MAX_FLAT_RESULTS` come back through a returned pointer. The
    /// instance may not be re-entered meanwhile, borrows lowered into it must be dropped
    /// before it returns, and `post-return` (if any) then gets the core results. A trap
    /// poisons the instance: every later call into it fails with "cannot enter".
    public static func liftedCall(_ type: ABIFunctionType, options: CanonicalOptions, instance: CanonicalInstance,
                                  arguments: [ComponentValue],
                                  callee: ([Value]) throws -> [Value]) throws -> [ComponentValue] {
        try liftedCall(ABIFunctionLayout(type), options: options, instance: instance, arguments: arguments,
                       callee: callee)
    }

    /// `liftedCall` with the function type's layouts already computed (once, when the
    /// function was lifted).
    static func liftedCall(_ layout: ABIFunctionLayout, options: CanonicalOptions, instance: CanonicalInstance,
                           arguments: [ComponentValue],
                           callee: ([Value]) throws -> [Value]) throws -> [ComponentValue] {
        let call = try LiftedCall(layout, options: options, instance: instance)
        defer { call.leave() }
        // Everything from lowering the arguments (which may run the guest's realloc) to
        // post-return runs inside the instance: a failure there leaves it poisoned.
        return try instance.runInside { () throws -> [ComponentValue] in
            let flatArguments = try call.lowerArguments(arguments)
            return try call.liftResults(try callee(flatArguments))
        }
    }

    /// `liftedCall` for a core function that runs asynchronously: `callee` may await
    /// (while the guest's execution is suspended) before it returns the core results.
    /// The instance stays entered, so not re-enterable, until the call ends.
    public static func liftedCallAsync(_ type: ABIFunctionType, options: CanonicalOptions,
                                       instance: CanonicalInstance, arguments: [ComponentValue],
                                       callee: ([Value]) async throws -> [Value]) async throws -> [ComponentValue] {
        try await liftedCallAsync(ABIFunctionLayout(type), options: options, instance: instance, arguments: arguments,
                                  callee: callee)
    }

    /// `liftedCallAsync` with the function type's layouts already computed.
    static func liftedCallAsync(_ layout: ABIFunctionLayout, options: CanonicalOptions,
                                instance: CanonicalInstance, arguments: [ComponentValue],
                                callee: ([Value]) async throws -> [Value]) async throws -> [ComponentValue] {
        let call = try LiftedCall(layout, options: options, instance: instance)
        defer { call.leave() }
        return try await instance.runInside { () async throws -> [ComponentValue] in
            let flatArguments = try call.lowerArguments(arguments)
            return try call.liftResults(try await callee(flatArguments))
        }
    }

    /// Runs the host function `callee` for a guest call through `canon lower` with core
    /// arguments `flatArguments`; returns the core results.
    ///
    /// Owned handles in the arguments move out of the guest's table; handles that
    /// borrows were lifted from stay lent (undroppable) until the host returns. When the
    /// results do not fit `MAX_FLAT_RESULTS`, the last core argument is the caller's
    /// return-area pointer and they are stored there.
    public static func loweredCall(_ type: ABIFunctionType, options: CanonicalOptions, instance: CanonicalInstance,
                                   flatArguments: [Value],
                                   callee: ([ComponentValue]) throws -> [ComponentValue]) throws -> [Value] {
        try loweredCall(ABIFunctionLayout(type), options: options, instance: instance, flatArguments: flatArguments,
                        callee: callee)
    }

    /// `loweredCall` with the function type's layouts already computed (once, when the
    /// function was lowered).
    static func loweredCall(_ layout: ABIFunctionLayout, options: CanonicalOptions, instance: CanonicalInstance,
                            flatArguments: [Value],
                            callee: ([ComponentValue]) throws -> [ComponentValue]) throws -> [Value] {
        let call = try LoweredCall(layout, options: options, instance: instance, flatArguments: flatArguments)
        let results: [ComponentValue]
        do {
            results = try callee(call.arguments)
        } catch {
            call.abandon()
            throw error
        }
        return try call.lowerResults(results)
    }
}
