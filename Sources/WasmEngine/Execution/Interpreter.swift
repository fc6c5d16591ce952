/// The interpreter: tail-call threaded dispatch over a function's internal code.
///
/// Every `CodeUnit` carries the function that executes it (its *handler*, assigned by the
/// translator). A handler does its unit's work and then calls the next unit's handler in
/// tail position (`next`), which the optimizer compiles to a plain `jmp`: execution flows
/// from handler to handler without returning, and the interpreter state stays in the
/// argument registers the whole way instead of being spilled around one big loop:
///
/// ```
/// handler(ip, fp, memory, memorySize, context) -> Exit
///   ip       the unit being executed       fp          slot 0 of the running frame
///   memory   base of the running memory    memorySize  its size in bytes
///   context  the run's `ExecutionContext` (frame stack, fuel, running function, ...)
/// ```
///
/// Five arguments, so that the System V argument registers leave four scratch registers
/// for the handlers' own work (fuel, charged once per block, lives in the context).
///
/// Calls and returns stay in the chain: a call pushes a `CallFrame` (the caller's next
/// unit, fp, function and memory) on the store's frame stack and continues at the callee's
/// first unit; `ret` pops it. The callee's frame starts at the caller's first argument
/// slot, so arguments are never copied, and results are left at the frame's base, which
/// is exactly where the caller expects them.
///
/// ```
/// slots: ... | caller: params locals operands[args...] |
///                                          ^ callee fp: params locals operands |
/// ```
///
/// A handler *leaves the chain* by returning an `Exit` to the driver loop (`run`): when
/// the run finishes, on a trap (the reason goes to `ExecutionContext.trap`), and for the
/// rare operations that need the `Store` object (host calls, first-call translation,
/// segment and cross-table operations; see `Interpreter+Service.swift`). The driver does
/// the work and re-enters the chain. Handlers never hold class references, never throw
/// and never call anything after `next`, so the optimizer can make every `next` a jump.
///
/// What keeps a handler's hot path down to its work plus `test`/`jmp *` (check with
/// `objdump -d --no-show-raw-insn .build/release/theater-bench` after changing one):
/// no real call on the hot path (a call makes it save registers and, since builds keep
/// frame pointers, set up a frame): traps tail-call `trap`, and the one cold real call
/// (`missingHandler` in `next`) is where the frame setup goes; one `next` per handler
/// where possible (`jump`); and no two handlers with identical machine code (LLVM merges
/// them into one body reached through an extra jump; `HandlerTable` shares them instead).
///
/// Unoptimized (debug) builds do not turn calls into jumps, so there every handler
/// returns `.proceed` to the driver instead of chaining, and long runs cannot overflow
/// the native stack. The handlers live by family in `Dispatch+*.swift`, built on the
/// operation semantics in `NumericHandlers+*`, `MemoryHandlers` and `TableHandlers`.
typealias Handler = @convention(thin) (
    _ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
    _ context: ContextPointer
) -> Exit

/// The unit being executed.
typealias CodePointer = UnsafeMutablePointer<CodeUnit>

/// The run's `ExecutionContext`.
typealias ContextPointer = UnsafeMutablePointer<ExecutionContext>

/// Why a handler returned to the driver loop instead of continuing the chain.
enum Exit {
    /// Debug builds only: continue at `context.ip` (see `next`).
    case proceed
    /// The run's entry function returned (into its exit record).
    case finished
    /// A trap; the reason is in `context.trap`.
    case trapped
    /// The unit at `context.ip` needs the driver (see `Store.service`).
    case service
}

/// The state of one run that handlers reach through a pointer: the store's function
/// table and frame stack (as raw pointers: handlers must not touch class references),
/// the running function and memory, and where the chain stopped when it leaves.
struct ExecutionContext {
    var functions: UnsafeMutablePointer<FunctionEntry>
    let frames: UnsafeMutablePointer<CallFrame>
    /// The first free entry of the frame stack (`frames + frameCount` while running).
    var frameTop: UnsafeMutablePointer<CallFrame>
    /// `frames + maxCallDepth`: a call needs `frameTop` below it.
    let frameLimit: UnsafeMutablePointer<CallFrame>
    let slotLimit: Slots
    /// The running function's address.
    var function: Int
    /// The running function's memory cell; handlers' `memory`/`memorySize` mirror it.
    var memory: UnsafeMutablePointer<MemoryState>
    /// Where the chain stopped (written when a handler leaves it).
    var ip: CodePointer
    var fp: Slots
    /// The fuel left (metered stores; the store's `fuel` while running).
    var fuel: UInt64
    var trap: TrapReason = .unreachable
    /// Set with an `.outOfFuel` trap at a `fuel` unit (`ip` is that unit); clear when it
    /// is a call's entry charge that failed (see `Store.refuel`).
    var outOfFuelAtUnit = false
}

/// Continues with the handler of unit `ip`: a tail call in optimized builds, a return to
/// the driver (with the state saved in the context) in debug builds.
@inline(__always)
func next(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
          _ context: ContextPointer) -> Exit {
    #if DEBUG
    context.pointee.ip = ip
    context.pointee.fp = fp
    return .proceed
    #else
    // The nil check (never true: the translator assigns every handler) is there for the
    // machine code: builds keep frame pointers, and a handler whose only path ends in the
    // tail call sets up a frame on it; with a cold path that makes a real call, the frame
    // setup moves there and the hot path is a compare instead of a push and a pop.
    guard let handler = ip.pointee.handler else { missingHandler() }
    return handler(ip, fp, memory, memorySize, context)
    #endif
}

