/// The parts of calling that run outside the handler chain: frame entry for the entry
/// points (`Store.begin`; calls inside the chain use `enterFunction`), indirect call
/// resolution and the bridge to host functions for the driver (`Store.service`), and
/// trap unwinding.
extension Store {
    /// Prepares a Wasm function's frame at `fp` (its arguments are already there):
    /// translates it on first call, checks the call depth and the slot stack, zeroes
    /// the declared locals. The caller pushes the return record.
    @inline(__always)
    func enter(_ callee: Int, at fp: Slots) throws(TrapReason) -> FunctionEntry {
        guard frameCount < maxCallDepth else { throw .callStackExhausted }
        var entry = functions[callee]
        if entry.code == nil { entry = translate(callee) }
        guard slotLimit - fp >= entry.frameSize else { throw .callStackExhausted }
        let localsToZero = entry.localCount &- entry.parameterCount
        if localsToZero > 0 {
            (fp + entry.parameterCount).update(repeating: 0, count: localsToZero)
        }
        return entry
    }

    /// The function a `call_indirect` calls: table bounds, null, and type checks.
    @inline(__always)
    func resolveIndirect(_ i: CodeUnit, _ fp: Slots) throws(TrapReason) -> Int {
        let table = TableHandlers.cell(i)
        let index = Int(fp.i32(i.b))
        guard index < table.pointee.count else { throw .undefinedElement }
        let reference = table.pointee.elements[index]
        guard reference != 0 else { throw .uninitializedElement }
        let callee = Int(truncatingIfNeeded: reference &- 1)
        guard functions[callee].typeID == Int(i.c) else { throw .indirectCallTypeMismatch }
        return callee
    }

    /// Calls host function `callee` with the arguments at `argumentsAt` and writes its
    /// results there. Returns true when the host asked to suspend (results come later).
    /// While the host runs, executions it starts use the slots above `callerFrameEnd`.
    @inline(never)
    func callHost(_ callee: Int, argumentsAt: Slots, caller: Int, callerFrameEnd: Slots) throws(TrapReason) -> Bool {
        let type = functionTypes[callee]
        var arguments: [Value] = []
        arguments.reserveCapacity(type.parameters.count)
        for (k, parameter) in type.parameters.enumerated() {
            arguments.append(SlotEncoding.decode(argumentsAt[k], as: parameter))
        }
        let instance = caller >= 0 && !functions[caller].isHost ? instances[functions[caller].instance] : nil
        let savedTop = stackTop
        stackTop = max(callerFrameEnd, argumentsAt + max(type.parameters.count, type.results.count))
        hostCallDepth += 1
        let result: HostResult
        do {
            result = try hostBodies[functions[callee].index](HostCallContext(store: self, instance: instance), arguments)
        } catch let trap as Trap {
            hostCallDepth -= 1
            stackTop = savedTop
            throw trap.reason
        } catch {
            hostCallDepth -= 1
            stackTop = savedTop
            throw .host(String(describing: error))
        }
        hostCallDepth -= 1
        switch result {
        case .values(let values):
            stackTop = savedTop
            guard values.map(\.type) == type.results else {
                throw .host("host function returned \(values) but its type is \(type)")
            }
            for (k, value) in values.enumerated() { argumentsAt[k] = SlotEncoding.encode(value) }
            return false
        case .suspend:
            // The slots above the caller stay reserved until the execution is resumed.
            return true
        }
    }

    /// Builds the trap (with a backtrace, innermost first) and pops the run's frames.
    @inline(never)
    func unwind(_ reason: TrapReason, function: Int, baseDepth: Int) -> Trap {
        var backtrace = [backtraceFrame(function)]
        var depth = frameCount - 1
        while depth > baseDepth {
            if frames[depth].code != nil { backtrace.append(backtraceFrame(frames[depth].function)) }
            depth -= 1
        }
        frameCount = baseDepth
        return Trap(reason: reason, backtrace: backtrace)
    }

    func backtraceFrame(_ function: Int) -> BacktraceFrame {
        let address = FunctionAddress(index: function)
        guard function >= 0, function < functionCount, !functions[function].isHost else {
            return BacktraceFrame(address: address, functionIndex: nil, name: nil)
        }
        let instance = instances[functions[function].instance]
        let index = instance.importedFunctionCount + functions[function].index
        return BacktraceFrame(address: address, functionIndex: index,
                              name: instance.module.names?.functionNames[UInt32(index)])
    }
}
