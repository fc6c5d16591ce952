import WasmEngine

/// A canonical definition (section 8): a function made by the Canonical ABI.
///
/// `lift` adds to the component func index space; every other case adds a core func.
/// The synchronous WASI 0.2 model needs `lift`, `lower` and the three resource
/// built-ins; the async (🔀), thread (🧵) and error-context (📝) built-ins are decoded
/// into `.concurrency` so the whole spec grammar round-trips, and a validator for the
/// synchronous model rejects them (see `unsupportedFeature`).
public enum CanonicalFunction: Hashable, Sendable {
    /// 0x00 0x00: lift core function `coreFunction` to a component function of type
    /// index `type`.
    case lift(coreFunction: UInt32, options: [CanonicalOption], type: UInt32)
    /// 0x01 0x00: lower component function `function` to a core function.
    case lower(function: UInt32, options: [CanonicalOption])
    /// 0x02: `resource.new` for resource type index `resource`.
    case resourceNew(resource: UInt32)
    /// 0x03: `resource.drop` for resource type index `resource`.
    case resourceDrop(resource: UInt32)
    /// 0x04: `resource.rep` for resource type index `resource`.
    case resourceRep(resource: UInt32)
    /// An async, thread or error-context built-in.
    case concurrency(ConcurrencyBuiltin)

    /// The gated feature this definition needs beyond the synchronous model, if any:
    /// the built-in's name, or "async" for a lift/lower with the `async` or `callback`
    /// option.
    public var unsupportedFeature: String? {
        switch self {
        case .lift(_, let options, _), .lower(_, let options):
            return options.contains(where: \.isUnsupportedFeature) ? "async" : nil
        case .resourceNew, .resourceDrop, .resourceRep:
            return nil
        case .concurrency(let builtin):
            return builtin.name
        }
    }
}

/// A Canonical ABI option of `lift`, `lower` and some built-ins (`canonopt`).
public enum CanonicalOption: Hashable, Sendable {
    /// 0x00-0x02: how strings are encoded in linear memory (default `utf8`).
    case stringEncoding(StringEncoding)
    /// 0x03: core memory index the ABI reads and writes.
    case memory(UInt32)
    /// 0x04: core function index of the allocator.
    case realloc(UInt32)
    /// 0x05: core function index called after a lifted call's results are read.
    case postReturn(UInt32)
    /// 0x06 (🔀): async lifting/lowering.
    case async
    /// 0x07 (🔀): core function index of the async callback.
    case callback(UInt32)

    /// Whether the option belongs to the async feature (🔀).
    public var isUnsupportedFeature: Bool {
        switch self {
        case .async, .callback: return true
        default: return false
        }
    }
}

/// String encodings of the Canonical ABI; raw values are the `canonopt` opcodes.
public enum StringEncoding: UInt8, Hashable, Sendable {
    case utf8 = 0x00
    case utf16 = 0x01
    case latin1OrUTF16 = 0x02
}

