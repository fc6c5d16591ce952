import WasmEngine

/// The async, thread and error-context canonical built-ins, so that every decoded
/// `CanonicalFunction` can be written back.
extension ComponentBinaryWriter {
    mutating func boolean(_ value: Bool) { byte(value ? 0x01 : 0x00) }

    mutating func concurrencyBuiltin(_ builtin: ConcurrencyBuiltin) {
        switch builtin {
        case .backpressureIncrement: byte(0x24)
        case .backpressureDecrement: byte(0x25)
        case .taskReturn(let result, let options):
            byte(0x09)
            if let result { byte(0x00); valueType(result) } else { byte(0x01); byte(0x00) }
            canonicalOptions(options)
        case .taskCancel: byte(0x05)
        case .contextGet(let type, let index): byte(0x0A); byte(type.rawValue); unsigned(index)
        case .contextSet(let type, let index): byte(0x0B); byte(type.rawValue); unsigned(index)
        case .subtaskCancel(let isAsync): byte(0x06); boolean(isAsync)
        case .subtaskDrop: byte(0x0D)
        case .streamNew(let type): byte(0x0E); unsigned(type)
        case .streamRead(let type, let options): byte(0x0F); unsigned(type); canonicalOptions(options)
        case .streamWrite(let type, let options): byte(0x10); unsigned(type); canonicalOptions(options)
        case .streamCancelRead(let type, let isAsync): byte(0x11); unsigned(type); boolean(isAsync)
        case .streamCancelWrite(let type, let isAsync): byte(0x12); unsigned(type); boolean(isAsync)
        case .streamDropReadable(let type): byte(0x13); unsigned(type)
        case .streamDropWritable(let type): byte(0x14); unsigned(type)
        case .futureNew(let type): byte(0x15); unsigned(type)
        case .futureRead(let type, let options): byte(0x16); unsigned(type); canonicalOptions(options)
        case .futureWrite(let type, let options): byte(0x17); unsigned(type); canonicalOptions(options)
        case .futureCancelRead(let type, let isAsync): byte(0x18); unsigned(type); boolean(isAsync)
        case .futureCancelWrite(let type, let isAsync): byte(0x19); unsigned(type); boolean(isAsync)
        case .futureDropReadable(let type): byte(0x1A); unsigned(type)
        case .futureDropWritable(let type): byte(0x1B); unsigned(type)
        case .errorContextNew(let options): byte(0x1C); canonicalOptions(options)
        case .errorContextDebugMessage(let options): byte(0x1D); canonicalOptions(options)
        case .errorContextDrop: byte(0x1E)
        case .waitableSetNew: byte(0x1F)
        case .waitableSetWait(let cancellable, let memory): byte(0x20); boolean(cancellable); unsigned(memory)
        case .waitableSetPoll(let cancellable, let memory): byte(0x21); boolean(cancellable); unsigned(memory)
        case .waitableSetDrop: byte(0x22)
        case .waitableJoin: byte(0x23)
        case .threadIndex: byte(0x26)
        case .threadNewIndirect(let coreType, let table): byte(0x27); unsigned(coreType); unsigned(table)
        case .threadResumeLater: byte(0x28)
        case .threadSuspend(let cancellable): byte(0x29); boolean(cancellable)
        case .threadYield(let cancellable): byte(0x0C); boolean(cancellable)
        case .threadSuspendThenResume(let cancellable): byte(0x2A); boolean(cancellable)
        case .threadYieldThenResume(let cancellable): byte(0x2B); boolean(cancellable)
        case .threadSuspendThenPromote(let cancellable): byte(0x2C); boolean(cancellable)
        case .threadYieldThenPromote(let cancellable): byte(0x2D); boolean(cancellable)
        case .threadSpawnReference(let shared, let coreType): byte(0x40); boolean(shared); unsigned(coreType)
        case .threadSpawnIndirect(let shared, let coreType, let table):
            byte(0x41); boolean(shared); unsigned(coreType); unsigned(table)
        case .threadAvailableParallelism(let shared): byte(0x42); boolean(shared)
        }
    }
}
