/// Handlers of memory instructions. Loads and stores use the `memory`/`memorySize`
/// registers, which mirror the running function's memory cell (`context.memory`); the
/// effective address and bounds are `MemoryHandlers.effectiveAddress`; memory is
/// little-endian regardless of the host.

/// The shared body of every load: reads a `T` at `base + address + index + offset`
/// (bounds-checked against `size`), widens it into slot `a`, and goes on with the
/// registers unchanged. The handler shapes below only differ in where the address parts
/// and the memory come from; this is inlined into each, so each stays a thin handler.
@inline(__always)
func loadValue<T: FixedWidthInteger>(_ type: T.Type, address: UInt32, index: UInt32, offset: UInt64,
                                     from base: UnsafeMutableRawPointer, size: UInt64,
                                     _ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer,
                                     _ memorySize: UInt64, _ context: ContextPointer,
                                     _ widen: (T) -> UInt64) -> Exit {
    guard let ea = MemoryHandlers.effectiveAddress(address, index, offset, width: MemoryLayout<T>.size,
                                                   size: size) else {
        return trap(.outOfBoundsMemoryAccess, context)
    }
    fp[Int(ip.pointee.a)] = widen(T(littleEndian: base.loadUnaligned(fromByteOffset: ea, as: T.self)))
    return next(ip + 1, fp, memory, memorySize, context)
}

/// The shared body of every store: writes `value` at `base + address + index + offset`
/// (bounds-checked against `size`) and goes on with the registers unchanged.
@inline(__always)
func storeValue<T: FixedWidthInteger>(_ value: T, address: UInt32, index: UInt32, offset: UInt64,
                                      to base: UnsafeMutableRawPointer, size: UInt64,
                                      _ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer,
                                      _ memorySize: UInt64, _ context: ContextPointer) -> Exit {
    guard let ea = MemoryHandlers.effectiveAddress(address, index, offset, width: MemoryLayout<T>.size,
                                                   size: size) else {
        return trap(.outOfBoundsMemoryAccess, context)
    }
    base.storeBytes(of: value.littleEndian, toByteOffset: ea, as: T.self)
    return next(ip + 1, fp, memory, memorySize, context)
}

/// A load of a `T` at slot `b` + `c` + `imm`, widened into slot `a`.
@inline(__always)
func load<T: FixedWidthInteger>(_ type: T.Type, _ ip: CodePointer, _ fp: Slots,
                                _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                                _ context: ContextPointer, _ widen: (T) -> UInt64) -> Exit {
    let i = ip.pointee
    return loadValue(T.self, address: fp.i32(i.b), index: i.c, offset: i.imm, from: memory, size: memorySize,
                     ip, fp, memory, memorySize, context, widen)
}

/// A load whose address is the sum of slots `b` and `c` (a folded `i32.add`).
@inline(__always)
func loadAdd<T: FixedWidthInteger>(_ type: T.Type, _ ip: CodePointer, _ fp: Slots,
                                   _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                                   _ context: ContextPointer, _ widen: (T) -> UInt64) -> Exit {
    let i = ip.pointee
    return loadValue(T.self, address: fp.i32(i.b), index: fp.i32(i.c), offset: i.imm, from: memory,
                     size: memorySize, ip, fp, memory, memorySize, context, widen)
}

/// A load whose address is slot `b` plus slot `c` scaled by the access width (an array
/// element: `i32.shl` and `i32.add` folded in).
@inline(__always)
func loadScaled<T: FixedWidthInteger>(_ type: T.Type, _ ip: CodePointer, _ fp: Slots,
                                      _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                                      _ context: ContextPointer, _ widen: (T) -> UInt64) -> Exit {
    let i = ip.pointee
    return loadValue(T.self, address: fp.i32(i.b), index: fp.i32(i.c) &* UInt32(MemoryLayout<T>.size),
                     offset: i.imm, from: memory, size: memorySize, ip, fp, memory, memorySize, context, widen)
}

/// A store of `value(unit)` at slot `a` + `c` + `imm`.
@inline(__always)
func store<T: FixedWidthInteger>(_ type: T.Type, _ ip: CodePointer, _ fp: Slots,
                                 _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                                 _ context: ContextPointer, _ value: (CodeUnit) -> T) -> Exit {
    let i = ip.pointee
    return storeValue(value(i), address: fp.i32(i.a), index: i.c, offset: i.imm, to: memory, size: memorySize,
                      ip, fp, memory, memorySize, context)
}

/// A store whose address is the sum of slots `a` and `c` (a folded `i32.add`).
@inline(__always)
func storeAdd<T: FixedWidthInteger>(_ type: T.Type, _ ip: CodePointer, _ fp: Slots,
                                    _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                                    _ context: ContextPointer, _ value: (CodeUnit) -> T) -> Exit {
    let i = ip.pointee
    return storeValue(value(i), address: fp.i32(i.a), index: fp.i32(i.c), offset: i.imm, to: memory,
                      size: memorySize, ip, fp, memory, memorySize, context)
}

func handleI32Load(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    load(UInt32.self, ip, fp, memory, memorySize, context) { UInt64($0) }
}

