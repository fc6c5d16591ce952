import ComponentModel

extension RecordedEvent {
    /// One line for `theater events`: `handle-send("hello")`,
    /// `handle-send -> ok, state 5 bytes (sha256 2cf24dba5fb0…)`,
    /// `ntwk:theater/runtime.log("x") -> ()`, `error (fuel): ...`.
    public var summary: String {
        switch self {
        case .actorStarted(let start):
            var line = "started \(ChainValueFormatter.format(.string(start.name))) as \(start.actorID), component sha256 \(abbreviated(start.componentHash))"
            line += ", \(start.grants.count) grant\(start.grants.count == 1 ? "" : "s"), seed \(start.randomSeed)"
            if let state = start.initialState { line += ", init state \(state.count) bytes" }
            if let parent = start.parentID { line += ", parent \(parent)" }
            return line
        case .exportCall(let function, let arguments):
            return "\(function)(\(ChainValueFormatter.format(arguments)))"
        case .exportReturn(let function, let outcome):
            switch outcome {
            case .ok(let stateHash, let stateSize, let result):
                var line = "\(function) -> ok, state "
                if let stateHash {
                    line += "\(stateSize) byte\(stateSize == 1 ? "" : "s") (sha256 \(abbreviated(stateHash.hex)))"
                } else {
                    line += "none"
                }
                if let result { line += ", result \(ChainValueFormatter.format(result))" }
                return line
            case .failed(let message): return "\(function) -> err(\(ChainValueFormatter.format(.string(message))))"
            case .trapped(let message): return "\(function) -> trapped: \(oneLine(message))"
            case .interrupted(let fuel, let message):
                return "\(function) -> interrupted after \(fuel) fuel: \(oneLine(message))"
            }
        case .hostCall(let interface, let function, let arguments, let results):
            let answer: String
            switch results.count {
            case 0: answer = "()"
            case 1: answer = ChainValueFormatter.format(results[0])
            default: answer = "(" + ChainValueFormatter.format(results) + ")"
            }
            return "\(interface).\(function)(\(ChainValueFormatter.format(arguments))) -> \(answer)"
        case .actorError(let kind, let message):
            return "error (\(kind)): \(oneLine(message))"
        case .actorStopped(let reason):
            return "stopped: \(oneLine(reason))"
        case .supervision(let action, let childID, let detail):
            return "\(action) \(childID): \(oneLine(detail))"
        }
    }

    /// The first twelve characters of a hex digest and an ellipsis.
    private func abbreviated(_ hex: String) -> String {
        hex.count > 12 ? String(hex.prefix(12)) + "…" : hex
    }

    /// A message on one line: line breaks shown as `\n`, cut past the usual limit.
    private func oneLine(_ message: String) -> String {
        let flat = message.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        let limit = ChainValueFormatter.defaultLimit * 2
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
