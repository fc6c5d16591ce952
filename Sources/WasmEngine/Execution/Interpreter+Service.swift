/// The driver's side of the rare operations that handlers leave to it (`Exit.service`):
/// the ones that need the `Store` object itself, which handlers must not touch (it is a
/// class; reference counting would break their tail calls).
extension Store {
    /// Performs the unit at `context.ip`, then points `context.ip` at where the chain
    /// continues. Returns an outcome only when the run ends here (a host function
    /// suspended it).
    func service(_ context: ContextPointer, allowSuspend: Bool) throws(TrapReason) -> RunOutcome? {
        let ip = context.pointee.ip
        let fp = context.pointee.fp
        let function = context.pointee.function
        let i = ip.pointee
        switch i.op {
        case .call, .callIndirect:
            // The call handlers come here when the callee has no code: a host function, or
            // a Wasm function not translated yet (then the call unit simply runs again).
            let callee = i.op == .call ? Int(truncatingIfNeeded: i.imm) : try resolveIndirect(i, fp)
            if !functions[callee].isHost {
                _ = translate(callee)
                return nil
            }
            let argumentsAt = fp + Int(i.a)
            let depth = context.pointee.frameTop - frames
            frameCount = depth
            fuel = context.pointee.fuel
            let suspends = try callHost(callee, argumentsAt: argumentsAt, caller: function,
                                        callerFrameEnd: fp + functions[function].frameSize)
            // The host may have run Wasm code, refueled, or added functions.
            context.pointee.fuel = fuel
            context.pointee.functions = functions
            if suspends {
                guard allowSuspend else {
                    throw .host("a host function suspended inside invoke or a nested call; use Store.start at the outermost level")
                }
                frames[depth] = CallFrame(code: ip + 1, fp: fp, function: function, memory: context.pointee.memory)
                context.pointee.frameTop += 1
                frameCount = depth + 1
                return .suspended(host: callee, resultsAt: argumentsAt)
            }
        case .tableCopy: try tableCopy(i, fp)
        case .tableInit: try tableInit(i, fp, function: function)
        case .elemDrop: elemDrop(i.a, function: function)
        case .memoryInit: try memoryInit(i, fp, function: function)
        case .memoryCopyBetween: try memoryCopy(i, fp)
        case .dataDrop: dataDrop(i.a, function: function)
        default: preconditionFailure("\(i.op) is not left to the driver")
        }
        context.pointee.ip = ip + 1
        return nil
    }
}