func handleI64Load(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    load(UInt64.self, ip, fp, memory, memorySize, context) { $0 }
}

func handleI32Load8S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    load(Int8.self, ip, fp, memory, memorySize, context) { UInt64(UInt32(bitPattern: Int32($0))) }
}

func handleI32Load8U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    load(UInt8.self, ip, fp, memory, memorySize, context) { UInt64($0) }
}

func handleI32Load16S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    load(Int16.self, ip, fp, memory, memorySize, context) { UInt64(UInt32(bitPattern: Int32($0))) }
}

func handleI32Load16U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    load(UInt16.self, ip, fp, memory, memorySize, context) { UInt64($0) }
}

func handleI64Load8S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    load(Int8.self, ip, fp, memory, memorySize, context) { UInt64(bitPattern: Int64($0)) }
}

func handleI64Load16S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    load(Int16.self, ip, fp, memory, memorySize, context) { UInt64(bitPattern: Int64($0)) }
}

func handleI64Load32S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    load(Int32.self, ip, fp, memory, memorySize, context) { UInt64(bitPattern: Int64($0)) }
}

func handleI32LoadAdd(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    loadAdd(UInt32.self, ip, fp, memory, memorySize, context) { UInt64($0) }
}

func handleI64LoadAdd(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    loadAdd(UInt64.self, ip, fp, memory, memorySize, context) { $0 }
}

func handleI32Load8UAdd(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    loadAdd(UInt8.self, ip, fp, memory, memorySize, context) { UInt64($0) }
}

func handleI32LoadScaled(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                         _ context: ContextPointer) -> Exit {
    loadScaled(UInt32.self, ip, fp, memory, memorySize, context) { UInt64($0) }
}

func handleI64LoadScaled(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                         _ context: ContextPointer) -> Exit {
    loadScaled(UInt64.self, ip, fp, memory, memorySize, context) { $0 }
}

func handleI32Store(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    store(UInt32.self, ip, fp, memory, memorySize, context) { UInt32(truncatingIfNeeded: fp[Int($0.b)]) }
}

func handleI64Store(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    store(UInt64.self, ip, fp, memory, memorySize, context) { UInt64(truncatingIfNeeded: fp[Int($0.b)]) }
}

func handleI32Store8(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    store(UInt8.self, ip, fp, memory, memorySize, context) { UInt8(truncatingIfNeeded: fp[Int($0.b)]) }
}

func handleI32Store16(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    store(UInt16.self, ip, fp, memory, memorySize, context) { UInt16(truncatingIfNeeded: fp[Int($0.b)]) }
}

func handleI32StoreAdd(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    storeAdd(UInt32.self, ip, fp, memory, memorySize, context) { UInt32(truncatingIfNeeded: fp[Int($0.b)]) }
}

func handleI64StoreAdd(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    storeAdd(UInt64.self, ip, fp, memory, memorySize, context) { UInt64(truncatingIfNeeded: fp[Int($0.b)]) }
}

func handleI32Store8Add(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    storeAdd(UInt8.self, ip, fp, memory, memorySize, context) { UInt8(truncatingIfNeeded: fp[Int($0.b)]) }
}

// Stores of the constant in `b` (sign-extended for `i64`).

func handleI32StoreImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    store(UInt32.self, ip, fp, memory, memorySize, context) { $0.b }
}

func handleI64StoreImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    store(Int64.self, ip, fp, memory, memorySize, context) { Int64(Int32(bitPattern: $0.b)) }
}

func handleI32Store8Imm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    store(UInt8.self, ip, fp, memory, memorySize, context) { UInt8(truncatingIfNeeded: $0.b) }
}

func handleI32Store16Imm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                         _ context: ContextPointer) -> Exit {
    store(UInt16.self, ip, fp, memory, memorySize, context) { UInt16(truncatingIfNeeded: $0.b) }
}

/// `memory.size`: `a` = destination.
func handleMemorySize(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    fp[Int(ip.pointee.a)] = context.pointee.memory.pointee.pageCount
    return next(ip + 1, fp, memory, memorySize, context)
}

/// `memory.grow`: slot `a` holds the delta and receives the old size (or -1); the memory may move.
func handleMemoryGrow(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    let a = Int(ip.pointee.a)
    let cell = context.pointee.memory
    fp[a] = cell.pointee.grow(by: UInt64(UInt32(truncatingIfNeeded: fp[a]))) ?? 0xFFFF_FFFF
    return next(ip + 1, fp, cell.pointee.base, UInt64(truncatingIfNeeded: cell.pointee.byteCount), context)
}

/// `memory.fill`: slots `a`, `a+1`, `a+2` hold destination, byte value and length.
func handleMemoryFill(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    do {
        try MemoryHandlers.fill(ip.pointee, fp, context.pointee.memory)
    } catch {
        return trap(error, context)
    }
    return next(ip + 1, fp, memory, memorySize, context)
}

/// `memory.copy`: slots `a`, `a+1`, `a+2` hold destination, source and length.
func handleMemoryCopy(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    do {
        try MemoryHandlers.copy(ip.pointee, fp, context.pointee.memory)
    } catch {
        return trap(error, context)
    }
    return next(ip + 1, fp, memory, memorySize, context)
}
