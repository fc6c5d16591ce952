/// The validator's operand stack of value types: a growable buffer of `ValueType?`
/// (one byte each), reused for every body of a module.
///
/// Validation pushes and pops once or twice per instruction, so this avoids what a Swift
/// array costs on each of those (a uniqueness check and a capacity check behind a call).
/// `nil` is the spec's *Unknown* type (a value popped from an empty polymorphic stack
/// in dead code). `FunctionValidator` never pops below the current frame's height; the
/// preconditions here only keep a bug there from touching memory outside the buffer.
final class OperandTypeStack {
    private var storage: UnsafeMutablePointer<ValueType?>
    private var capacity: Int
    /// How many values are on the stack.
    private(set) var count = 0

    init(initialCapacity: Int = 256) {
        capacity = initialCapacity
        storage = .allocate(capacity: initialCapacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Pushes `type` (`nil`: unknown).
    @inline(__always)
    func push(_ type: ValueType?) {
        if count == capacity { grow() }
        storage[count] = type
        count += 1
    }

    /// Removes and returns the top value; the stack must not be empty.
    @inline(__always)
    func removeLast() -> ValueType? {
        precondition(count > 0, "pop from an empty operand stack")
        count -= 1
        return storage[count]
    }

    /// The value at `index` (0 = bottom); `index` must be below `count`.
    @inline(__always)
    subscript(index: Int) -> ValueType? {
        precondition(index >= 0 && index < count, "operand index out of range")
        return storage[index]
    }

    /// Drops values until `height` are left.
    @inline(__always)
    func truncate(to height: Int) {
        precondition(height >= 0 && height <= count, "operand height out of range")
        count = height
    }

    /// Doubles the capacity, keeping the values.
    @inline(never)
    private func grow() {
        let newCapacity = capacity * 2
        let newStorage = UnsafeMutablePointer<ValueType?>.allocate(capacity: newCapacity)
        newStorage.initialize(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
