import Foundation

extension ChainEvent {
    /// The event as a JSON object for `--json` output (`JSONSerialization`-compatible):
    /// `sequence`, `hash`, `parent_hash` (null for the first event), `timestamp`, `type`,
    /// and `event`, the decoded payload (`RecordedEvent.jsonObject()`); a payload that does
    /// not decode gives `payload_hex` and `decode_error` instead, so that one odd event
    /// never hides the rest of a chain.
    public func jsonObject() -> [String: Any] {
        var object: [String: Any] = [
            "sequence": NSNumber(value: sequence),
            "hash": hash.hex,
            "parent_hash": parentHash?.hex ?? NSNull(),
            "timestamp": NSNumber(value: timestamp),
            "type": type,
        ]
        do {
            object["event"] = try decoded().jsonObject()
        } catch {
            object["payload_hex"] = ChainHash.hex(payload)
            object["decode_error"] = error.description
        }
        return object
    }
}