/// Stops on a unit without a handler (a translator bug).
@inline(never)
func missingHandler() -> Never {
    preconditionFailure("internal code unit without a handler")
}

/// Leaves the chain with a trap.
@inline(never)
func trap(_ reason: TrapReason, _ context: ContextPointer) -> Exit {
    context.pointee.trap = reason
    return .trapped
}

/// Leaves the chain with an `.outOfFuel` trap at `fuel` unit `ip`, keeping `ip` and `fp`
/// so that the driver can run the unit again once `Store.onFuelExhausted` has refueled.
@inline(never)
func outOfFuel(_ ip: CodePointer, _ fp: Slots, _ context: ContextPointer) -> Exit {
    context.pointee.ip = ip
    context.pointee.fp = fp
    context.pointee.outOfFuelAtUnit = true
    context.pointee.trap = .outOfFuel
    return .trapped
}

/// Leaves the chain so that the driver performs unit `ip` (see `Store.service`).
@inline(never)
func leaveForService(_ ip: CodePointer, _ fp: Slots, _ context: ContextPointer) -> Exit {
    context.pointee.ip = ip
    context.pointee.fp = fp
    return .service
}

/// The signed offset a branch field holds (stored biased by 2^31, see
/// `Translator.makeBranchTargetsRelative`, so that fetching it needs no sign extension).
@inline(__always) func branchOffset(_ field: UInt32) -> Int { Int(field) &- 0x8000_0000 }

extension Store {
    /// How a run ended.
    enum RunOutcome {
        /// The entry function returned; its results are at its frame base.
        case finished
        /// A host function suspended; the resume record is on the frame stack and the
        /// host's results go to `resultsAt` when resumed.
        case suspended(host: Int, resultsAt: Slots)
        case trapped(Trap)
    }

    /// Runs from `pc` in `function` until the frame stack returns to `baseDepth` (the
    /// exit record of this run is at index `baseDepth`).
    func run(code: UnsafeMutablePointer<CodeUnit>, pc: Int, fp: Slots,
             function: Int, baseDepth: Int, allowSuspend: Bool) -> RunOutcome {
        var context = ExecutionContext(
            functions: functions, frames: frames, frameTop: frames + frameCount, frameLimit: frames + maxCallDepth,
            slotLimit: slotLimit, function: function, memory: functions[function].memory,
            ip: code + pc, fp: fp, fuel: fuel)
        return withUnsafeMutablePointer(to: &context) { context in
            drive(context, baseDepth: baseDepth, allowSuspend: allowSuspend)
        }
    }

    /// The driver loop: enters the chain at `context.ip` and handles whatever made it
    /// leave, until the run finishes, traps or suspends.
    private func drive(_ context: ContextPointer, baseDepth: Int, allowSuspend: Bool) -> RunOutcome {
        while true {
            let ip = context.pointee.ip
            let memory = context.pointee.memory
            let exit = ip.pointee.handler.unsafelyUnwrapped(
                ip, context.pointee.fp, memory.pointee.base, UInt64(truncatingIfNeeded: memory.pointee.byteCount),
                context)
            switch exit {
            case .proceed:
                continue
            case .finished:
                frameCount = context.pointee.frameTop - frames
                fuel = context.pointee.fuel
                return .finished
            case .trapped:
                if case .outOfFuel = context.pointee.trap, refuel(context) { continue }
                frameCount = context.pointee.frameTop - frames
                fuel = context.pointee.fuel
                return .trapped(unwind(context.pointee.trap, function: context.pointee.function, baseDepth: baseDepth))
            case .service:
                do throws(TrapReason) {
                    if let outcome = try service(context, allowSuspend: allowSuspend) { return outcome }
                } catch {
                    frameCount = context.pointee.frameTop - frames
                    fuel = context.pointee.fuel
                    return .trapped(unwind(error, function: context.pointee.function, baseDepth: baseDepth))
                }
            }
        }
    }

    /// Asks `onFuelExhausted` for fuel after a charge failed. When it gives some, prepares
    /// the context to make the charge again and returns true: a `fuel` unit (see
    /// `outOfFuel`) simply runs again; after a failed entry charge, the callee's frame is
    /// left again (the charge comes first in `enterFunction`, so nothing else of the entry
    /// happened) and the call unit, found through that frame's return record, runs again.
    private func refuel(_ context: ContextPointer) -> Bool {
        guard let hook = onFuelExhausted else { return false }
        fuel = context.pointee.fuel
        isRefueling = true
        let added = hook(self)
        isRefueling = false
        guard added > 0 else {
            context.pointee.fuel = fuel
            return false
        }
        fuelAddedByHook &+= added
        let (sum, overflow) = fuel.addingReportingOverflow(added)
        fuel = overflow ? .max : sum
        context.pointee.fuel = fuel
        if context.pointee.outOfFuelAtUnit {
            context.pointee.outOfFuelAtUnit = false
        } else {
            let top = context.pointee.frameTop - 1
            context.pointee.frameTop = top
            context.pointee.function = top.pointee.function
            context.pointee.memory = top.pointee.memory.unsafelyUnwrapped
            context.pointee.ip = top.pointee.code.unsafelyUnwrapped - 1
            context.pointee.fp = top.pointee.fp
        }
        return true
    }
}
