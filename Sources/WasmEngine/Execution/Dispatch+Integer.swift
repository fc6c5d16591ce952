/// Handlers of integer operators (i32 and i64: arithmetic, bits, sign extension;
/// comparisons are in `Dispatch+Comparison.swift`); the semantics are `NumericHandlers+Integer`.

func handleI32Add(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Add(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32AddImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32AddImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Add(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Add(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64AddImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i64AddImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Sub(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Sub(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32SubImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32SubImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Sub(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Sub(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64SubImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i64SubImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Mul(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Mul(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32MulImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32MulImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Mul(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Mul(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64MulImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i64MulImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32And(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32And(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32AndImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32AndImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64And(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64And(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64AndImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i64AndImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Or(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Or(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32OrImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    NumericHandlers.i32OrImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Or(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Or(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64OrImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    NumericHandlers.i64OrImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Xor(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Xor(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32XorImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32XorImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Xor(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Xor(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64XorImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i64XorImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Shl(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Shl(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32ShlImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32ShlImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Shl(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Shl(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64ShlImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i64ShlImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32ShrU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    NumericHandlers.i32ShrU(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32ShrUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    NumericHandlers.i32ShrUImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64ShrU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    NumericHandlers.i64ShrU(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64ShrUImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    NumericHandlers.i64ShrUImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32ShrS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    NumericHandlers.i32ShrS(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32ShrSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    NumericHandlers.i32ShrSImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64ShrS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    NumericHandlers.i64ShrS(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64ShrSImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    NumericHandlers.i64ShrSImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Rotl(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Rotl(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32RotlImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    NumericHandlers.i32RotlImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32RotrImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    NumericHandlers.i32RotrImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64RotlImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    NumericHandlers.i64RotlImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64RotrImm(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    NumericHandlers.i64RotrImm(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Rotr(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Rotr(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Rotl(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Rotl(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Rotr(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Rotr(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Clz(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Clz(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Ctz(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Ctz(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Popcnt(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Popcnt(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Clz(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Clz(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Ctz(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Ctz(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Popcnt(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Popcnt(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Extend8S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Extend8S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32Extend16S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    NumericHandlers.i32Extend16S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Extend8S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Extend8S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Extend16S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Extend16S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64Extend32S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    NumericHandlers.i64Extend32S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32DivU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i32DivU(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32RemU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i32RemU(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32DivS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i32DivS(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32RemS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i32RemS(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64DivU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i64DivU(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64RemU(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i64RemU(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64DivS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i64DivS(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64RemS(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i64RemS(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}
