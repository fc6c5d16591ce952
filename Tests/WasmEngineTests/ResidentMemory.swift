import Foundation
@testable import WasmEngine

/// What the OS holds for a memory of the process: resident pages of one mapping
/// (`mincore`, exact and unaffected by other tests running in parallel) and the process's
/// resident size (`/proc/self/statm`, a loose cross-check).
enum ResidentMemory {
    /// How many bytes of `count` bytes at `start` are resident, in whole OS pages; nil
    /// when part of the range is not mapped at all (`mincore` fails with ENOMEM).
    static func residentBytes(_ start: UnsafeMutableRawPointer, _ count: Int) -> Int? {
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let pages = (count + pageSize - 1) / pageSize
        var vector = [UInt8](repeating: 0, count: max(pages, 1))
        guard mincore(start, count, &vector) == 0 else { return nil }
        return vector.reduce(0) { $0 + Int($1 & 1) } * pageSize
    }

    /// The resident bytes of memory `address` of `store` (committed or not, the whole
    /// reservation), with the reservation's base and size.
    static func reservation(of address: MemoryAddress, in store: Store) -> (base: UnsafeMutableRawPointer, bytes: Int) {
        let cell = store.memoryCells[address.index]
        return (cell.pointee.base, cell.pointee.reservedBytes)
    }

    /// The process's resident size in bytes, from `/proc/self/statm` (0 where unavailable).
    static func processResidentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
