import Foundation
import Testing

/// End-to-end checks of `theater verify` and `theater events` on a chain the counter
/// actor recorded (`get`, send `hi`, `add 5`, `get`).
@Suite struct ChainVerifyCommandTests {
    /// The event types of that run, in order.
    static let counterEventTypes = [
        "actor-started",
        "export-call", "export-return",                 // init
        "export-call", "export-return",                 // get
        "export-call", "host-call", "export-return",    // send hi (logs)
        "export-call", "export-return",                 // add 5
        "export-call", "export-return",                 // get
        "actor-stopped",
    ]

    private func recordCounter(_ workspace: ActorTestWorkspace) throws -> String {
        let recording = try workspace.recordCounter(ActorTestWorkspace.counterMessages)
        #expect(recording.outcome.status == 0, "\(recording.outcome.transcript)")
        return try #require(recording.chain)
    }

    @Test func verifyReportsTheEventCountAndTheHead() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let chain = try recordCounter(workspace)
        let outcome = try workspace.theater(["verify", chain])
        #expect(outcome.status == 0, "\(outcome.transcript)")
        let report = try #require(ChainReport.countAndHead(outcome.standardOutput, prefix: "chain verified: "),
                                  "\(outcome.standardOutput)")
        #expect(report.count == Self.counterEventTypes.count)
        #expect(ChainReport.isSHA256(report.head))
        // The head is the stored hash of the last record, read from the file independently.
        let layout = try #require(ChainFileLayout(path: chain))
        #expect(layout.records.count == report.count)
        #expect(report.head == layout.hash(of: layout.records.count - 1))
        #expect(outcome.standardError.isEmpty)
    }

    @Test func verifyJSONIsOneDocument() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let chain = try recordCounter(workspace)
        let outcome = try workspace.theater(["verify", chain, "--json"])
        #expect(outcome.status == 0, "\(outcome.transcript)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(document["verified"] as? Bool == true)
        #expect(document["events"] as? Int == Self.counterEventTypes.count)
        #expect(document["torn_tail_bytes"] as? Int == 0)
        #expect(ChainReport.isSHA256(document["head"] as? String ?? ""))
    }

    @Test func eventsListsEveryEventWithSequenceTypeAndSummary() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let chain = try recordCounter(workspace)
        let outcome = try workspace.theater(["events", chain])
        #expect(outcome.status == 0, "\(outcome.transcript)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        try #require(lines.count == Self.counterEventTypes.count, "\(outcome.standardOutput)")
        for (sequence, line) in lines.enumerated() {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            #expect(columns.count >= 4, "\(line)")
            #expect(columns.first == String(sequence), "\(line)")
            #expect(columns.dropFirst(2).first == Self.counterEventTypes[sequence], "\(line)")
        }
        #expect(lines[0].contains("started \"counter\" as "))
        #expect(lines[5].contains("handle-send(\"hi\")"))
        #expect(lines[6].contains("ntwk:theater/runtime.log(\"received hi\")"))
        #expect(lines[8].contains("handle-request(") && lines[8].contains("\"add 5\")"))
        #expect(lines[9].contains("result some(\"6\")"))
        #expect(lines[12].contains("stopped"))
    }

    @Test func eventsTypeFilterKeepsOnlyThatType() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let chain = try recordCounter(workspace)
        let hostCalls = try workspace.theater(["events", chain, "--type", "host-call"])
        #expect(hostCalls.status == 0, "\(hostCalls.transcript)")
        let lines = hostCalls.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.split(separator: " ").first == "6")
        #expect(lines.first?.contains("received hi") == true)

        let returns = try workspace.theater(["events", chain, "--type", "export-return"])
        #expect(returns.standardOutput.split(separator: "\n").count == Self.counterEventTypes.filter { $0 == "export-return" }.count)
        let none = try workspace.theater(["events", chain, "--type", "actor-error"])
        #expect(none.status == 0, "\(none.transcript)")
        #expect(none.standardOutput.isEmpty)
    }

    @Test func eventsJSONIsAListOfEveryEvent() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let chain = try recordCounter(workspace)
        let outcome = try workspace.theater(["events", chain, "--json"])
        #expect(outcome.status == 0, "\(outcome.transcript)")
        let events = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [[String: Any]])
        #expect(events.map { $0["type"] as? String } == Self.counterEventTypes)
        #expect(events.map { $0["sequence"] as? Int } == Array(0..<Self.counterEventTypes.count))
        // Every event links to the one before it.
        #expect(events.first?["parent_hash"] is NSNull)
        for index in events.indices.dropFirst() {
            #expect(events[index]["parent_hash"] as? String == events[index - 1]["hash"] as? String)
        }
        #expect(events.allSatisfy { $0["payload"] is [String: Any] })

        let filtered = try workspace.theater(["events", chain, "--json", "--type", "host-call"])
        let hostCalls = try #require(try JSONSerialization.jsonObject(with: Data(filtered.standardOutput.utf8)) as? [[String: Any]])
        #expect(hostCalls.count == 1)
        #expect(hostCalls.first?["sequence"] as? Int == 6)
    }
}
