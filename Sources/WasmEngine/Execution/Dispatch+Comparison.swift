/// Handlers of integer comparisons (i32 and i64, with a slot or a constant right
/// operand); the result is 1 or 0. The semantics are `NumericHandlers+Integer`.

func handleI32Eq(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Eq(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Eq(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Eq(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32EqImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    NumericHandlers.i32EqImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64EqImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    NumericHandlers.i64EqImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Ne(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Ne(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Ne(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Ne(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32NeImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    NumericHandlers.i32NeImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64NeImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    NumericHandlers.i64NeImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32LtU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32LtU(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64LtU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64LtU(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32LtUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32LtUImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64LtUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i64LtUImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32GtU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32GtU(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64GtU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64GtU(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32GtUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32GtUImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64GtUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i64GtUImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32LeU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32LeU(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64LeU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64LeU(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32LeUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32LeUImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32GeU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32GeU(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64GeU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64GeU(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32GeUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32GeUImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32LtS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32LtS(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64LtS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64LtS(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32LtSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32LtSImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64LtSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i64LtSImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32GtS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32GtS(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64GtS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64GtS(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32GtSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32GtSImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64GtSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i64GtSImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32LeS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32LeS(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64LeS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64LeS(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32LeSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32LeSImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32GeS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32GeS(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64GeS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64GeS(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32GeSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32GeSImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Eqz(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Eqz(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Eqz(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Eqz(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}
