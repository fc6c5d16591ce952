/// Canonical definitions (`canon`) and their options.
extension ComponentDecoder {
    /// `canon`: lift, lower, the resource built-ins, and the async / thread /
    /// error-context built-ins (decoded into `.concurrency`).
    mutating func decodeCanonicalFunction() throws -> CanonicalFunction {
        try reader.readCanonicalFunction()
    }
}

extension ComponentByteReader {
    /// `canon`.
    mutating func readCanonicalFunction() throws -> CanonicalFunction {
        let offset = position
        let opcode = try readByte()
        switch opcode {
        case 0x00:
            try expectFuncSort(for: "canonical function lift")
            let coreFunction = try readU32()
            let options = try readCanonicalOptions()
            return .lift(coreFunction: coreFunction, options: options, type: try readU32())
        case 0x01:
            try expectFuncSort(for: "canonical function lower")
            let function = try readU32()
            return .lower(function: function, options: try readCanonicalOptions())
        case 0x02: return .resourceNew(resource: try readU32())
        case 0x03: return .resourceDrop(resource: try readU32())
        case 0x04: return .resourceRep(resource: try readU32())
        default:
            guard let builtin = try readConcurrencyBuiltin(opcode) else {
                throw invalidLeadingByte(opcode, for: "canonical function", at: offset)
            }
            return .concurrency(builtin)
        }
    }

    /// The `0x00` (func sort) byte after `lift` and `lower`.
    private mutating func expectFuncSort(for what: String) throws {
        let offset = position
        let byte = try readByte()
        if byte != 0x00 { throw invalidLeadingByte(byte, for: what, at: offset) }
    }

    /// The immediates of the async, thread and error-context built-in `opcode`, or
    /// `nil` if `opcode` is unallocated.
    private mutating func readConcurrencyBuiltin(_ opcode: UInt8) throws -> ConcurrencyBuiltin? {
        switch opcode {
        case 0x24: return .backpressureIncrement
        case 0x25: return .backpressureDecrement
        case 0x09:
            let result = try readResultList()
            return .taskReturn(result: result, options: try readCanonicalOptions())
        case 0x05: return .taskCancel
        case 0x0A:
            let type = try readCoreValueType()
            return .contextGet(type, index: try readU32())
        case 0x0B:
            let type = try readCoreValueType()
            return .contextSet(type, index: try readU32())
        case 0x06: return .subtaskCancel(isAsync: try readBoolean())
        case 0x0D: return .subtaskDrop
        case 0x0E: return .streamNew(type: try readU32())
        case 0x0F:
            let type = try readU32()
            return .streamRead(type: type, options: try readCanonicalOptions())
        case 0x10:
            let type = try readU32()
            return .streamWrite(type: type, options: try readCanonicalOptions())
        case 0x11:
            let type = try readU32()
            return .streamCancelRead(type: type, isAsync: try readBoolean())
        case 0x12:
            let type = try readU32()
            return .streamCancelWrite(type: type, isAsync: try readBoolean())
        case 0x13: return .streamDropReadable(type: try readU32())
        case 0x14: return .streamDropWritable(type: try readU32())
        case 0x15: return .futureNew(type: try readU32())
        case 0x16:
            let type = try readU32()
            return .futureRead(type: type, options: try readCanonicalOptions())
        case 0x17:
            let type = try readU32()
            return .futureWrite(type: type, options: try readCanonicalOptions())
        case 0x18:
            let type = try readU32()
            return .futureCancelRead(type: type, isAsync: try readBoolean())
        case 0x19:
            let type = try readU32()
            return .futureCancelWrite(type: type, isAsync: try readBoolean())
        case 0x1A: return .futureDropReadable(type: try readU32())
        case 0x1B: return .futureDropWritable(type: try readU32())
        case 0x1C: return .errorContextNew(options: try readCanonicalOptions())
        case 0x1D: return .errorContextDebugMessage(options: try readCanonicalOptions())
        case 0x1E: return .errorContextDrop
        case 0x1F: return .waitableSetNew
        case 0x20:
            let cancellable = try readBoolean()
            return .waitableSetWait(cancellable: cancellable, memory: try readU32())
        case 0x21:
            let cancellable = try readBoolean()
            return .waitableSetPoll(cancellable: cancellable, memory: try readU32())
        case 0x22: return .waitableSetDrop
        case 0x23: return .waitableJoin
        case 0x26: return .threadIndex
        case 0x27:
            let coreType = try readU32()
            return .threadNewIndirect(coreType: coreType, table: try readU32())
        case 0x28: return .threadResumeLater
        case 0x29: return .threadSuspend(cancellable: try readBoolean())
        case 0x0C: return .threadYield(cancellable: try readBoolean())
        case 0x2A: return .threadSuspendThenResume(cancellable: try readBoolean())
        case 0x2B: return .threadYieldThenResume(cancellable: try readBoolean())
        case 0x2C: return .threadSuspendThenPromote(cancellable: try readBoolean())
        case 0x2D: return .threadYieldThenPromote(cancellable: try readBoolean())
        case 0x40:
            let shared = try readBoolean()
            return .threadSpawnReference(shared: shared, coreType: try readU32())
        case 0x41:
            let shared = try readBoolean()
            let coreType = try readU32()
            return .threadSpawnIndirect(shared: shared, coreType: coreType, table: try readU32())
        case 0x42: return .threadAvailableParallelism(shared: try readBoolean())
        default: return nil
        }
    }

    /// `opts`: a vector of `canonopt`. Duplicates and conflicts are the validator's.
    mutating func readCanonicalOptions() throws -> [CanonicalOption] {
        try readVector { reader -> CanonicalOption in
            let offset = reader.position
            let opcode = try reader.readByte()
            switch opcode {
            case 0x00, 0x01, 0x02: return .stringEncoding(StringEncoding(rawValue: opcode)!)
            case 0x03: return .memory(try reader.readU32())
            case 0x04: return .realloc(try reader.readU32())
            case 0x05: return .postReturn(try reader.readU32())
            case 0x06: return .async
            case 0x07: return .callback(try reader.readU32())
            default: throw reader.invalidLeadingByte(opcode, for: "canonical option", at: offset)
            }
        }
    }
}