/// The async (🔀), thread (🧵) and error-context (📝) canonical built-ins, each with
/// its immediates exactly as encoded. Type indices are component type indices unless
/// named `coreType`; `cancellable`, `isAsync` and `shared` are the encoded flags.
public enum ConcurrencyBuiltin: Hashable, Sendable {
    case backpressureIncrement                                   // 0x24
    case backpressureDecrement                                   // 0x25
    case taskReturn(result: ComponentValueType?, options: [CanonicalOption]) // 0x09
    case taskCancel                                              // 0x05
    case contextGet(ValueType, index: UInt32)                    // 0x0a
    case contextSet(ValueType, index: UInt32)                    // 0x0b
    case subtaskCancel(isAsync: Bool)                            // 0x06
    case subtaskDrop                                             // 0x0d
    case streamNew(type: UInt32)                                 // 0x0e
    case streamRead(type: UInt32, options: [CanonicalOption])    // 0x0f
    case streamWrite(type: UInt32, options: [CanonicalOption])   // 0x10
    case streamCancelRead(type: UInt32, isAsync: Bool)           // 0x11
    case streamCancelWrite(type: UInt32, isAsync: Bool)          // 0x12
    case streamDropReadable(type: UInt32)                        // 0x13
    case streamDropWritable(type: UInt32)                        // 0x14
    case futureNew(type: UInt32)                                 // 0x15
    case futureRead(type: UInt32, options: [CanonicalOption])    // 0x16
    case futureWrite(type: UInt32, options: [CanonicalOption])   // 0x17
    case futureCancelRead(type: UInt32, isAsync: Bool)           // 0x18
    case futureCancelWrite(type: UInt32, isAsync: Bool)          // 0x19
    case futureDropReadable(type: UInt32)                        // 0x1a
    case futureDropWritable(type: UInt32)                        // 0x1b
    case errorContextNew(options: [CanonicalOption])             // 0x1c
    case errorContextDebugMessage(options: [CanonicalOption])    // 0x1d
    case errorContextDrop                                        // 0x1e
    case waitableSetNew                                          // 0x1f
    case waitableSetWait(cancellable: Bool, memory: UInt32)      // 0x20
    case waitableSetPoll(cancellable: Bool, memory: UInt32)      // 0x21
    case waitableSetDrop                                         // 0x22
    case waitableJoin                                            // 0x23
    case threadIndex                                             // 0x26
    case threadNewIndirect(coreType: UInt32, table: UInt32)      // 0x27
    case threadResumeLater                                       // 0x28
    case threadSuspend(cancellable: Bool)                        // 0x29
    case threadYield(cancellable: Bool)                          // 0x0c
    case threadSuspendThenResume(cancellable: Bool)              // 0x2a
    case threadYieldThenResume(cancellable: Bool)                // 0x2b
    case threadSuspendThenPromote(cancellable: Bool)             // 0x2c
    case threadYieldThenPromote(cancellable: Bool)               // 0x2d
    case threadSpawnReference(shared: Bool, coreType: UInt32)    // 0x40
    case threadSpawnIndirect(shared: Bool, coreType: UInt32, table: UInt32) // 0x41
    case threadAvailableParallelism(shared: Bool)                // 0x42

    /// The built-in's name in the text format, e.g. `stream.read`.
    public var name: String {
        switch self {
        case .backpressureIncrement: return "backpressure.inc"
        case .backpressureDecrement: return "backpressure.dec"
        case .taskReturn: return "task.return"
        case .taskCancel: return "task.cancel"
        case .contextGet: return "context.get"
        case .contextSet: return "context.set"
        case .subtaskCancel: return "subtask.cancel"
        case .subtaskDrop: return "subtask.drop"
        case .streamNew: return "stream.new"
        case .streamRead: return "stream.read"
        case .streamWrite: return "stream.write"
        case .streamCancelRead: return "stream.cancel-read"
        case .streamCancelWrite: return "stream.cancel-write"
        case .streamDropReadable: return "stream.drop-readable"
        case .streamDropWritable: return "stream.drop-writable"
        case .futureNew: return "future.new"
        case .futureRead: return "future.read"
        case .futureWrite: return "future.write"
        case .futureCancelRead: return "future.cancel-read"
        case .futureCancelWrite: return "future.cancel-write"
        case .futureDropReadable: return "future.drop-readable"
        case .futureDropWritable: return "future.drop-writable"
        case .errorContextNew: return "error-context.new"
        case .errorContextDebugMessage: return "error-context.debug-message"
        case .errorContextDrop: return "error-context.drop"
        case .waitableSetNew: return "waitable-set.new"
        case .waitableSetWait: return "waitable-set.wait"
        case .waitableSetPoll: return "waitable-set.poll"
        case .waitableSetDrop: return "waitable-set.drop"
        case .waitableJoin: return "waitable.join"
        case .threadIndex: return "thread.index"
        case .threadNewIndirect: return "thread.new-indirect"
        case .threadResumeLater: return "thread.resume-later"
        case .threadSuspend: return "thread.suspend"
        case .threadYield: return "thread.yield"
        case .threadSuspendThenResume: return "thread.suspend-then-resume"
        case .threadYieldThenResume: return "thread.yield-then-resume"
        case .threadSuspendThenPromote: return "thread.suspend-then-promote"
        case .threadYieldThenPromote: return "thread.yield-then-promote"
        case .threadSpawnReference: return "thread.spawn-ref"
        case .threadSpawnIndirect: return "thread.spawn-indirect"
        case .threadAvailableParallelism: return "thread.available-parallelism"
        }
    }
}
