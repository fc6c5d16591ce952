/// Running functions: `invoke` (call and wait), `start`/`resume`/`abandon` (executions
/// that a host function may suspend), and the bookkeeping that keeps nested and suspended
/// executions on one slot stack and one frame stack.
///
/// Every execution begins at `stackTop` with an *exit record* on the frame stack; the
/// loop returns when the entry function returns into it. A host function that re-enters
/// the store starts a nested execution above its caller's frame. A suspended execution
/// keeps its frames and slots in place (plus a resume record) until `resume`.
extension Store {
    /// Calls a function and returns its results. Throws `Trap` when the execution traps
    /// (including when a host function suspends: use `start` for that), and
    /// `InvocationError` for a bad address or arguments.
    public func invoke(_ function: FunctionAddress, _ arguments: [Value]) throws -> [Value] {
        switch try begin(function, arguments, allowSuspend: false) {
        case .finished(let results): return results
        case .suspended: throw InvocationError("the function suspended during invoke")
        }
    }

    /// Starts a call that host functions may suspend. Returns `.finished` with the results,
    /// or `.suspended` when a host function returned `.suspend`: the Wasm state stays in
    /// the store until `resume` is called with that host call's results. Suspension is
    /// only possible at the outermost level (not inside a host function's nested call).
    public func start(_ function: FunctionAddress, _ arguments: [Value]) throws -> ExecutionState {
        try begin(function, arguments, allowSuspend: hostCallDepth == 0)
    }

    /// Continues a suspended execution, giving the suspended host call its results.
    /// Only the most recently suspended execution can be resumed.
    public func resume(_ suspended: SuspendedExecution, with results: [Value]) throws -> ExecutionState {
        try checkNotRefueling()
        guard let last = suspensions.last, last === suspended else {
            throw InvocationError("this execution is not the most recently suspended one (or was already resumed)")
        }
        guard results.map(\.type) == suspended.resultTypes else {
            throw InvocationError("resume results \(results) do not match the host function's result types \(suspended.resultTypes)")
        }
        suspensions.removeLast()
        for (k, value) in results.enumerated() { suspended.resultsAt[k] = SlotEncoding.encode(value) }
        guard suspended.hasFrames else {
            stackTop = suspended.savedTop
            return .finished(results)
        }
        frameCount -= 1
        let frame = frames[frameCount]
        stackTop = suspended.resumeTop
        let outcome = run(code: frame.code!, pc: 0, fp: frame.fp, function: frame.function,
                          baseDepth: suspended.baseDepth, allowSuspend: hostCallDepth == 0)
        return try finish(outcome, base: suspended.base, resultTypes: suspended.entryResultTypes,
                          baseDepth: suspended.baseDepth, savedTop: suspended.savedTop)
    }

    /// Ends a suspended execution without resuming it (its host call failed, so it
    /// cannot go on): drops its frames and slots, as a trap at the host call would.
    /// Only the most recently suspended execution can be abandoned.
    public func abandon(_ suspended: SuspendedExecution) throws {
        guard let last = suspensions.last, last === suspended else {
            throw InvocationError("this execution is not the most recently suspended one (or was already resumed)")
        }
        suspensions.removeLast()
        frameCount = suspended.baseDepth
        stackTop = suspended.savedTop
    }

