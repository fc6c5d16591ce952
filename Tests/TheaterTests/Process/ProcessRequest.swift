import Foundation

/// Builds the requests `ProcessTestActor` understands and reads its answers.
enum ProcessRequest {
    /// The WIT `output-mode` case numbers.
    enum Mode: UInt32 { case raw = 0, lineByLine = 1, json = 2, chunked = 3 }

    /// An `os-spawn` request: the 16 flat values of the `process-config` in 8-byte slots,
    /// the strings and lists they point to, and the offsets of every pointer (relative to
    /// the message, which the actor relocates to where the message lies in its memory).
    static func spawn(_ program: String, _ args: [String] = [], cwd: String? = nil, env: [(String, String)] = [],
                      bufferSize: UInt32 = 0, stdout: Mode = .raw, stderr: Mode = .raw, chunkSize: UInt32? = nil,
                      timeout: UInt64? = nil) -> [UInt8] {
        var data: [UInt8] = []
        var relocations: [Int] = []
        // Offsets in `data` are made relative to the message once the header size is known.
        var dataPointers: [Int] = []
        func put(_ bytes: [UInt8], align: Int = 1) -> Int {
            while data.count % align != 0 { data.append(0) }
            let at = data.count
            data += bytes
            return at
        }
        func u32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
        let programAt = put(Array(program.utf8))
        var argEntries: [(Int, Int)] = []
        for arg in args { argEntries.append((put(Array(arg.utf8)), arg.utf8.count)) }
        let argsAt = put([], align: 4)
        for (at, count) in argEntries {
            dataPointers.append(data.count)
            data += u32(UInt32(at)) + u32(UInt32(count))
        }
        let cwdAt = cwd.map { put(Array($0.utf8)) } ?? 0
        var envEntries: [(Int, Int, Int, Int)] = []
        for (name, value) in env {
            envEntries.append((put(Array(name.utf8)), name.utf8.count, put(Array(value.utf8)), value.utf8.count))
        }
        let envAt = put([], align: 4)
        for (nameAt, nameCount, valueAt, valueCount) in envEntries {
            dataPointers.append(data.count)
            dataPointers.append(data.count + 8)
            data += u32(UInt32(nameAt)) + u32(UInt32(nameCount)) + u32(UInt32(valueAt)) + u32(UInt32(valueCount))
        }
        let pointerSlots = [0, 2, 7] + (cwd == nil ? [] : [5])
        let relocationCount = pointerSlots.count + dataPointers.count
        var dataStart = 136 + 4 * relocationCount
        dataStart = (dataStart + 7) / 8 * 8
        var slots: [UInt64] = [
            UInt64(dataStart + programAt), UInt64(program.utf8.count),
            UInt64(dataStart + argsAt), UInt64(args.count),
            cwd == nil ? 0 : 1, UInt64(dataStart + cwdAt), UInt64(cwd?.utf8.count ?? 0),
            UInt64(dataStart + envAt), UInt64(env.count),
            UInt64(bufferSize), UInt64(stdout.rawValue), UInt64(stderr.rawValue),
            chunkSize == nil ? 0 : 1, UInt64(chunkSize ?? 0),
            timeout == nil ? 0 : 1, timeout ?? 0,
        ]
        if cwd == nil { slots[5] = 0 }
        for pointer in dataPointers {
            // Entries hold offsets within `data`: make them message offsets too.
            let value = data[pointer..<pointer + 4].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
            data.replaceSubrange(pointer..<pointer + 4, with: u32(value + UInt32(dataStart)))
            relocations.append(dataStart + pointer)
        }
        relocations = pointerSlots.map { 8 + 8 * $0 } + relocations
        var message: [UInt8] = [83, 0, 0, 0] + u32(UInt32(relocations.count))
        for slot in slots { message += withUnsafeBytes(of: slot.littleEndian) { Array($0) } }
        for offset in relocations { message += u32(UInt32(offset)) }
        while message.count < dataStart { message.append(0) }
        return message + data
    }

    /// `W`: write `data` to process `pid`'s standard input.
    static func write(_ pid: UInt64, _ data: [UInt8]) -> [UInt8] { header(87, pid) + data }
    /// `T`: the status of process `pid`.
    static func status(_ pid: UInt64) -> [UInt8] { header(84, pid) }
    /// `G`: send `signal` to process `pid`.
    static func signal(_ pid: UInt64, _ signal: UInt32) -> [UInt8] {
        header(71, pid) + withUnsafeBytes(of: signal.littleEndian) { Array($0) }
    }
    /// `K`: kill process `pid`.
    static func kill(_ pid: UInt64) -> [UInt8] { header(75, pid) }
    /// `O`: what the actor collected.
    static let output: [UInt8] = header(79, 0)

    private static func header(_ op: UInt8, _ pid: UInt64) -> [UInt8] {
        [op, 0, 0, 0, 0, 0, 0, 0] + withUnsafeBytes(of: pid.littleEndian) { Array($0) }
    }

    /// An answer: `.success(payload)` or `.failure(message)`.
    static func decode(_ answer: [UInt8]) -> Result<[UInt8], ProcessCallError> {
        guard let first = answer.first else { return .failure(ProcessCallError(message: "empty answer")) }
        let rest = Array(answer.dropFirst())
        return first == 0 ? .success(rest) : .failure(ProcessCallError(message: String(decoding: rest, as: UTF8.self)))
    }
}

/// An `err` a `process` function returned to the test actor.
struct ProcessCallError: Error, Equatable, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// One entry of what `ProcessTestActor` collected.
enum ProcessOutput: Equatable, CustomStringConvertible {
    case stdout(pid: UInt64, [UInt8])
    case stderr(pid: UInt64, [UInt8])
    case exit(pid: UInt64, Int32)

    var description: String {
        switch self {
        case .stdout(let pid, let bytes): return "stdout(\(pid), \(String(decoding: bytes, as: UTF8.self).debugDescription))"
        case .stderr(let pid, let bytes): return "stderr(\(pid), \(String(decoding: bytes, as: UTF8.self).debugDescription))"
        case .exit(let pid, let code): return "exit(\(pid), \(code))"
        }
    }

    /// Decodes the actor's state.
    static func entries(_ state: [UInt8]) -> [ProcessOutput] {
        var entries: [ProcessOutput] = []
        var at = 0
        while at + 13 <= state.count {
            let tag = state[at]
            let pid = state[at + 1..<at + 9].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let count = Int(state[at + 9..<at + 13].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
            let bytes = Array(state[at + 13..<min(state.count, at + 13 + count)])
            switch tag {
            case 111: entries.append(.stdout(pid: pid, bytes))
            case 101: entries.append(.stderr(pid: pid, bytes))
            default: entries.append(.exit(pid: pid, bytes.withUnsafeBytes { $0.loadUnaligned(as: Int32.self) }))
            }
            at += 13 + count
        }
        return entries
    }
}
