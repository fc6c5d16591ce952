import WasmEngine

/// Why lifting, lowering, a resource built-in or a canonical call failed.
///
/// Every case that a guest can cause is a trap of the Canonical ABI spec; the rest are
/// host mistakes (a value that does not match its type, missing options). The message
/// names the offending value so the guest author (or host author) can find the bug.
public enum CanonicalABIError: Error, Hashable, CustomStringConvertible {
    /// A memory access range `[offset, offset+length)` lies outside the memory.
    case outOfBounds(what: String, offset: Int, length: Int, memorySize: Int)
    /// A pointer is not a multiple of the alignment its type requires.
    case misalignedPointer(what: String, pointer: Int, alignment: Int)
    /// `realloc` returned a pointer that is not aligned as requested.
    case reallocMisaligned(pointer: UInt32, alignment: Int)
    /// `realloc` returned a range outside the memory.
    case reallocOutOfBounds(pointer: UInt32, size: Int, memorySize: Int)
    /// A string's bytes are not valid in its encoding; `offset` is relative to its start.
    case invalidString(encoding: StringEncoding, offset: Int)
    /// A UTF-8 string that ends in the middle of a multi-byte sequence; `offset` is where
    /// that sequence starts.
    case truncatedString(encoding: StringEncoding, offset: Int)
    /// A string longer than `MAX_STRING_BYTE_LENGTH` bytes.
    case stringTooLong(byteLength: Int)
    /// A list larger than `MAX_LIST_BYTE_LENGTH` bytes, or too large to allocate.
    case listTooLong(byteLength: Int)
    /// A `char` that is a surrogate or above U+10FFFF.
    case invalidChar(UInt32)
    /// A variant discriminant beyond the last case.
    case invalidDiscriminant(UInt32, caseCount: Int, type: String)
    /// A handle index that is not in the instance's table.
    case unknownHandle(UInt32)
    /// A handle used where a different resource type is expected.
    case wrongResourceType(handle: UInt32, expected: String, actual: String)
    /// An owned handle dropped or transferred while it is lent out to borrows.
    case handleLent(handle: UInt32, lendCount: Int)
    /// A borrow handle passed where an owned handle is required.
    case notAnOwnHandle(UInt32)
    /// A call returned while borrow handles it received were not dropped.
    case borrowsOutlivedCall(count: Int)
    /// The handle table reached its maximum length.
    case handleTableFull
    /// A lowered import or resource built-in was called during `realloc` or `post-return`.
    case mayNotLeave
    /// The instance was re-entered while a call into it is still running.
    case mayNotEnter
    /// The instance was entered after a trap unwound out of it.
    case poisoned
    /// Lifting or lowering needs linear memory but the options have none.
    case missingMemory
    /// Lowering needs to allocate but the options have no `realloc`.
    case missingRealloc
    /// A host value does not match the type it is lifted or lowered as.
    case typeMismatch(expected: String, value: String)
    /// Core values do not match the flattened core signature.
    case coreSignatureMismatch(expected: [ValueType], actual: [ValueType])
    /// The host function returned the wrong number of results.
    case resultCountMismatch(expected: Int, actual: Int)
    /// A type from a feature outside the synchronous WASI 0.2 model (async, error-context, ...).
    case unsupportedType(String)

    /// The message, worded like the `assert_trap` strings of the component model's
    /// reference tests (and wasmtime) first, then the details.
    public var description: String {
        switch self {
        case .outOfBounds(let what, let offset, let length, let size):
            let subject = what == "string" ? "string pointer/length" : what.hasPrefix("list") ? "list pointer/length" : "pointer"
            return "\(subject) out of bounds of memory: \(what) at \(offset) (\(length) bytes) in a \(size)-byte memory"
        case .misalignedPointer(let what, let pointer, let alignment):
            return "unaligned pointer: \(what) pointer \(pointer) is not aligned to \(alignment) bytes"
        case .reallocMisaligned(let pointer, let alignment):
            return "realloc return: result not aligned (pointer \(pointer), alignment \(alignment) bytes)"
        case .reallocOutOfBounds(let pointer, let size, let memorySize):
            return "realloc return: beyond end of memory (pointer \(pointer) for \(size) bytes, memory of \(memorySize) bytes)"
        case .invalidString(let encoding, let offset):
            return "invalid \(encoding.description.lowercased()): bad code unit at byte \(offset) of the string"
        case .truncatedString(let encoding, let offset):
            return "incomplete \(encoding.description.lowercased()) byte sequence at byte \(offset) of the string"
        case .stringTooLong(let length):
            return "string of \(length) bytes exceeds the maximum of \(CanonicalABILimits.maxStringByteLength)"
        case .listTooLong(let length):
            return "list of \(length) bytes exceeds the maximum of \(CanonicalABILimits.maxListByteLength)"
        case .invalidChar(let value):
            return "invalid `char` bit pattern 0x\(String(value, radix: 16)): not a Unicode scalar value"
        case .invalidDiscriminant(let value, let count, let type):
            return "invalid variant discriminant \(value) for \(type) with \(count) cases"
        case .unknownHandle(let index):
            return "unknown handle index \(index) (never created in this instance's table, or already dropped)"
        case .wrongResourceType(let handle, let expected, let actual):
            return "handle index \(handle) used with the wrong type, expected \(expected) but found a different \(actual)"
        case .handleLent(let handle, let count):
            return "cannot remove owned resource while borrowed (handle \(handle) is lent to \(count) borrow(s))"
        case .notAnOwnHandle(let index):
            return "handle index \(index) is a borrow, but an owned handle was expected"
        case .borrowsOutlivedCall(let count):
            return "borrow handles still remain at the end of the call (\(count) not dropped; drop borrows before returning)"
        case .handleTableFull:
            return "handle table is full (2^28 - 1 entries)"
        case .mayNotLeave:
            return "cannot leave component instance (no imports or resource built-ins during realloc or post-return)"
        case .mayNotEnter:
            return "cannot enter component instance (a call into it is still in progress)"
        case .poisoned:
            return "cannot enter component instance (it trapped earlier, which leaves its state undefined; instantiate it again)"
        case .missingMemory:
            return "canonical options have no memory, but this type needs linear memory"
        case .missingRealloc:
            return "canonical options have no realloc, but this value needs an allocation"
        case .typeMismatch(let expected, let value):
            return "value \(value) does not match type \(expected)"
        case .coreSignatureMismatch(let expected, let actual):
            return "core values \(actual) do not match the flattened signature \(expected)"
        case .resultCountMismatch(let expected, let actual):
            return "host function returned \(actual) result(s), the function type has \(expected)"
        case .unsupportedType(let feature):
            return "\(feature) types are not supported by the synchronous Canonical ABI"
        }
    }
}
