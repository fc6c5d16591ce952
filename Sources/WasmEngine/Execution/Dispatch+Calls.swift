/// Handlers of calls and returns. Wasm-to-Wasm calls stay in the handler chain: frame
/// entry pushes a `CallFrame` on the store's frame stack and jumps to the callee's first
/// unit; `ret` pops it and jumps back. Calls of host functions and of functions that are
/// not translated yet (their `code` is nil) leave the chain for the driver.

/// `call`: `a` = first argument slot, `imm` = callee address.
func handleCall(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                _ context: ContextPointer) -> Exit {
    enterFunction(Int(truncatingIfNeeded: ip.pointee.imm), ip, fp, memory, memorySize, context)
}

/// `call_indirect`: `b` = index slot, `c` = expected type ID, `imm` = TableState pointer.
func handleCallIndirect(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    let table = TableHandlers.cell(i)
    let index = Int(fp.i32(i.b))
    guard index < table.pointee.count else { return trap(.undefinedElement, context) }
    let reference = table.pointee.elements[index]
    guard reference != 0 else { return trap(.uninitializedElement, context) }
    let callee = Int(truncatingIfNeeded: reference &- 1)
    guard context.pointee.functions[callee].typeID == Int(i.c) else {
        return trap(.indirectCallTypeMismatch, context)
    }
    return enterFunction(callee, ip, fp, memory, memorySize, context)
}

/// Frame entry (the in-chain form of `Store.enter`): depth and slot-stack checks, zeroed
/// locals, the return record, and the callee's entry fuel charge folded in (one dispatch
/// less per metered call).
@inline(__always)
func enterFunction(_ callee: Int, _ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer,
                   _ memorySize: UInt64, _ context: ContextPointer) -> Exit {
    let entry = context.pointee.functions + callee
    guard let code = entry.pointee.code else { return leaveForService(ip, fp, context) }
    let top = context.pointee.frameTop
    guard top < context.pointee.frameLimit else { return trap(.callStackExhausted, context) }
    let argumentsAt = fp + Int(ip.pointee.a)
    guard argumentsAt + entry.pointee.frameSize <= context.pointee.slotLimit else {
        return trap(.callStackExhausted, context)
    }
    top.pointee = CallFrame(code: ip + 1, fp: fp, function: context.pointee.function, memory: context.pointee.memory)
    context.pointee.frameTop = top + 1
    context.pointee.function = callee
    var memory = memory, memorySize = memorySize
    let calleeMemory = entry.pointee.memory
    if calleeMemory != context.pointee.memory {
        context.pointee.memory = calleeMemory
        memory = calleeMemory.pointee.base
        memorySize = UInt64(truncatingIfNeeded: calleeMemory.pointee.byteCount)
    }
    var start = code
    if start.pointee.op == .fuel {
        // Out of fuel on entry: the frame stays entered (it holds the call's unit and fp, from
        // which the driver retries the call if `Store.onFuelExhausted` refuels); a plain
        // `trap` keeps this handler's machine code as small as without the hook.
        guard charge(start.pointee.imm, context) else { return trap(.outOfFuel, context) }
        start += 1
    }
    let parameterCount = entry.pointee.parameterCount
    let zeroCount = entry.pointee.localCount &- parameterCount
    if zeroCount > 0 {
        // Up to four locals: zero two or four slots with a couple of stores. Writing past
        // the locals is harmless: a frame has at least one operand slot after them
        // (`frameSize` = locals + deepest stack + 1), and operand slots are written
        // before they are read.
        let locals = argumentsAt + parameterCount
        if zeroCount <= 2 {
            locals[0] = 0
            locals[1] = 0
        } else if zeroCount <= 4 {
            locals.update(repeating: 0, count: 4)
        } else {
            return zeroLocalsAndRun(start, argumentsAt, memory, memorySize, context)
        }
    }
    return next(start, argumentsAt, memory, memorySize, context)
}

/// Zeroes the declared locals (more than four) of the function just entered, then runs it
/// from `ip`. A separate step (a tail call from `enterFunction`): the zeroing is a
/// `memset` call, and inside the call handler it would make every call save registers.
@inline(never)
func zeroLocalsAndRun(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    let entry = context.pointee.functions + context.pointee.function
    let parameterCount = entry.pointee.parameterCount
    zeroSlots(fp + parameterCount, count: entry.pointee.localCount &- parameterCount)
    return next(ip, fp, memory, memorySize, context)
}

/// `ret`: copies `b` results from slot `a` to the frame base and pops the frame.
func handleReturn(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    let count = Int(ip.pointee.b)
    let source = fp + Int(ip.pointee.a)
    var k = 0
    while k < count { fp[k] = source[k]; k &+= 1 }
    return popFrame(fp, context)
}

/// `ret` of no results.
func handleReturn0(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    popFrame(fp, context)
}

/// `ret` of one result.
func handleReturn1(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    fp[0] = fp[Int(ip.pointee.a)]
    return popFrame(fp, context)
}

/// Pops the return record and continues in the caller, or finishes the run at its exit
/// record. The caller's memory is reloaded even when it is the callee's: it may have grown.
@inline(__always)
func popFrame(_ fp: Slots, _ context: ContextPointer) -> Exit {
    let top = context.pointee.frameTop - 1
    context.pointee.frameTop = top
    let frame = top.pointee
    guard let code = frame.code else { return .finished }
    context.pointee.function = frame.function
    let memory = frame.memory.unsafelyUnwrapped
    context.pointee.memory = memory
    return next(code, frame.fp, memory.pointee.base, UInt64(truncatingIfNeeded: memory.pointee.byteCount), context)
}


/// Zeroes `count` slots (out of line: the `memset` call would make its caller save
/// registers on every path).
@inline(never)
func zeroSlots(_ slots: Slots, count: Int) {
    slots.update(repeating: 0, count: count)
}
