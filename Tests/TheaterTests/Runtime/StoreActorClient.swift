import Foundation
@testable import Theater

/// Talks to a `TestActors.store` actor: encodes a call of one `store` function as a
/// request and decodes the actor's response (see `TestActors.store` for both formats).
struct StoreActorClient {
    let scenario: RuntimeScenario
    let actor: ActorRuntime

    /// What a `store` function returned: `ok` with the payload's bytes, or `err` with the message.
    enum Reply: Equatable {
        case ok([UInt8])
        case err(String)

        /// The payload of `ok` (nil for `err`).
        var payload: [UInt8]? { if case .ok(let bytes) = self { return bytes } else { return nil } }
        /// The payload of `ok` as UTF-8 text.
        var text: String? { payload.map { String(decoding: $0, as: UTF8.self) } }
        /// The message of `err`.
        var error: String? { if case .err(let message) = self { return message } else { return nil } }
    }

    /// Calls `function` with `arguments` (each a string's UTF-8 bytes or content bytes).
    func call(_ function: String, _ arguments: [[UInt8]] = []) async throws -> Reply {
        var request = [TestActors.storeOperations[function]!.asciiValue!]
        for argument in arguments {
            withUnsafeBytes(of: UInt32(argument.count).littleEndian) { request += $0 }
            request += argument
        }
        let response = try await scenario.request(actor, request)
        guard let discriminant = response.first else { throw ClientError("empty response to \(function)") }
        let payload = Array(response.dropFirst())
        return discriminant == 0 ? .ok(payload) : .err(String(decoding: payload, as: UTF8.self))
    }

    /// Calls `function` with text arguments.
    func call(_ function: String, _ arguments: String...) async throws -> Reply {
        try await call(function, arguments.map { Array($0.utf8) })
    }

    /// `new()`, which must succeed: the new store's id.
    func newStore() async throws -> String {
        guard let id = try await call("new").text else { throw ClientError("store.new failed") }
        return id
    }

    /// The strings of a list payload (each a u32 length and its bytes).
    static func strings(_ payload: [UInt8]) throws -> [String] {
        var strings: [String] = [], at = 0
        while at < payload.count {
            guard at + 4 <= payload.count else { throw ClientError("truncated list entry at \(at)") }
            let length = Int(payload[at]) | Int(payload[at + 1]) << 8 | Int(payload[at + 2]) << 16 | Int(payload[at + 3]) << 24
            guard at + 4 + length <= payload.count else { throw ClientError("list entry of \(length) bytes overruns") }
            strings.append(String(decoding: payload[(at + 4)..<(at + 4 + length)], as: UTF8.self))
            at += 4 + length
        }
        return strings
    }

    /// A u64 payload (8 bytes, little-endian).
    static func u64(_ payload: [UInt8]) throws -> UInt64 {
        guard payload.count == 8 else { throw ClientError("expected 8 bytes, got \(payload.count)") }
        return payload.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    struct ClientError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
