import Testing
import Theater

/// The `supervisor` handler's settings: defaults, every key, Erlang spellings, and the
/// exact error for each bad value.
@Suite struct ManifestSupervisorConfigTests {
    static func supervisor(_ settings: String) -> String {
        ManifestFixture.minimal + "[[handler]]\ntype = \"supervisor\"\n" + settings
    }

    @Test func defaultsWithoutSettings() throws {
        let manifest = try ManifestFixture.parse(Self.supervisor(""))
        let expected = SupervisorConfig(
            strategy: .oneForOne, maxRestarts: 3, maxSeconds: 5, restart: .permanent, shutdownTimeoutMs: 5000,
            maxChildren: 100)
        #expect(manifest.handlers == [.supervisor(expected)])
        #expect(SupervisorConfig() == expected)
    }

    @Test func everyKeyIsRead() throws {
        let manifest = try ManifestFixture.parse(Self.supervisor("""
            strategy = "rest-for-one"
            max_restarts = 0
            max_seconds = 86400
            restart = "temporary"
            shutdown_timeout_ms = 0
            max_children = 7
            """))
        #expect(manifest.handlers == [.supervisor(SupervisorConfig(
            strategy: .restForOne, maxRestarts: 0, maxSeconds: 86_400, restart: .temporary, shutdownTimeoutMs: 0,
            maxChildren: 7))])
    }

    @Test func olderConfigFormIsRead() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + """
            [[handlers]]
            type = "supervisor"
            config = { strategy = "one-for-all", max_restarts = 10, max_seconds = 60 }
            """)
        #expect(manifest.handlers == [.supervisor(SupervisorConfig(strategy: .oneForAll, maxRestarts: 10, maxSeconds: 60))])
    }

    @Test(arguments: [
        ("one_for_one", RestartStrategy.oneForOne), ("ONE-FOR-ALL", .oneForAll), ("Rest_For_One", .restForOne),
    ])
    func strategyAcceptsErlangSpellingAndCase(written: String, strategy: RestartStrategy) throws {
        let manifest = try ManifestFixture.parse(Self.supervisor("strategy = \"\(written)\"\n"))
        #expect(manifest.handlers == [.supervisor(SupervisorConfig(strategy: strategy))])
    }

    @Test func canonicalDescriptionListsEveryFieldWithDefaults() throws {
        let manifest = try ManifestFixture.parse(Self.supervisor("strategy = \"one_for_all\"\nmax_children = 4\n"))
        #expect(manifest.handlers.first?.canonicalDescription == """
            supervisor {"max_children":4,"max_restarts":3,"max_seconds":5,"restart":"permanent","shutdown_timeout_ms":5000,"strategy":"one-for-all"}
            """)
    }

    static let badValues: [MalformedManifestCase] = [
        .init(label: "misspelled strategy", text: supervisor("strategy = \"one-for-al\"\n"), line: 6,
              field: "handler[0].strategy",
              advice: "unknown strategy \"one-for-al\"; did you mean one-for-all? (accepted: one-for-one, one-for-all, rest-for-one); write strategy = \"one-for-one\""),
        .init(label: "unknown strategy without a close one", text: supervisor("strategy = \"simple\"\n"), line: 6,
              field: "handler[0].strategy",
              advice: "unknown strategy \"simple\" (accepted: one-for-one, one-for-all, rest-for-one); write strategy = \"one-for-one\""),
        .init(label: "strategy is a number", text: supervisor("strategy = 1\n"), line: 6, field: "handler[0].strategy",
              advice: "expected a string, found an integer 1; write strategy = \"one-for-one\""),
        .init(label: "misspelled restart", text: supervisor("restart = \"transiant\"\n"), line: 6,
              field: "handler[0].restart",
              advice: "unknown restart \"transiant\"; did you mean transient? (accepted: permanent, transient, temporary); write restart = \"permanent\""),
        .init(label: "negative max_restarts", text: supervisor("max_restarts = -1\n"), line: 6,
              field: "handler[0].max_restarts", advice: "must not be negative (found -1); write max_restarts = 3"),
        .init(label: "max_restarts too big", text: supervisor("max_restarts = 1000001\n"), line: 6,
              field: "handler[0].max_restarts",
              advice: "1000001 restarts is out of range; it must be between 0 and 1000000 restarts; write max_restarts = 3"),
        .init(label: "zero max_seconds", text: supervisor("max_seconds = 0\n"), line: 6, field: "handler[0].max_seconds",
              advice: "0 seconds is out of range; it must be between 1 and 86400 seconds; write max_seconds = 5"),
        .init(label: "max_seconds as a float", text: supervisor("max_seconds = 2.5\n"), line: 6,
              field: "handler[0].max_seconds",
              advice: "expected an integer, found a floating-point number 2.5; write max_seconds = 5"),
        .init(label: "shutdown timeout beyond a day", text: supervisor("shutdown_timeout_ms = 86400001\n"), line: 6,
              field: "handler[0].shutdown_timeout_ms",
              advice: "86400001 ms is out of range; it must be between 0 and 86400000 ms; write shutdown_timeout_ms = 5000"),
        .init(label: "zero max_children", text: supervisor("max_children = 0\n"), line: 6,
              field: "handler[0].max_children",
              advice: "0 children is out of range; it must be between 1 and 100000 children; write max_children = 100"),
        .init(label: "misspelled supervisor key", text: supervisor("max_restart = 3\n"), line: 6,
              field: "handler[0].max_restart", advice: "did you mean max_restarts?"),
    ]

    @Test(arguments: badValues)
    func badValueIsRejectedWithItsPlace(_ testCase: MalformedManifestCase) {
        let error = ManifestFixture.error(testCase.text)
        #expect(error?.line == testCase.line)
        #expect(error?.field == testCase.field)
        #expect(error?.message.contains(testCase.advice) == true, "\(String(describing: error))")
    }

    @Test func exactMessageOfAnUnknownStrategy() {
        let error = ManifestFixture.error(Self.supervisor("strategy = \"one-for-al\"\n"))
        #expect(error?.description == """
            examples/x/manifest.toml:6: handler[0].strategy: unknown strategy "one-for-al"; did you mean one-for-all? (accepted: one-for-one, one-for-all, rest-for-one); write strategy = "one-for-one"
            """)
    }

    @Test func hugeStrategyValueGivesAShortErrorWithoutSuggestion() {
        let written = String(repeating: "one-for-", count: 20_000)
        let error = ManifestFixture.error(Self.supervisor("strategy = \"\(written)\"\n"))
        #expect(error?.field == "handler[0].strategy")
        #expect(error?.message.contains("did you mean") == false)
        #expect(error?.message.contains("(accepted: one-for-one, one-for-all, rest-for-one)") == true)
        #expect((error?.message.count ?? .max) < 200)
    }
}
