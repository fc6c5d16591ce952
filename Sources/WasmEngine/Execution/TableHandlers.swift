import Foundation

/// Handlers of table instructions. Tables hold slot-encoded references (0 = null,
/// otherwise address/value + 1); the table cell's address travels in the instruction's
/// `imm`, so these handlers never look anything up by index.
enum TableHandlers {
    @inline(__always) static func cell(_ i: CodeUnit) -> UnsafeMutablePointer<TableState> {
        UnsafeMutablePointer<TableState>(bitPattern: UInt(truncatingIfNeeded: i.imm)).unsafelyUnwrapped
    }

    @inline(__always) static func get(_ i: CodeUnit, _ fp: Slots) throws(TrapReason) {
        let table = cell(i)
        let index = Int(fp.i32(i.b))
        guard index < table.pointee.count else { throw .outOfBoundsTableAccess }
        fp[Int(i.a)] = table.pointee.elements[index]
    }

    @inline(__always) static func set(_ i: CodeUnit, _ fp: Slots) throws(TrapReason) {
        let table = cell(i)
        let index = Int(fp.i32(i.a))
        guard index < table.pointee.count else { throw .outOfBoundsTableAccess }
        table.pointee.elements[index] = fp[Int(i.b)]
    }

    @inline(__always) static func size(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(cell(i).pointee.count)
    }

    /// `table.grow`: slot `a` holds the fill value and receives the old size (or -1).
    static func grow(_ i: CodeUnit, _ fp: Slots) {
        let old = cell(i).pointee.grow(by: UInt64(fp.i32(i.b)), value: fp[Int(i.a)])
        fp[Int(i.a)] = old.map { UInt64($0) } ?? 0xFFFF_FFFF
    }

    /// `table.fill`: slots `a`, `a+1`, `a+2` hold start index, value and count.
    static func fill(_ i: CodeUnit, _ fp: Slots) throws(TrapReason) {
        let table = cell(i)
        let start = UInt64(fp.i32(i.a)), value = fp[Int(i.a) + 1], count = UInt64(fp.i32(i.a + 2))
        guard start + count <= UInt64(table.pointee.count) else { throw .outOfBoundsTableAccess }
        (table.pointee.elements + Int(start)).update(repeating: value, count: Int(count))
    }
}

extension Store {
    /// `table.copy` (overlap-safe): slots hold destination, source and count; `b`/`c`
    /// are the destination and source table addresses.
    @inline(never)
    func tableCopy(_ i: CodeUnit, _ fp: Slots) throws(TrapReason) {
        let destinationTable = tableCells[Int(i.b)], sourceTable = tableCells[Int(i.c)]
        let destination = UInt64(fp.i32(i.a)), source = UInt64(fp.i32(i.a + 1)), count = UInt64(fp.i32(i.a + 2))
        guard destination + count <= UInt64(destinationTable.pointee.count),
              source + count <= UInt64(sourceTable.pointee.count) else { throw .outOfBoundsTableAccess }
        memmove(destinationTable.pointee.elements + Int(destination), sourceTable.pointee.elements + Int(source),
                Int(count) * MemoryLayout<UInt64>.size)
    }

    /// `table.init` of the running function's instance.
    @inline(never)
    func tableInit(_ i: CodeUnit, _ fp: Slots, function: Int) throws(TrapReason) {
        let instance = instances[functions[function].instance]
        if let reason = initializeTable(tableCells[Int(i.c)], from: instance.elementSegments[Int(i.b)],
                                        destination: fp.i32(i.a), source: fp.i32(i.a + 1), count: fp.i32(i.a + 2)) {
            throw reason
        }
    }

    /// `elem.drop` of the running function's instance.
    @inline(never)
    func elemDrop(_ index: UInt32, function: Int) {
        instances[functions[function].instance].elementSegments[Int(index)] = []
    }

    /// Copies `count` references of `elements` from `source` into the table at
    /// `destination`, or returns the trap reason (writing nothing) when out of bounds.
    func initializeTable(_ table: UnsafeMutablePointer<TableState>, from elements: [UInt64],
                         destination: UInt32, source: UInt32, count: UInt32) -> TrapReason? {
        guard UInt64(source) + UInt64(count) <= UInt64(elements.count),
              UInt64(destination) + UInt64(count) <= UInt64(table.pointee.count) else {
            return .outOfBoundsTableAccess
        }
        for k in 0..<Int(count) {
            table.pointee.elements[Int(destination) + k] = elements[Int(source) + k]
        }
        return nil
    }
}
