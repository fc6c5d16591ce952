/// Reading settings whose value is one of a fixed set of names (`strategy`, `restart`).
extension ManifestTableReader {
    /// The case of `Choice` named by the string at `key`, or nil when the key is absent.
    ///
    /// Names match ignoring case and treating `_` like `-`, as handler types do, so that
    /// Erlang's spelling `one_for_one` is accepted too. Anything else is an error that
    /// lists the accepted names, with a "did you mean" when one is close.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, example: String
    ) throws(ManifestError) -> Choice? where Choice.RawValue == String {
        guard let written = try string(key, example: example), let node = take(key) else { return nil }
        let normalized = written.lowercased().replacingOccurrences(of: "_", with: "-")
        if let match = Choice.allCases.first(where: { $0.rawValue == normalized }) {
            return match
        }
        let accepted = Choice.allCases.map(\.rawValue)
        let suggestion = SpellingSuggestion.didYouMean(written, among: accepted)
        // A long value is cut in the message: the line number already points at it.
        let shown = written.count > 40 ? String(written.prefix(40)) + "…" : written
        throw error(
            at: node,
            "unknown \(key) \(ManifestNode.quoted(shown))\(suggestion) (accepted: \(accepted.joined(separator: ", "))); write \(example)")
    }
}
