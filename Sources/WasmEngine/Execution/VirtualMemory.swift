import Foundation

/// Address-space reservations from the operating system, the backing of linear memories.
///
/// A memory reserves address space for its effective maximum once, inaccessible
/// (`PROT_NONE`, `MAP_NORESERVE`: no memory is committed for it), and makes pages
/// accessible as it grows. The kernel supplies those pages zero-filled on first touch, so
/// growing by N pages costs one `mprotect` whatever N is, and only pages the program
/// touches ever become resident. Releasing the reservation returns everything at once.
enum VirtualMemory {
    /// Reserves `bytes` (a multiple of the OS page size, above zero) of inaccessible
    /// address space, or returns nil when the OS refuses (address space or mapping count
    /// exhausted, `ulimit -v`).
    static func reserve(_ bytes: Int) -> UnsafeMutableRawPointer? {
        guard bytes > 0 else { return nil }
        let start = mmap(nil, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let start, start != MAP_FAILED else { return nil }
        return start
    }

    /// Makes `bytes` at `start` (inside a reservation, page-aligned) readable and writable;
    /// pages not touched before read as zero. False when the OS refuses (commit limit).
    static func commit(_ start: UnsafeMutableRawPointer, _ bytes: Int) -> Bool {
        bytes == 0 || mprotect(start, bytes, PROT_READ | PROT_WRITE) == 0
    }

    /// Returns a whole reservation (committed or not) to the OS.
    static func release(_ start: UnsafeMutableRawPointer, _ bytes: Int) {
        if bytes > 0 { munmap(start, bytes) }
    }
}
