/// Builds the requests `HTTPTestActor` understands (see its layout) and reads its answers.
struct HTTPTestRequest {
    private var message = [UInt8](repeating: 0, count: 80)

    /// A request with operation `op`.
    init(_ op: Character) { message[0] = op.asciiValue! }

    /// Sets u64 slot `index` (0 = a ... 3 = d).
    func value(_ index: Int, _ number: UInt64) -> HTTPTestRequest {
        var copy = self
        copy.message.replaceSubrange(8 + 8 * index..<16 + 8 * index, with: withUnsafeBytes(of: number.littleEndian, Array.init))
        return copy
    }

    /// Sets string slot `index` (0 = s1 ... 2 = s3).
    func string(_ index: Int, _ text: String) -> HTTPTestRequest {
        var copy = self
        let offset = UInt32(copy.message.count), length = UInt32(text.utf8.count)
        copy.message += Array(text.utf8)
        copy.message.replaceSubrange(40 + 8 * index..<48 + 8 * index,
                                     with: withUnsafeBytes(of: offset.littleEndian, Array.init) + withUnsafeBytes(of: length.littleEndian, Array.init))
        return copy
    }

    /// Sets flag `index` (0 = f1 ... 2 = f3).
    func flag(_ index: Int, _ number: UInt32) -> HTTPTestRequest {
        var copy = self
        copy.message.replaceSubrange(64 + 4 * index..<68 + 4 * index, with: withUnsafeBytes(of: number.littleEndian, Array.init))
        return copy
    }

    /// The message bytes.
    var bytes: [UInt8] { message }

    /// An answer: `.success(payload)` or `.failure(message)`.
    static func decode(_ answer: [UInt8]) -> Result<[UInt8], HTTPCallError> {
        guard let first = answer.first else { return .failure(HTTPCallError(message: "empty answer")) }
        let rest = Array(answer.dropFirst())
        return first == 0 ? .success(rest) : .failure(HTTPCallError(message: String(decoding: rest, as: UTF8.self)))
    }
}

/// An `err` an `http-framework` function returned to the test actor.
struct HTTPCallError: Error, Equatable, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// `server-info` as the test actor answers it (the 40-byte record).
struct HTTPServerInfo: Equatable {
    let id: UInt64, port: UInt16, running: Bool, routes: UInt32, middlewares: UInt32, webSocket: Bool

    init(id: UInt64, port: UInt16, running: Bool, routes: UInt32, middlewares: UInt32, webSocket: Bool) {
        (self.id, self.port, self.running, self.routes, self.middlewares, self.webSocket) = (id, port, running, routes, middlewares, webSocket)
    }

    /// Reads the record's bytes.
    init(_ bytes: [UInt8]) {
        func load<T: FixedWidthInteger>(_ at: Int, _ type: T.Type) -> T {
            bytes[at..<at + MemoryLayout<T>.size].withUnsafeBytes { $0.loadUnaligned(as: T.self) }
        }
        id = load(0, UInt64.self)
        port = load(8, UInt16.self)
        running = bytes[20] != 0
        routes = load(24, UInt32.self)
        middlewares = load(28, UInt32.self)
        webSocket = bytes[32] != 0
    }
}
