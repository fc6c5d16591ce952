import Foundation
import Testing
@testable import Theater

/// The `store` handler from a component-text actor (`TestActors.store`): every function,
/// the errors actors get for bad input, stores shared between actors by id, and replays
/// that need no store on disk.
@Suite(.timeLimit(.minutes(2))) struct StoreHandlerTests {
    private func startStoreActor(_ scenario: RuntimeScenario, name: String = "store-actor",
                                 extra: String = "") async throws -> StoreActorClient {
        let actor = try await scenario.start(name, component: TestActors.store.encoded(),
                                             handlers: ["message-server", "store"], extra: extra)
        return StoreActorClient(scenario: scenario, actor: actor)
    }

    private func sha256(_ text: String) -> String { ChainHash.sha256(Array(text.utf8)).hex }

    @Test func everyFunctionWorksFromAnActorAndTheRunReplays() async throws {
        let scenario = try RuntimeScenario()
        let store = try await startStoreActor(scenario)
        let id = try await store.newStore()
        #expect(ActorStores.isValidID(id))
        #expect(try await store.newStore() != id)

        let hello = sha256("hello")
        #expect(try await store.call("store", id, "hello") == .ok(Array(hello.utf8)))
        #expect(try await store.call("store", id, "hello") == .ok(Array(hello.utf8)), "storing twice gives the same ref")
        #expect(try await store.call("get", id, hello) == .ok(Array("hello".utf8)))
        #expect(try await store.call("exists", id, hello) == .ok([1]))
        #expect(try await store.call("exists", id, sha256("absent")) == .ok([0]))

        #expect(try await store.call("label", id, "greeting", hello) == .ok([]))
        #expect(try await store.call("get-by-label", id, "greeting") == .ok([1] + Array(hello.utf8)))
        #expect(try await store.call("get-by-label", id, "nothing") == .ok([0]))

        let abc = sha256("abc"), def = sha256("def")
        #expect(try await store.call("store-at-label", id, "doc", "abc") == .ok(Array(abc.utf8)))
        #expect(try await store.call("get-by-label", id, "doc") == .ok([1] + Array(abc.utf8)))
        #expect(try await store.call("replace-content-at-label", id, "doc", "def") == .ok(Array(def.utf8)))
        #expect(try await store.call("get-by-label", id, "doc") == .ok([1] + Array(def.utf8)), "one ref per label")
        #expect(try await store.call("replace-at-label", id, "doc", abc) == .ok([]))
        #expect(try await store.call("get-by-label", id, "doc") == .ok([1] + Array(abc.utf8)))
        #expect(try await store.call("label", id, "doc", hello) == .ok([]), "label replaces, as upstream")
        #expect(try await store.call("get-by-label", id, "doc") == .ok([1] + Array(hello.utf8)))

        #expect(try await store.call("remove-from-label", id, "doc", def) == .ok([]), "points elsewhere: unchanged")
        #expect(try await store.call("get-by-label", id, "doc") == .ok([1] + Array(hello.utf8)))
        #expect(try await store.call("remove-from-label", id, "doc", hello) == .ok([]))
        #expect(try await store.call("get-by-label", id, "doc") == .ok([0]))

        #expect(try await store.call("store-at-label", id, "b", "abc").payload != nil)
        let labels = try #require(try await store.call("list-labels", id).payload)
        #expect(try StoreActorClient.strings(labels) == ["b", "greeting"])
        #expect(try await store.call("remove-label", id, "greeting") == .ok([]))
        #expect(try await store.call("remove-label", id, "greeting") == .ok([]), "removing a missing label succeeds")
        #expect(try StoreActorClient.strings(try #require(try await store.call("list-labels", id).payload)) == ["b"])

        let content = try #require(try await store.call("list-all-content", id).payload)
        #expect(try StoreActorClient.strings(content) == [hello, abc, def].sorted(), "content stays when labels go")
        let size = try #require(try await store.call("calculate-total-size", id).payload)
        #expect(try StoreActorClient.u64(size) == 11)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func badInputIsAnErrorNamingTheValue() async throws {
        let scenario = try RuntimeScenario()
        let store = try await startStoreActor(scenario)
        let id = try await store.newStore()
        let hello = sha256("hello")
        _ = try await store.call("store", id, "hello")

        let unknown = "6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b"
        let missingStore = try #require(try await store.call("get", unknown, hello).error)
        #expect(missingStore.contains("there is no store \(unknown)"))
        for badID in ["../..", "/etc", "", id.uppercased(), id + "/..", "stores"] {
            let message = try #require(try await store.call("list-labels", badID).error, "store id \(badID)")
            #expect(message.contains("is not a store id"), "\(message)")
        }
        for badRef in [hello.uppercased(), "../" + hello.dropFirst(3), String(hello.dropLast()), ""] {
            let message = try #require(try await store.call("get", id, String(badRef)).error, "ref \(badRef)")
            #expect(message.contains("is not a content reference"), "\(message)")
            #expect(try await store.call("exists", id, String(badRef)).error != nil)
            #expect(try await store.call("label", id, "x", String(badRef)).error != nil)
        }
        let absent = sha256("absent")
        #expect(try await store.call("get", id, absent) == .err("store \(id) holds no content \(absent)"))
        #expect(try await store.call("label", id, "x", absent) == .err("store \(id) holds no content \(absent)"))
        #expect(try await store.call("replace-at-label", id, "x", absent).error != nil)
        #expect(try await store.call("store-at-label", id, "", "x") == .err("a label must not be empty"))
        let long = String(repeating: "é", count: 2049)
        let message = try #require(try await store.call("label", id, long, hello).error)
        #expect(message.contains("4098 bytes") && message.contains("at most 4096"), "\(message)")
        #expect(message.count < 300, "a long label is cut in the message")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func actorsShareAStoreByItsIDWithinTheirOwnSizeLimits() async throws {
        let scenario = try RuntimeScenario()
        let writer = try await startStoreActor(scenario, name: "writer")
        let reader = try await startStoreActor(scenario, name: "reader", extra: "[limits]\nmessage_size = 512")
        let id = try await writer.newStore()
        let big = String(repeating: "x", count: 1000)
        let bigRef = try #require(try await writer.call("store-at-label", id, "big", big).text)
        #expect(try await writer.call("store-at-label", id, "small", "tiny") == .ok(Array(sha256("tiny").utf8)))

        #expect(try await reader.call("get-by-label", id, "big") == .ok([1] + Array(bigRef.utf8)))
        let small = sha256("tiny")
        #expect(try await reader.call("get", id, small) == .ok(Array("tiny".utf8)))
        let refused = try #require(try await reader.call("get", id, bigRef).error)
        #expect(refused.contains("1000 bytes") && refused.contains("message_size limit of 512"), "\(refused)")
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func aReplayNeedsNoStoreOnDisk() async throws {
        let scenario = try RuntimeScenario()
        let store = try await startStoreActor(scenario)
        let id = try await store.newStore()
        _ = try await store.call("store-at-label", id, "state", "version 1")
        _ = try await store.call("replace-content-at-label", id, "state", "version 2")
        #expect(try await store.call("list-labels", id).payload != nil)
        #expect(try await store.call("get", id, sha256("version 2")) == .ok(Array("version 2".utf8)))
        let stores = scenario.runtime.dataDirectory.actorStoresDirectory
        try FileManager.default.removeItem(at: stores)
        try await scenario.shutdownAndReplay(expectedChains: 1)
        #expect(!FileManager.default.fileExists(atPath: stores.path), "the replay made no store")
    }

    @Test func hostileLabelsFromAnActorStayInsideTheStore() async throws {
        let scenario = try RuntimeScenario()
        let store = try await startStoreActor(scenario)
        let id = try await store.newStore()
        let data = scenario.runtime.dataDirectory.root
        let before = try FolderSnapshot(of: scenario.directory, excluding: [data.appendingPathComponent("chains").path])
        let labels = ["../../../escape", "/etc/passwd", "a/../../b", "nul\u{0}byte", ".", "..", "✓ ünïcødé", "con", "a\nb"]
        for label in labels {
            #expect(try await store.call("store-at-label", id, label, label).text == sha256(label), "label \(label)")
        }
        let listed = try StoreActorClient.strings(try #require(try await store.call("list-labels", id).payload))
        #expect(Set(listed) == Set(labels))
        for label in labels {
            #expect(try await store.call("get-by-label", id, label) == .ok([1] + Array(sha256(label).utf8)))
        }
        let after = try FolderSnapshot(of: scenario.directory, excluding: [data.appendingPathComponent("chains").path])
        let storeFolder = data.appendingPathComponent("stores/\(id)").path
        let outside = after.added(since: before).filter { !$0.hasPrefix(storeFolder + "/") }
        #expect(outside.isEmpty, "created outside the store: \(outside)")
        let changed = after.changed(since: before).filter { !$0.hasPrefix(storeFolder + "/") }
        #expect(changed.isEmpty, "changed outside the store: \(changed)")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
