import ComponentModel
import Foundation
import Testing
@testable import Theater

/// The `environment` handler from a component-text actor (`TestActors.environment`):
/// `get-var` sees the runtime's environment through the manifest's filters, in a run that
/// replays identically (replay needs no environment: the values are in the chain).
@Suite(.timeLimit(.minutes(1))) struct EnvironmentHandlerTests {
    @Test func getVarAnswersAllowedNamesAndHidesDeniedAndOtherOnes() async throws {
        let scenario = try RuntimeScenario(environment: [
            "APP_GREETING": "hello from the host ✓", "APP_SECRET": "s3cret", "HOME": "/home/someone",
        ])
        let actor = try await scenario.start("environment-actor", component: TestActors.environment.encoded(),
                                             handlers: ["message-server", """
                                                 type = "environment"
                                                 allowed_prefixes = ["APP_"]
                                                 denied_vars = ["APP_SECRET"]
                                                 """])
        #expect(try await scenario.request(actor, "APP_GREETING") == "\u{1}hello from the host ✓")
        #expect(try await scenario.request(actor, "APP_SECRET") == "\u{0}")
        #expect(try await scenario.request(actor, "HOME") == "\u{0}")
        #expect(try await scenario.request(actor, "APP_UNSET") == "\u{0}")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
