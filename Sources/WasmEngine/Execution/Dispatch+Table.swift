/// Handlers of table instructions (the table cell's address is in `imm`; semantics in
/// `TableHandlers`), and the handler of the operations only the driver can perform.

/// `table.get`: `a` = destination, `b` = index.
func handleTableGet(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    do {
        try TableHandlers.get(ip.pointee, fp)
    } catch {
        return trap(error, context)
    }
    return next(ip + 1, fp, memory, memorySize, context)
}

/// `table.set`: `a` = index, `b` = value.
func handleTableSet(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                    _ context: ContextPointer) -> Exit {
    do {
        try TableHandlers.set(ip.pointee, fp)
    } catch {
        return trap(error, context)
    }
    return next(ip + 1, fp, memory, memorySize, context)
}

/// `table.size`: `a` = destination.
func handleTableSize(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    TableHandlers.size(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

/// `table.grow`: slot `a` holds the fill value and receives the old size, `b` = delta.
func handleTableGrow(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    TableHandlers.grow(ip.pointee, fp)
    return next(ip + 1, fp, memory, memorySize, context)
}

/// `table.fill`: slots `a`, `a+1`, `a+2` hold start index, value and count.
func handleTableFill(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                     _ context: ContextPointer) -> Exit {
    do {
        try TableHandlers.fill(ip.pointee, fp)
    } catch {
        return trap(error, context)
    }
    return next(ip + 1, fp, memory, memorySize, context)
}

/// Operations on segments and on tables by store address (`table.copy`, `table.init`,
/// `elem.drop`, `memory.init`, `data.drop`): rare, and they need the `Store`, so the
/// driver performs them (`Store.service`).
func handleInStore(_ ip: CodePointer, _ fp: Slots, _ memory: UnsafeMutableRawPointer, _ memorySize: UInt64,
                   _ context: ContextPointer) -> Exit {
    leaveForService(ip, fp, context)
}
