/// Handlers of floating-point operators (f32 and f64); the semantics are
/// `NumericHandlers+Float`.

func handleF32Add(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Add(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Sub(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Sub(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Mul(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Mul(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Div(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Div(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Min(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Min(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Max(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Max(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Copysign(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Copysign(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Abs(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Abs(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Neg(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Neg(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Ceil(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Ceil(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Floor(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Floor(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Trunc(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Trunc(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Nearest(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Nearest(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Sqrt(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Sqrt(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Eq(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Eq(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Ne(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Ne(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Lt(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Lt(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Gt(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Gt(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Le(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Le(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32Ge(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.f32Ge(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Add(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Add(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Sub(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Sub(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Mul(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Mul(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Div(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Div(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Min(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Min(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Max(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Max(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Copysign(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                       _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Copysign(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Abs(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Abs(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Neg(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                  _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Neg(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Ceil(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Ceil(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Floor(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Floor(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Trunc(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Trunc(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Nearest(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                      _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Nearest(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Sqrt(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Sqrt(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Eq(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Eq(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Ne(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Ne(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Lt(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Lt(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Gt(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Gt(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Le(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Le(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64Ge(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                 _ context: ContextPointer) -> Exit {
    NumericHandlers.f64Ge(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32ConvertI32S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    NumericHandlers.f32ConvertI32S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32ConvertI32U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    NumericHandlers.f32ConvertI32U(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32ConvertI64S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    NumericHandlers.f32ConvertI64S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32ConvertI64U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    NumericHandlers.f32ConvertI64U(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64ConvertI32S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    NumericHandlers.f64ConvertI32S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64ConvertI32U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    NumericHandlers.f64ConvertI32U(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64ConvertI64S(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    NumericHandlers.f64ConvertI64S(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64ConvertI64U(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                          _ context: ContextPointer) -> Exit {
    NumericHandlers.f64ConvertI64U(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32DemoteF64(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                        _ context: ContextPointer) -> Exit {
    NumericHandlers.f32DemoteF64(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64PromoteF32(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                         _ context: ContextPointer) -> Exit {
    NumericHandlers.f64PromoteF32(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF32ReinterpretI32(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                             _ context: ContextPointer) -> Exit {
    NumericHandlers.f32ReinterpretI32(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

func handleF64ReinterpretI64(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                             _ context: ContextPointer) -> Exit {
    NumericHandlers.f64ReinterpretI64(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

/// `a` = `b * c + imm` (two roundings, as the unfused instructions).
func handleF32MulAdd(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    let product = fp.f32(i.b) * fp.f32(i.c)
    fp[Int(i.a)] = canonical32(product + fp.f32(UInt32(truncatingIfNeeded: i.imm)))
    return next(ip + 1, fp, memory, memorySize, context)
}

/// `a` = `b * c + imm` (two roundings, as the unfused instructions).
func handleF64MulAdd(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    let i = ip.pointee
    let product = fp.f64(i.b) * fp.f64(i.c)
    fp[Int(i.a)] = canonical64(product + fp.f64(UInt32(truncatingIfNeeded: i.imm)))
    return next(ip + 1, fp, memory, memorySize, context)
}
