import Testing
import Theater

/// `[limits]`: defaults when absent, each key overriding one limit.
@Suite struct ManifestLimitsTests {
    @Test func defaultsWithoutLimitsTable() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal)
        #expect(manifest.limits == .defaults)
        #expect(ActorLimits.defaults.fuelPerCall == 10_000_000_000)
        #expect(ActorLimits.defaults.memoryBytes == 256 << 20)
        #expect(ActorLimits.defaults.stateSize == 16 << 20)
        #expect(ActorLimits.defaults.messageSize == 16 << 20)
        #expect(ActorLimits.defaults.mailboxLength == 10_000)
    }

    @Test func everyKeyOverrides() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + """
            [limits]
            fuel_per_call = 10_000_000
            memory_bytes = 67108864
            state_size = 1048576
            message_size = 2048
            mailbox_length = 1024
            """)
        #expect(manifest.limits == ActorLimits(
            fuelPerCall: 10_000_000, memoryBytes: 67_108_864, stateSize: 1_048_576, messageSize: 2048, mailboxLength: 1024))
    }

    @Test func partialTableKeepsOtherDefaults() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + "[limits]\nmailbox_length = 5\n")
        var expected = ActorLimits.defaults
        expected.mailboxLength = 5
        #expect(manifest.limits == expected)
    }

    @Test func unlimitedFuel() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + "[limits]\nfuel_per_call = \"unlimited\"\n")
        #expect(manifest.limits.fuelPerCall == nil)
    }

    @Test func largestTOMLIntegerIsAccepted() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + "[limits]\nmemory_bytes = 9223372036854775807\n")
        #expect(manifest.limits.memoryBytes == UInt64(Int64.max))
    }

    @Test func zeroFuelIsOutOfRange() {
        let error = ManifestFixture.error(ManifestFixture.minimal + "[limits]\nfuel_per_call = 0\n")
        #expect(error?.field == "limits.fuel_per_call")
        #expect(error?.line == 5)
    }
}
