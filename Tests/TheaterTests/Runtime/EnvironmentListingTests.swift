import ComponentModel
import Foundation
import Testing
@testable import Theater

/// `environment.list-vars` and `environment.exists` from a component-text actor
/// (`TestActors.environmentLister`): listing only with `allow_list_all`, and then only the
/// readable variables; `exists` through the same filters. Each run replays identically.
@Suite(.timeLimit(.minutes(1))) struct EnvironmentListingTests {
    private static let environment = [
        "APP_GREETING": "hello = world ✓", "APP_SECRET": "s3cret", "APP_EMPTY": "", "HOME": "/home/someone",
    ]

    private static func handler(listAll: Bool?) -> String {
        var text = "type = \"environment\"\nallowed_prefixes = [\"APP_\"]\ndenied_vars = [\"APP_SECRET\"]"
        if let listAll { text += "\nallow_list_all = \(listAll)" }
        return text
    }

    @Test func listVarsListsTheReadableVariablesSortedOnlyWithAllowListAll() async throws {
        let scenario = try RuntimeScenario(environment: Self.environment)
        let actor = try await scenario.start("lister", component: TestActors.environmentLister.encoded(),
                                             handlers: ["message-server", Self.handler(listAll: true)])
        #expect(try await scenario.request(actor, "l") == "APP_EMPTY=\nAPP_GREETING=hello = world ✓\n")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func listVarsIsEmptyWithoutAllowListAll() async throws {
        for listAll in [false, nil] as [Bool?] {
            let scenario = try RuntimeScenario(environment: Self.environment)
            let actor = try await scenario.start("lister", component: TestActors.environmentLister.encoded(),
                                                 handlers: ["message-server", Self.handler(listAll: listAll)])
            #expect(try await scenario.request(actor, "l") == "", "allow_list_all = \(String(describing: listAll))")
            // Reading is still allowed: the setting only governs listing.
            #expect(try await scenario.request(actor, Array("eAPP_GREETING".utf8)) == [1])
            try await scenario.shutdownAndReplay(expectedChains: 1)
        }
    }

    @Test func existsAnswersThroughTheSameFilters() async throws {
        let scenario = try RuntimeScenario(environment: Self.environment)
        let actor = try await scenario.start("lister", component: TestActors.environmentLister.encoded(),
                                             handlers: ["message-server", Self.handler(listAll: false)])
        #expect(try await scenario.request(actor, Array("eAPP_GREETING".utf8)) == [1])
        // Set but empty still exists.
        #expect(try await scenario.request(actor, Array("eAPP_EMPTY".utf8)) == [1])
        // Denied, outside the prefixes, unset, and an empty name: all absent.
        #expect(try await scenario.request(actor, Array("eAPP_SECRET".utf8)) == [0])
        #expect(try await scenario.request(actor, Array("eHOME".utf8)) == [0])
        #expect(try await scenario.request(actor, Array("eAPP_UNSET".utf8)) == [0])
        #expect(try await scenario.request(actor, Array("e".utf8)) == [0])
        let answers = try scenario.events(of: actor).compactMap { event -> [ComponentValue]? in
            guard case .hostCall("ntwk:theater/environment", "exists", _, let results) = event else { return nil }
            return results
        }
        #expect(answers == [[.bool(true)], [.bool(true)], [.bool(false)], [.bool(false)], [.bool(false)], [.bool(false)]])
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
