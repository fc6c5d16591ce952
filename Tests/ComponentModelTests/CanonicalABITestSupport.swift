import WasmEngine
@testable import ComponentModel

/// A guest stand-in for Canonical ABI tests: a byte-array memory and a bump allocator
/// `realloc` that records its calls. Shrinking stays in place; growing moves the block
/// and copies its contents, as a real `realloc` would.
final class ABITestGuest {
    let memory: ByteArrayMemory
    let instance = CanonicalInstance()
    var next: Int
    var reallocCalls: [(old: UInt32, oldSize: UInt32, alignment: UInt32, newSize: UInt32)] = []

    init(size: Int = 1 << 16, start: Int = 16) {
        memory = ByteArrayMemory(size: size)
        next = start
    }

    func realloc(_ old: UInt32, _ oldSize: UInt32, _ alignment: UInt32, _ newSize: UInt32) throws -> UInt32 {
        reallocCalls.append((old, oldSize, alignment, newSize))
        if old != 0 && newSize <= oldSize { return old }
        let pointer = (next + Int(alignment) - 1) / Int(alignment) * Int(alignment)
        next = pointer + Int(newSize)
        if old != 0 {
            let kept = try memory.read(at: Int(old), count: Int(min(oldSize, newSize)))
            try memory.write(kept, at: pointer)
        }
        return UInt32(pointer)
    }

    func options(_ encoding: StringEncoding = .utf8) -> CanonicalOptions {
        CanonicalOptions(stringEncoding: encoding, memory: memory, realloc: { [unowned self] in
            try self.realloc($0, $1, $2, $3)
        })
    }

    func context(_ encoding: StringEncoding = .utf8, scope: CallContext? = CallContext()) -> LiftLowerContext {
        LiftLowerContext(options: options(encoding), instance: instance, borrowScope: scope)
    }

    /// Stores `value` at a fresh aligned address and loads it back.
    func roundTripThroughMemory(_ value: ComponentValue, _ type: ABIType,
                                encoding: StringEncoding = .utf8) throws -> ComponentValue {
        let cx = context(encoding)
        let pointer = try cx.allocate(alignment: type.alignment, size: type.elementSize)
        try cx.store(value, as: type, at: pointer)
        return try cx.load(type, at: pointer)
    }

    /// Lowers `value` to core values, checks them against the type's flattening, lifts back.
    func roundTripThroughFlat(_ value: ComponentValue, _ type: ABIType,
                              encoding: StringEncoding = .utf8) throws -> ComponentValue {
        let cx = context(encoding)
        let flat = try cx.lowerFlat(value, as: type)
        guard flat.map(\.type) == type.flatTypes else {
            throw CanonicalABIError.coreSignatureMismatch(expected: type.flatTypes, actual: flat.map(\.type))
        }
        var reader = FlatValueReader(flat)
        let lifted = try cx.liftFlat(type, from: &reader)
        guard reader.isAtEnd else { throw CanonicalABIError.coreSignatureMismatch(expected: [], actual: []) }
        return lifted
    }

    func write(_ bytes: [UInt8], at offset: Int) { try! memory.write(bytes, at: offset) }
    func writeU32(_ value: UInt32, at offset: Int) { try! memory.storeInteger(UInt64(value), at: offset, byteCount: 4) }
}

/// Runs `body` and returns the Canonical ABI error it throws (nil if none or another error).
func abiError(_ body: () throws -> Any) -> CanonicalABIError? {
    do {
        _ = try body()
        return nil
    } catch let error as CanonicalABIError {
        return error
    } catch {
        return nil
    }
}
