import Testing
import Theater

/// `limits.call_deadline_ms`: the wall-clock deadline of one export call.
@Suite struct ManifestCallDeadlineTests {
    static func limits(_ line: String) -> String { ManifestFixture.minimal + "[limits]\n" + line + "\n" }

    @Test func defaultIsOneMinute() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal)
        #expect(manifest.limits.callDeadlineMs == 60_000)
        #expect(ActorLimits.defaults.callDeadlineMs == 60_000)
    }

    @Test func valueIsRead() throws {
        let manifest = try ManifestFixture.parse(Self.limits("call_deadline_ms = 250"))
        var expected = ActorLimits.defaults
        expected.callDeadlineMs = 250
        #expect(manifest.limits == expected)
    }

    @Test func unlimitedMeansNoDeadline() throws {
        let manifest = try ManifestFixture.parse(Self.limits("call_deadline_ms = \"unlimited\""))
        #expect(manifest.limits.callDeadlineMs == nil)
        #expect(manifest.limits.fuelPerCall == ActorLimits.defaults.fuelPerCall)
    }

    @Test func thirtyDaysIsTheLargest() throws {
        let manifest = try ManifestFixture.parse(Self.limits("call_deadline_ms = 2_592_000_000"))
        #expect(manifest.limits.callDeadlineMs == 2_592_000_000)
    }

    static let badValues: [MalformedManifestCase] = [
        .init(label: "zero deadline", text: limits("call_deadline_ms = 0"), line: 5, field: "limits.call_deadline_ms",
              advice: "0 ms is out of range; it must be between 1 and 2592000000 ms; write call_deadline_ms = 60000 (or \"unlimited\")"),
        .init(label: "beyond thirty days", text: limits("call_deadline_ms = 2592000001"), line: 5,
              field: "limits.call_deadline_ms",
              advice: "2592000001 ms is out of range; it must be between 1 and 2592000000 ms"),
        .init(label: "negative deadline", text: limits("call_deadline_ms = -1"), line: 5, field: "limits.call_deadline_ms",
              advice: "must not be negative (found -1)"),
        .init(label: "a word other than unlimited", text: limits("call_deadline_ms = \"forever\""), line: 5,
              field: "limits.call_deadline_ms",
              advice: "expected an integer or \"unlimited\", found a string \"forever\"; write call_deadline_ms = 60000 or call_deadline_ms = \"unlimited\""),
        .init(label: "a float", text: limits("call_deadline_ms = 1.5"), line: 5, field: "limits.call_deadline_ms",
              advice: "expected an integer, found a floating-point number 1.5"),
        .init(label: "misspelled key", text: limits("call_deadline = 5"), line: 5, field: "limits.call_deadline",
              advice: "did you mean call_deadline_ms?"),
    ]

    @Test(arguments: badValues)
    func badValueIsRejectedWithItsPlace(_ testCase: MalformedManifestCase) {
        let error = ManifestFixture.error(testCase.text)
        #expect(error?.line == testCase.line)
        #expect(error?.field == testCase.field)
        #expect(error?.message.contains(testCase.advice) == true, "\(String(describing: error))")
    }
}
