/// Handlers of conversions between numeric types; the semantics are
/// `NumericHandlers+Conversion`.

func handleI64ExtendI32S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                         _ context: ContextPointer) -> Exit {
    NumericHandlers.i64ExtendI32S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32WrapI64(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    NumericHandlers.i32WrapI64(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32TruncSatF32S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    NumericHandlers.i32TruncSatF32S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32TruncSatF64S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    NumericHandlers.i32TruncSatF64S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32TruncSatF32U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    NumericHandlers.i32TruncSatF32U(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32TruncSatF64U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    NumericHandlers.i32TruncSatF64U(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64TruncSatF32S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    NumericHandlers.i64TruncSatF32S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64TruncSatF64S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    NumericHandlers.i64TruncSatF64S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64TruncSatF32U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    NumericHandlers.i64TruncSatF32U(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64TruncSatF64U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                           _ context: ContextPointer) -> Exit {
    NumericHandlers.i64TruncSatF64U(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64ReinterpretF64(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                             _ context: ContextPointer) -> Exit {
    NumericHandlers.i64ReinterpretF64(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32TruncF32S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i32TruncF32S(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32TruncF64S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i32TruncF64S(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32TruncF32U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i32TruncF32U(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI32TruncF64U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i32TruncF64U(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64TruncF32S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i64TruncF32S(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64TruncF64S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i64TruncF64S(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64TruncF32U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i64TruncF32U(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleI64TruncF64U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    if let reason = NumericHandlers.i64TruncF64U(ip.pointee, fp) { return trap(reason, context) }
    return next(ip + 1, fp, memory, memorySize, context)
}
