/// Handlers of data movement: slot copies, constants, `select` (plain and fused with its
/// comparison), references and globals (the global's cell address is in `imm`).

/// `a` <- slot `b`.
func handleCopy(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    fp[Int(i.a)] = fp[Int(i.b)]
    return next(ip + 1, fp, memory, memorySize, context)
}

/// `a` <- slot `b`, then `c` <- slot `imm`.
func handleCopy2(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    fp[Int(i.a)] = fp[Int(i.b)]
    fp[Int(i.c)] = fp[Int(truncatingIfNeeded: i.imm)]
    return next(ip + 1, fp, memory, memorySize, context)
}

/// `a` <- `imm`.
func handleConst(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    fp[Int(i.a)] = i.imm
    return next(ip + 1, fp, memory, memorySize, context)
}

/// `a` = `b` if the condition slot in `imm` is nonzero, else `c`.
func handleSelect(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    fp[Int(i.a)] = fp.i32(UInt32(truncatingIfNeeded: i.imm)) != 0 ? fp[Int(i.b)] : fp[Int(i.c)]
    return next(ip + 1, fp, memory, memorySize, context)
}

/// A fused select: `a` = `b` if `holds(x, y)`, else `c`; `x` is the slot in the low half
/// of `imm`, `y` the high half (a slot or a constant, as `holds` reads it).
@inline(__always)
func select(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
            _ context: ContextPointer, _ holds: (UInt32, UInt32) -> Bool) -> Exit {
    let i = ip.pointee
    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
    fp[Int(i.a)] = holds(x, y) ? fp[Int(i.b)] : fp[Int(i.c)]
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleSelectI32Eq(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { fp.i32($0) == fp.i32($1) }
}

func handleSelectI32LtS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { Int32(bitPattern: fp.i32($0)) < Int32(bitPattern: fp.i32($1)) }
}

func handleSelectI32LtU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { fp.i32($0) < fp.i32($1) }
}

func handleSelectI32LeS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { Int32(bitPattern: fp.i32($0)) <= Int32(bitPattern: fp.i32($1)) }
}

func handleSelectI32LeU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { fp.i32($0) <= fp.i32($1) }
}

func handleSelectI64Eq(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { fp.i64($0) == fp.i64($1) }
}

func handleSelectI64LtS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { Int64(bitPattern: fp.i64($0)) < Int64(bitPattern: fp.i64($1)) }
}

func handleSelectI64LtU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { fp.i64($0) < fp.i64($1) }
}

func handleSelectI64LeS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { Int64(bitPattern: fp.i64($0)) <= Int64(bitPattern: fp.i64($1)) }
}

func handleSelectI64LeU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { fp.i64($0) <= fp.i64($1) }
}

func handleSelectI32EqImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { fp.i32($0) == $1 }
}

func handleSelectI32LtSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { Int32(bitPattern: fp.i32($0)) < Int32(bitPattern: $1) }
}

func handleSelectI32LtUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { fp.i32($0) < $1 }
}

func handleSelectI32GtSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { Int32(bitPattern: fp.i32($0)) > Int32(bitPattern: $1) }
}

func handleSelectI32GtUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { fp.i32($0) > $1 }
}

func handleSelectI64EqImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { fp.i64($0) == UInt64(bitPattern: Int64(Int32(bitPattern: $1))) }
}

func handleSelectI64LtSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { Int64(bitPattern: fp.i64($0)) < Int64(Int32(bitPattern: $1)) }
}

func handleSelectI64LtUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { fp.i64($0) < UInt64(bitPattern: Int64(Int32(bitPattern: $1))) }
}

func handleSelectI64GtSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { Int64(bitPattern: fp.i64($0)) > Int64(Int32(bitPattern: $1)) }
}

func handleSelectI64GtUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    select(ip, fp, memory, memorySize, context) { fp.i64($0) > UInt64(bitPattern: Int64(Int32(bitPattern: $1))) }
}

func handleRefIsNull(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    fp[Int(i.a)] = fp[Int(i.b)] == 0 ? 1 : 0
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleGlobalGet(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    fp[Int(i.a)] = UnsafeMutablePointer<UInt64>(bitPattern: UInt(truncatingIfNeeded: i.imm)).unsafelyUnwrapped.pointee
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleGlobalSet(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    UnsafeMutablePointer<UInt64>(bitPattern: UInt(truncatingIfNeeded: i.imm)).unsafelyUnwrapped.pointee = fp[Int(i.a)]
    return next(ip + 1, fp, memory, memorySize, context)
}
