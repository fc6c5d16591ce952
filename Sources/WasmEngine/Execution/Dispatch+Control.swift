/// Handlers of control flow: branches (targets are offsets from the unit after the
/// branch, see `branchOffset`), `br_table`, fuel charges and `unreachable`.

/// Continues at the unit after `ip`, or `offset` units past it when `taken`.
@inline(__always)
func jump(_ taken: Bool, _ offset: UInt32, _ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer,
          _ memorySize: UInt64, _ context: ContextPointer) -> Exit {
    // One tail call for both outcomes (two would each need their own cold path).
    return next(ip + 1 + (taken ? branchOffset(offset) : 0), fp, memory, memorySize, context)
}

func handleUnreachable(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    trap(.unreachable, context)
}

/// `br`: `a` = target.
func handleBr(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
              _ context: ContextPointer) -> Exit {
    next(ip + 1 + branchOffset(ip.pointee.a), fp, memory, memorySize, context)
}

/// `br_if`: `a` = condition, `b` = target.
func handleBrIf(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                _ context: ContextPointer) -> Exit {
    jump(fp.i32(ip.pointee.a) != 0, ip.pointee.b, ip, fp, memory, memorySize, context)
}

/// The branch to an `if`'s else part: taken when condition `a` is zero.
func handleBrUnless(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    jump(fp.i32(ip.pointee.a) == 0, ip.pointee.b, ip, fp, memory, memorySize, context)
}

// Fused compare-and-branch: to `c` when `a <op> b` (slot) or `a <op> imm` (constant).

func handleBrI32Eq(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(fp.i32(i.a) == fp.i32(i.b), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32EqImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(fp.i32(i.a) == UInt32(truncatingIfNeeded: i.imm), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32Ne(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(fp.i32(i.a) != fp.i32(i.b), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32NeImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(fp.i32(i.a) != UInt32(truncatingIfNeeded: i.imm), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32LtS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(Int32(bitPattern: fp.i32(i.a)) < Int32(bitPattern: fp.i32(i.b)), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32LtSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(Int32(bitPattern: fp.i32(i.a)) < Int32(bitPattern: UInt32(truncatingIfNeeded: i.imm)), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32LtU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(fp.i32(i.a) < fp.i32(i.b), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32LtUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(fp.i32(i.a) < UInt32(truncatingIfNeeded: i.imm), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32GtS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(Int32(bitPattern: fp.i32(i.a)) > Int32(bitPattern: fp.i32(i.b)), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32GtSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(Int32(bitPattern: fp.i32(i.a)) > Int32(bitPattern: UInt32(truncatingIfNeeded: i.imm)), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32GtU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(fp.i32(i.a) > fp.i32(i.b), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32GtUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(fp.i32(i.a) > UInt32(truncatingIfNeeded: i.imm), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32LeS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(Int32(bitPattern: fp.i32(i.a)) <= Int32(bitPattern: fp.i32(i.b)), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32LeSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(Int32(bitPattern: fp.i32(i.a)) <= Int32(bitPattern: UInt32(truncatingIfNeeded: i.imm)), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32LeU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(fp.i32(i.a) <= fp.i32(i.b), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32LeUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(fp.i32(i.a) <= UInt32(truncatingIfNeeded: i.imm), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32GeS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(Int32(bitPattern: fp.i32(i.a)) >= Int32(bitPattern: fp.i32(i.b)), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32GeSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(Int32(bitPattern: fp.i32(i.a)) >= Int32(bitPattern: UInt32(truncatingIfNeeded: i.imm)), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32GeU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(fp.i32(i.a) >= fp.i32(i.b), i.c, ip, fp, memory, memorySize, context)
}

func handleBrI32GeUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    return jump(fp.i32(i.a) >= UInt32(truncatingIfNeeded: i.imm), i.c, ip, fp, memory, memorySize, context)
}

/// `br_table`: `a` = index slot, `b` = entry count (the last entry is the default).
func handleBrTable(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    // Jump straight to the chosen entry's target (the entries are `br` units after this
    // one; an entry's offset is relative to the unit after it): one dispatch, not two.
    let entry = ip + 1 + Int(min(fp.i32(i.a), i.b &- 1))
    return next(entry + 1 + branchOffset(entry.pointee.a), fp, memory, memorySize, context)
}

/// Takes `amount` from the fuel left; false (leaving it unchanged) when there is not enough.
@inline(__always)
func charge(_ amount: UInt64, _ context: ContextPointer) -> Bool {
    let fuel = context.pointee.fuel
    guard fuel >= amount else { return false }
    context.pointee.fuel = fuel &- amount
    return true
}

/// Charges `imm` fuel units for the segment that starts here.
func handleFuel(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                _ context: ContextPointer) -> Exit {
    guard charge(ip.pointee.imm, context) else { return outOfFuel(ip, fp, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

/// Charges two segments at once and skips the second one's `fuel` unit.
func handleFuelSkip(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    guard charge(ip.pointee.imm, context) else { return outOfFuel(ip, fp, context) }
    return next(ip + 2, fp, memory, memorySize, context)
}
