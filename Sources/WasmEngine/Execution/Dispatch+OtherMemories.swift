/// Handlers of multi-memory accesses to a memory other than the instance's memory 0.
///
/// The `memory`/`memorySize` registers mirror memory 0 only, so that its handlers stay
/// exactly as they were; these handlers instead read the base and size of the memory
/// whose cell the translator put in `imm` (one extra load each), and pass the registers
/// on unchanged. A load's or store's static offset is in `c` (a `u32`, so the effective
/// address cannot overflow; see `MemoryHandlers.effectiveAddress`).

/// The memory cell carried in a unit's `imm`.
@inline(__always)
private func memoryCell(_ unit: CodeUnit) -> UnsafeMutablePointer<MemoryState> {
    UnsafeMutablePointer<MemoryState>(bitPattern: UInt(truncatingIfNeeded: unit.imm)).unsafelyUnwrapped
}

/// A load of a `T` at slot `b` + `c` from the memory in `imm`, widened into slot `a`.
@inline(__always)
func loadOther<T: FixedWidthInteger>(_ type: T.Type, _ ip: CodePointer, _ fp: Slots,
                                     _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                                     _ context: ContextPointer, _ widen: (T) -> UInt64) -> Exit {
    let i = ip.pointee
    let cell = memoryCell(i)
    return loadValue(T.self, address: fp.i32(i.b), index: 0, offset: UInt64(i.c), from: cell.pointee.base,
                     size: UInt64(truncatingIfNeeded: cell.pointee.byteCount), ip, fp, memory, memorySize, context,
                     widen)
}

/// A store of slot `b` (truncated to `T`) at slot `a` + `c` into the memory in `imm`.
@inline(__always)
func storeOther<T: FixedWidthInteger>(_ type: T.Type, _ ip: CodePointer, _ fp: Slots,
                                      _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                                      _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    let cell = memoryCell(i)
    return storeValue(T(truncatingIfNeeded: fp[Int(i.b)]), address: fp.i32(i.a), index: 0, offset: UInt64(i.c),
                      to: cell.pointee.base, size: UInt64(truncatingIfNeeded: cell.pointee.byteCount),
                      ip, fp, memory, memorySize, context)
}

func handleI32LoadOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    loadOther(UInt32.self, ip, fp, memory, memorySize, context) { UInt64($0) }
}

func handleI64LoadOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    loadOther(UInt64.self, ip, fp, memory, memorySize, context) { $0 }
}

func handleI32Load8SOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    loadOther(Int8.self, ip, fp, memory, memorySize, context) { UInt64(UInt32(bitPattern: Int32($0))) }
}

func handleI32Load8UOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    loadOther(UInt8.self, ip, fp, memory, memorySize, context) { UInt64($0) }
}

func handleI32Load16SOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    loadOther(Int16.self, ip, fp, memory, memorySize, context) { UInt64(UInt32(bitPattern: Int32($0))) }
}

func handleI32Load16UOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    loadOther(UInt16.self, ip, fp, memory, memorySize, context) { UInt64($0) }
}

func handleI64Load8SOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    loadOther(Int8.self, ip, fp, memory, memorySize, context) { UInt64(bitPattern: Int64($0)) }
}

func handleI64Load16SOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    loadOther(Int16.self, ip, fp, memory, memorySize, context) { UInt64(bitPattern: Int64($0)) }
}

func handleI64Load32SOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    loadOther(Int32.self, ip, fp, memory, memorySize, context) { UInt64(bitPattern: Int64($0)) }
}

func handleI32StoreOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                         _ context: ContextPointer) -> Exit {
    storeOther(UInt32.self, ip, fp, memory, memorySize, context)
}

func handleI64StoreOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                         _ context: ContextPointer) -> Exit {
    storeOther(UInt64.self, ip, fp, memory, memorySize, context)
}

func handleI32Store8Other(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    storeOther(UInt8.self, ip, fp, memory, memorySize, context)
}

func handleI32Store16Other(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    storeOther(UInt16.self, ip, fp, memory, memorySize, context)
}

/// `memory.size` of the memory in `imm`: `a` = destination.
func handleMemorySizeOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    fp[Int(ip.pointee.a)] = memoryCell(ip.pointee).pointee.pageCount
    return next(ip + 1, fp, memory, memorySize, context)
}

/// `memory.grow` of the memory in `imm`: slot `a` holds the delta and receives the old
/// size (or -1). The registers are reloaded from memory 0's cell afterwards: an instance
/// that imports one memory twice has it as memory 0 too, and growth may have moved it.
func handleMemoryGrowOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    let a = Int(ip.pointee.a)
    fp[a] = memoryCell(ip.pointee).pointee.grow(by: UInt64(UInt32(truncatingIfNeeded: fp[a]))) ?? 0xFFFF_FFFF
    let first = context.pointee.memory
    return next(ip + 1, fp, first.pointee.base, UInt64(truncatingIfNeeded: first.pointee.byteCount), context)
}

/// `memory.fill` of the memory in `imm`: slots `a`, `a+1`, `a+2` hold destination, byte
/// value and length.
func handleMemoryFillOther(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    do {
        try MemoryHandlers.fill(ip.pointee, fp, memoryCell(ip.pointee))
    } catch {
        return trap(error, context)
    }
    return next(ip + 1, fp, memory, memorySize, context)
}
