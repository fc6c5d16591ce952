/// Scratch storage that `InstructionDecoder` fills with one sequence's instructions and
/// their input offsets, reused for every function body of a module.
///
/// Appending to it costs a capacity check and two stores (no uniqueness check, no
/// reallocation once it has grown to the largest body). When the sequence is complete,
/// `takeSequence` *moves* the values into two exactly sized arrays with one bitwise copy
/// each, so the module keeps no spare capacity and nothing is copied element by element.
final class InstructionBuffer {
    private var instructions: UnsafeMutablePointer<Instruction>
    private var offsets: UnsafeMutablePointer<UInt32>
    private var capacity: Int
    /// How many instructions are held.
    private(set) var count = 0

    init(initialCapacity: Int = 1024) {
        capacity = max(1, initialCapacity)
        instructions = .allocate(capacity: capacity)
        offsets = .allocate(capacity: capacity)
    }

    deinit {
        removeAll()
        instructions.deallocate()
        offsets.deallocate()
    }

    /// Adds `instruction`, found at input offset `offset`.
    @inline(__always)
    func append(_ instruction: __owned Instruction, at offset: Int) {
        if count == capacity { grow() }
        (instructions + count).initialize(to: instruction)
        offsets[count] = UInt32(clamping: offset)
        count += 1
    }

    /// Moves the held instructions and offsets into new arrays and empties the buffer.
    func takeArrays() -> (instructions: [Instruction], offsets: [UInt32]) {
        let count = self.count
        let source = instructions
        let movedInstructions = [Instruction](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { buffer.baseAddress!.moveInitialize(from: source, count: count) }
            initialized = count
        }
        self.count = 0
        let movedOffsets = [UInt32](UnsafeBufferPointer(start: offsets, count: count))
        return (movedInstructions, movedOffsets)
    }

    /// Drops everything held (after a decoding error, or to start a new sequence).
    func removeAll() {
        instructions.deinitialize(count: count)
        count = 0
    }

    /// Doubles the capacity, moving the held values.
    @inline(never)
    private func grow() {
        let newCapacity = capacity * 2
        let newInstructions = UnsafeMutablePointer<Instruction>.allocate(capacity: newCapacity)
        newInstructions.moveInitialize(from: instructions, count: count)
        instructions.deallocate()
        instructions = newInstructions
        let newOffsets = UnsafeMutablePointer<UInt32>.allocate(capacity: newCapacity)
        newOffsets.initialize(from: offsets, count: count)
        offsets.deallocate()
        offsets = newOffsets
        capacity = newCapacity
    }
}
