import Foundation

/// The semantics of memory instructions. Loads and stores get the current memory's base
/// and byte size from the handlers' registers (refreshed after calls and `memory.grow`).
///
/// The effective address is `u32(address + addend) + offset`: `addend` (field `c`) is an
/// `i32.add` of a constant folded into the access by the translator, added with 32-bit
/// wrap exactly as the folded `i32.add` would have (0 when nothing was folded); the sum
/// is then widened and the static offset added in 64 bits (the translator clamps static
/// offsets to 2^34, so nothing wraps). An access is in bounds when its last byte is below
/// the memory's size. Memory is little-endian regardless of the host.
enum MemoryHandlers {
    /// The effective address of a `width`-byte access at `u32(address + addend) + offset`,
    /// or nil when it is out of bounds.
    @inline(__always)
    static func effectiveAddress(_ address: UInt32, _ addend: UInt32, _ offset: UInt64, width: Int,
                                 size: UInt64) -> Int? {
        let ea = UInt64(address &+ addend) &+ offset
        guard ea &+ UInt64(width) <= size else { return nil }
        // No overflow check needed: `ea` is below 2^35 (see above).
        return Int(truncatingIfNeeded: ea)
    }

    /// `memory.fill`: slots `a`, `a+1`, `a+2` hold destination, byte value and length.
    /// (Inlined: out of line, it and `copy` share a signature, and LLVM merges their two
    /// handlers into one function that takes the callee as a stack argument, which breaks
    /// the handlers' tail calls.)
    @inline(__always)
    static func fill(_ i: CodeUnit, _ fp: Slots, _ memory: UnsafeMutablePointer<MemoryState>) throws(TrapReason) {
        let base = Int(i.a)
        let destination = UInt64(fp.i32(UInt32(base))), value = fp.i32(UInt32(base + 1)), count = UInt64(fp.i32(UInt32(base + 2)))
        guard destination + count <= UInt64(memory.pointee.byteCount) else { throw .outOfBoundsMemoryAccess }
        memset(memory.pointee.base + Int(destination), Int32(value & 0xFF), Int(count))
    }

    /// `memory.copy` (overlap-safe): slots hold destination, source and length.
    @inline(__always)
    static func copy(_ i: CodeUnit, _ fp: Slots, _ memory: UnsafeMutablePointer<MemoryState>) throws(TrapReason) {
        let base = Int(i.a)
        let destination = UInt64(fp.i32(UInt32(base))), source = UInt64(fp.i32(UInt32(base + 1)))
        let count = UInt64(fp.i32(UInt32(base + 2)))
        let size = UInt64(memory.pointee.byteCount)
        guard destination + count <= size, source + count <= size else { throw .outOfBoundsMemoryAccess }
        memmove(memory.pointee.base + Int(destination), memory.pointee.base + Int(source), Int(count))
    }
}

extension Store {
    /// `memory.init` of the running function's instance: copies part of a data segment
    /// into the memory at address `c`.
    @inline(never)
    func memoryInit(_ i: CodeUnit, _ fp: Slots, function: Int) throws(TrapReason) {
        let instance = instances[functions[function].instance]
        let base = Int(i.a)
        if let reason = initializeMemory(memoryCells[Int(i.c)], from: instance.dataSegments[Int(i.b)],
                                         destination: fp.i32(UInt32(base)), source: fp.i32(UInt32(base + 1)),
                                         count: fp.i32(UInt32(base + 2))) {
            throw reason
        }
    }

    /// `memory.copy` between memories at addresses `b` (destination) and `c` (source),
    /// which may be the same (overlap-safe); slots hold destination, source and length.
    @inline(never)
    func memoryCopy(_ i: CodeUnit, _ fp: Slots) throws(TrapReason) {
        let base = Int(i.a)
        let destination = UInt64(fp.i32(UInt32(base))), source = UInt64(fp.i32(UInt32(base + 1)))
        let count = UInt64(fp.i32(UInt32(base + 2)))
        let target = memoryCells[Int(i.b)].pointee, origin = memoryCells[Int(i.c)].pointee
        guard destination + count <= UInt64(target.byteCount), source + count <= UInt64(origin.byteCount) else {
            throw .outOfBoundsMemoryAccess
        }
        memmove(target.base + Int(destination), origin.base + Int(source), Int(count))
    }

    /// `data.drop` of the running function's instance.
    @inline(never)
    func dataDrop(_ index: UInt32, function: Int) {
        instances[functions[function].instance].dataSegments[Int(index)] = []
    }

    /// Copies `count` bytes of `bytes` from `source` to memory at `destination`, or
    /// returns the trap reason (writing nothing) when either range is out of bounds.
    func initializeMemory(_ memory: UnsafeMutablePointer<MemoryState>, from bytes: [UInt8],
                          destination: UInt32, source: UInt32, count: UInt32) -> TrapReason? {
        guard UInt64(source) + UInt64(count) <= UInt64(bytes.count),
              UInt64(destination) + UInt64(count) <= UInt64(memory.pointee.byteCount) else {
            return .outOfBoundsMemoryAccess
        }
        if count == 0 { return nil }
        bytes.withUnsafeBytes { raw in
            (memory.pointee.base + Int(destination)).copyMemory(from: raw.baseAddress! + Int(source), byteCount: Int(count))
        }
        return nil
    }
}