    func begin(_ function: FunctionAddress, _ arguments: [Value], allowSuspend: Bool) throws -> ExecutionState {
        try checkNotRefueling()
        guard function.index >= 0, function.index < functionCount else {
            throw InvocationError("no function at address \(function.index)")
        }
        let type = functionTypes[function.index]
        // Compared element by element: every embedder call passes here, so no array is built.
        guard arguments.count == type.parameters.count,
              zip(arguments, type.parameters).allSatisfy({ $0.type == $1 }) else {
            throw InvocationError("arguments \(arguments) do not match the function's parameters \(type.parameters)")
        }
        let base = stackTop
        let savedTop = stackTop
        guard slotLimit - base >= max(type.parameters.count, type.results.count) else {
            throw Trap(reason: .callStackExhausted)
        }
        for (k, value) in arguments.enumerated() { base[k] = SlotEncoding.encode(value) }

        if functions[function.index].isHost {
            let suspendedCall: Bool
            do {
                suspendedCall = try callHost(function.index, argumentsAt: base, caller: -1, callerFrameEnd: base)
            } catch {
                stackTop = savedTop
                throw Trap(reason: error, backtrace: [backtraceFrame(function.index)])
            }
            if suspendedCall {
                guard allowSuspend else {
                    stackTop = savedTop
                    throw InvocationError("the host function suspended where suspension is not allowed")
                }
                let suspended = SuspendedExecution(
                    hostFunction: function, resultTypes: type.results, resultsAt: base, base: base,
                    entryResultTypes: type.results, baseDepth: frameCount, savedTop: savedTop,
                    resumeTop: stackTop, hasFrames: false)
                suspensions.append(suspended)
                return .suspended(suspended)
            }
            stackTop = savedTop
            return .finished((0..<type.results.count).map { SlotEncoding.decode(base[$0], as: type.results[$0]) })
        }

        let baseDepth = frameCount
        guard frameCount < maxCallDepth else { throw Trap(reason: .callStackExhausted) }
        frames[frameCount] = CallFrame(code: nil, fp: base, function: -1, memory: nil)
        frameCount += 1
        let entry: FunctionEntry
        do {
            entry = try enter(function.index, at: base)
        } catch {
            frameCount = baseDepth
            throw Trap(reason: error, backtrace: [backtraceFrame(function.index)])
        }
        let outcome = run(code: entry.code!, pc: 0, fp: base, function: function.index,
                          baseDepth: baseDepth, allowSuspend: allowSuspend)
        return try finish(outcome, base: base, resultTypes: type.results, baseDepth: baseDepth, savedTop: savedTop)
    }

    /// Executions cannot start inside `onFuelExhausted`: the interrupted one's stacks are
    /// not in a state another execution could be stacked on.
    private func checkNotRefueling() throws {
        guard !isRefueling else {
            throw InvocationError("code cannot run in a store from inside its onFuelExhausted hook")
        }
    }

    private func finish(_ outcome: RunOutcome, base: Slots, resultTypes: [ValueType], baseDepth: Int,
                        savedTop: Slots) throws -> ExecutionState {
        switch outcome {
        case .finished:
            stackTop = savedTop
            return .finished((0..<resultTypes.count).map { SlotEncoding.decode(base[$0], as: resultTypes[$0]) })
        case .trapped(let trap):
            stackTop = savedTop
            throw trap
        case .suspended(let host, let resultsAt):
            let suspended = SuspendedExecution(
                hostFunction: FunctionAddress(index: host), resultTypes: functionTypes[host].results,
                resultsAt: resultsAt, base: base, entryResultTypes: resultTypes, baseDepth: baseDepth,
                savedTop: savedTop, resumeTop: stackTop, hasFrames: true)
            suspensions.append(suspended)
            return .suspended(suspended)
        }
    }
}

/// The outcome of `Store.start` and `Store.resume`.
public enum ExecutionState {
    /// The function returned these results.
    case finished([Value])
    /// A host function suspended the execution; resume it with that call's results.
    case suspended(SuspendedExecution)
}

/// A paused execution: all its Wasm state (frames, slots) stays in the store until
/// `Store.resume(_:with:)` continues it. Each suspension can be resumed once.
public final class SuspendedExecution {
    /// The host function whose call suspended.
    public let hostFunction: FunctionAddress
    /// The types `resume` must supply (the host function's results).
    public let resultTypes: [ValueType]

    let resultsAt: Slots
    /// Where the entry function's results will be.
    let base: Slots
    let entryResultTypes: [ValueType]
    let baseDepth: Int
    /// `stackTop` before the execution began (restored when it ends).
    let savedTop: Slots
    /// `stackTop` while suspended (above the suspended frames).
    let resumeTop: Slots
    /// False when the entry function itself was the host function (no Wasm frames).
    let hasFrames: Bool

    init(hostFunction: FunctionAddress, resultTypes: [ValueType], resultsAt: Slots, base: Slots,
         entryResultTypes: [ValueType], baseDepth: Int, savedTop: Slots, resumeTop: Slots, hasFrames: Bool) {
        self.hostFunction = hostFunction
        self.resultTypes = resultTypes
        self.resultsAt = resultsAt
        self.base = base
        self.entryResultTypes = entryResultTypes
        self.baseDepth = baseDepth
        self.savedTop = savedTop
        self.resumeTop = resumeTop
        self.hasFrames = hasFrames
    }
}
