import Testing
import Theater

/// A child's own `[supervision]` table.
@Suite struct ManifestChildSupervisionTests {
    @Test func absentTableLeavesBothUnset() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal)
        #expect(manifest.supervision == ChildSupervision(restart: nil, shutdownTimeoutMs: nil))
    }

    @Test func bothKeysAreRead() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + """
            [supervision]
            restart = "transient"
            shutdown_timeout_ms = 2000
            """)
        #expect(manifest.supervision == ChildSupervision(restart: .transient, shutdownTimeoutMs: 2000))
    }

    @Test(arguments: RestartType.allCases)
    func everyRestartTypeIsAccepted(_ type: RestartType) throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + "[supervision]\nrestart = \"\(type.rawValue)\"\n")
        #expect(manifest.supervision.restart == type)
        #expect(manifest.supervision.shutdownTimeoutMs == nil)
    }

    @Test func tableMayComeBeforeHandlers() throws {
        let manifest = try ManifestFixture.parse("""
            name = "worker"
            component = "w.wasm"
            supervision = { restart = "temporary" }

            [[handler]]
            type = "message-server"
            """)
        #expect(manifest.supervision.restart == .temporary)
        #expect(manifest.handlers == [.messageServer])
    }

    static let badTables: [MalformedManifestCase] = [
        .init(label: "unknown restart type", text: ManifestFixture.minimal + "[supervision]\nrestart = \"sometimes\"\n",
              line: 5, field: "supervision.restart",
              advice: "unknown restart \"sometimes\" (accepted: permanent, transient, temporary); write restart = \"transient\""),
        .init(label: "misspelled restart type", text: ManifestFixture.minimal + "[supervision]\nrestart = \"permanant\"\n",
              line: 5, field: "supervision.restart", advice: "did you mean permanent?"),
        .init(label: "negative shutdown timeout", text: ManifestFixture.minimal + "[supervision]\nshutdown_timeout_ms = -5\n",
              line: 5, field: "supervision.shutdown_timeout_ms",
              advice: "must not be negative (found -5); write shutdown_timeout_ms = 2000"),
        .init(label: "shutdown timeout as a string",
              text: ManifestFixture.minimal + "[supervision]\nshutdown_timeout_ms = \"2s\"\n",
              line: 5, field: "supervision.shutdown_timeout_ms",
              advice: "expected an integer, found a string \"2s\"; write shutdown_timeout_ms = 2000"),
        .init(label: "strategy belongs to the supervisor", text: ManifestFixture.minimal + "[supervision]\nstrategy = \"one-for-all\"\n",
              line: 5, field: "supervision.strategy",
              advice: "unknown key for [supervision] (valid keys: restart, shutdown_timeout_ms)"),
        .init(label: "misspelled key", text: ManifestFixture.minimal + "[supervision]\nrestrat = \"transient\"\n",
              line: 5, field: "supervision.restrat", advice: "did you mean restart?"),
        .init(label: "not a table", text: ManifestFixture.minimal + "supervision = \"transient\"\n", line: 4,
              field: "supervision", advice: "expected a table, found a string \"transient\"; write [supervision] with one key per line"),
    ]

    @Test(arguments: badTables)
    func badTableIsRejectedWithItsPlace(_ testCase: MalformedManifestCase) {
        let error = ManifestFixture.error(testCase.text)
        #expect(error?.line == testCase.line)
        #expect(error?.field == testCase.field)
        #expect(error?.message.contains(testCase.advice) == true, "\(String(describing: error))")
    }
}
