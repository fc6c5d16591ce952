import Foundation

/// Cuts one output stream of a process into the pieces its `OutputMode` delivers, holding
/// at most `limit` bytes of an unfinished piece.
///
/// A piece that cannot be finished within the limit is handled without growing: in
/// `line-by-line` mode an over-long line is delivered in pieces of `limit` bytes (nothing is
/// lost); in `json` mode the over-long line cannot be a value the actor accepts, so it is
/// skipped up to its line break and counted in `discardedBytes`.
struct OutputFramer {
    /// The mode pieces are cut by.
    let mode: OutputMode
    /// The most bytes held for an unfinished piece (at least 1).
    let limit: Int
    /// Bytes read and not yet part of a delivered piece.
    private(set) var pending: [UInt8] = []
    /// Bytes skipped in `json` mode (blank lines excluded): lines that were not JSON or were
    /// longer than `limit`.
    private(set) var discardedBytes = 0
    /// In `json` mode, set while the rest of an over-long line is being skipped.
    private var skippingLine = false

    /// A framer for `mode` holding at most `limit` bytes.
    init(mode: OutputMode, limit: Int) {
        self.mode = mode
        self.limit = max(1, limit)
    }

    /// Takes newly read `bytes` and returns the pieces they complete, in order.
    mutating func append(_ bytes: ArraySlice<UInt8>) -> [[UInt8]] {
        switch mode {
        case .raw:
            return stride(from: bytes.startIndex, to: bytes.endIndex, by: limit).map {
                Array(bytes[$0..<min($0 + limit, bytes.endIndex)])
            }
        case .chunked(let size):
            pending.append(contentsOf: bytes)
            let chunk = min(size, limit)
            var pieces: [[UInt8]] = []
            var start = 0
            while pending.count - start >= chunk {
                pieces.append(Array(pending[start..<start + chunk]))
                start += chunk
            }
            pending.removeFirst(start)
            return pieces
        case .lineByLine, .json:
            return appendLines(bytes)
        }
    }

    /// The pieces left when the stream ends: an unterminated last line or a short last chunk.
    mutating func finish() -> [[UInt8]] {
        defer { pending = []; skippingLine = false }
        guard !pending.isEmpty else { return [] }
        switch mode {
        case .raw: return [pending]
        case .chunked: return [pending]
        case .lineByLine: return [Self.trimmingCarriageReturn(pending[...])]
        case .json: return jsonPiece(pending[...]).map { [$0] } ?? []
        }
    }

    private mutating func appendLines(_ bytes: ArraySlice<UInt8>) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var rest = bytes
        while let newline = rest.firstIndex(of: 0x0A) {
            let line = rest[rest.startIndex..<newline]
            rest = rest[(newline + 1)...]
            if skippingLine {
                discardedBytes += line.count + 1
                skippingLine = false
                continue
            }
            pending.append(contentsOf: line)
            pieces.append(contentsOf: completeLine())
            pending = []
        }
        if skippingLine {
            discardedBytes += rest.count
            return pieces
        }
        pending.append(contentsOf: rest)
        while pending.count > limit {
            // The line does not fit: line mode delivers it in pieces, json mode skips it.
            if mode == .json {
                discardedBytes += pending.count
                pending = []
                skippingLine = true
            } else {
                pieces.append(Array(pending[0..<limit]))
                pending.removeFirst(limit)
            }
        }
        return pieces
    }

    /// The pieces a line that just ended (held in `pending`) delivers: in line mode the line
    /// (in pieces of at most `limit` bytes), in json mode the value if it is one.
    private mutating func completeLine() -> [[UInt8]] {
        if mode == .lineByLine {
            let line = Self.trimmingCarriageReturn(pending[...])
            if line.count <= limit { return [line] }
            return stride(from: 0, to: line.count, by: limit).map { Array(line[$0..<min($0 + limit, line.count)]) }
        }
        if pending.count > limit {
            discardedBytes += pending.count + 1
            return []
        }
        return jsonPiece(pending[...]).map { [$0] } ?? []
    }

    /// A line as a JSON piece: trimmed of surrounding whitespace; nil (and counted as
    /// discarded unless blank) when it is not one complete JSON value.
    private mutating func jsonPiece(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0D, 0x0A]
        guard let first = line.firstIndex(where: { !whitespace.contains($0) }),
              let last = line.lastIndex(where: { !whitespace.contains($0) }) else { return nil }
        let value = Array(line[first...last])
        guard (try? JSONSerialization.jsonObject(with: Data(value), options: [.fragmentsAllowed])) != nil else {
            discardedBytes += line.count + 1
            return nil
        }
        return value
    }

    private static func trimmingCarriageReturn(_ line: ArraySlice<UInt8>) -> [UInt8] {
        line.last == 0x0D ? Array(line.dropLast()) : Array(line)
    }
}
