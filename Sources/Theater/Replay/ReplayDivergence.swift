/// The first point where a replayed run differs from its recorded chain: the sequence
/// number, and the recorded and the replayed event, decoded (nil where one run has no
/// event there).
public struct ReplayDivergence: Error, Equatable, CustomStringConvertible {
    /// The sequence number of the first differing event.
    public let sequence: UInt64
    /// What the chain recorded at that position (nil: the replay produced more events).
    public let expected: RecordedEvent?
    /// What the replayed actor did there (nil: it stopped before the record ends).
    public let actual: RecordedEvent?

    /// A divergence at `sequence`.
    public init(sequence: UInt64, expected: RecordedEvent?, actual: RecordedEvent?) {
        self.sequence = sequence
        self.expected = expected
        self.actual = actual
    }

    /// The report printed by `theater replay`: the event type and both sides.
    public var description: String {
        let type = expected?.typeName ?? actual?.typeName ?? "?"
        return """
        replay diverged at event \(sequence) (\(type)):
          expected: \(expected.map(Self.render) ?? "no event (the recorded chain ends here)")
          actual:   \(actual.map(Self.render) ?? "no event (the replayed actor produced nothing more)")
        """
    }

    private static func render(_ event: RecordedEvent) -> String {
        "\(event.typeName) \(event.summary)"
    }
}
