import Foundation
import Testing
@testable import Theater

/// `ActorStores` and `ActorStore` used directly: the store's folder layout, content by
/// SHA-256, one reference per label, size limits, and damage found on disk.
@Suite struct ActorStoreTests {
    /// A temporary folder with a `stores` folder to be made in it.
    private final class Fixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("theater-actor-store-\(UUID().uuidString)")
        var stores: ActorStores { ActorStores(root: directory.appendingPathComponent("stores"), maximumContentBytes: 1024) }
        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    private func sha256(_ text: String) -> String { ChainHash.sha256(Array(text.utf8)).hex }

    @Test func createMakesAWholeStoreFolderWithAFreshID() throws {
        let fixture = Fixture()
        let store = try fixture.stores.create()
        let other = try fixture.stores.create()
        #expect(ActorStores.isValidID(store.id) && store.id != other.id)
        #expect(store.root.lastPathComponent == store.id)
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.stores.root.path).sorted()
        #expect(names == [store.id, other.id].sorted(), "no temporary folder is left")
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.root.path).sorted() == ["content", "labels"])
        #expect(try fixture.stores.open(store.id).root == store.root)
    }

    @Test func contentIsFiledUnderItsSHA256Once() throws {
        let fixture = Fixture()
        let store = try fixture.stores.create()
        #expect(try store.contentReferences() == [] && store.totalSize() == 0)
        let hello = try store.store(Array("hello".utf8))
        #expect(hello == sha256("hello"))
        #expect(try store.store(Array("hello".utf8)) == hello)
        let empty = try store.store([])
        #expect(empty == sha256(""))
        #expect(try store.get(hello) == Array("hello".utf8))
        #expect(try store.get(empty) == [])
        #expect(try store.exists(hello) && !store.exists(sha256("other")))
        #expect(try store.contentReferences() == [hello, empty].sorted())
        #expect(try store.totalSize() == 5)
        #expect(throws: ActorStoreError.contentNotFound(store: store.id, hash: sha256("other"))) {
            try store.get(sha256("other"))
        }
    }

    @Test func contentIsBoundedByTheLimitInBothDirections() throws {
        let fixture = Fixture()
        let store = try fixture.stores.create()
        #expect(try store.store([UInt8](repeating: 7, count: 1024)) == ChainHash.sha256([UInt8](repeating: 7, count: 1024)).hex)
        #expect(throws: ActorStoreError.contentTooLarge(size: 1025, limit: 1024)) {
            try store.store([UInt8](repeating: 7, count: 1025))
        }
        let roomy = ActorStores(root: fixture.stores.root, maximumContentBytes: 4096)
        let big = try roomy.open(store.id).store([UInt8](repeating: 1, count: 2000))
        #expect(throws: ActorStoreError.contentTooLarge(size: 2000, limit: 1024)) { try store.get(big) }
        #expect(try roomy.open(store.id).get(big).count == 2000)
    }

    @Test func listingsAreBoundedByTheLimitToo() throws {
        let fixture = Fixture()
        let store = try fixture.stores.create()
        for byte in 0..<16 { _ = try store.store([UInt8(byte)]) }
        #expect(try store.contentReferences().count == 16, "16 references of 64 bytes fill the 1024-byte limit")
        _ = try store.store([16])
        #expect(throws: ActorStoreError.listingTooLarge(what: "content references", count: 17, bytes: 1088, limit: 1024)) {
            try store.contentReferences()
        }
        #expect(try store.totalSize() == 17, "the total size is not a listing")
        try store.setLabel(String(repeating: "a", count: 600), to: ChainHash.sha256([0]).hex)
        #expect(try store.labels().count == 1)
        try store.setLabel(String(repeating: "b", count: 600), to: ChainHash.sha256([0]).hex)
        #expect(throws: ActorStoreError.listingTooLarge(what: "labels", count: 2, bytes: 1200, limit: 1024)) {
            try store.labels()
        }
    }

    @Test func aLabelPointsAtOneReference() throws {
        let fixture = Fixture()
        let store = try fixture.stores.create()
        let a = try store.store(Array("a".utf8)), b = try store.store(Array("b".utf8))
        #expect(try store.reference(at: "x") == nil)
        try store.setLabel("x", to: a)
        #expect(try store.reference(at: "x") == a)
        try store.setLabel("x", to: b)
        #expect(try store.reference(at: "x") == b)
        #expect(try store.store(Array("c".utf8), at: "x") == sha256("c"))
        #expect(try store.reference(at: "x") == sha256("c"))
        #expect(throws: ActorStoreError.contentNotFound(store: store.id, hash: sha256("z"))) {
            try store.setLabel("x", to: sha256("z"))
        }
        #expect(try store.reference(at: "x") == sha256("c"), "a failed label leaves the label as it was")

        #expect(try !store.removeLabel("x", ifPointingAt: a))
        #expect(try store.reference(at: "x") == sha256("c"))
        #expect(try store.removeLabel("x", ifPointingAt: sha256("c")))
        #expect(try store.reference(at: "x") == nil)
        #expect(try !store.removeLabel("x"))
        #expect(try store.contentReferences().count == 3, "removing labels keeps content")
    }

    @Test func labelsAreListedSortedByTheirBytesAndDistinguishedByThem() throws {
        let fixture = Fixture()
        let store = try fixture.stores.create()
        let ref = try store.store([1])
        let composed = "\u{E9}", decomposed = "e\u{301}"  // equal as Swift strings, different bytes
        for label in ["b", "a", composed, decomposed, "a/b"] { try store.setLabel(label, to: ref) }
        #expect(try store.labels().map { Array($0.utf8) } == ["a", "a/b", "b", decomposed, composed].map { Array($0.utf8) })
        try store.removeLabel(decomposed)
        #expect(try store.labels().map { Array($0.utf8) } == ["a", "a/b", "b", composed].map { Array($0.utf8) })
    }

    @Test func labelFilesAreNamedByTheLabelsHashAndReplacedWithoutLeftovers() throws {
        let fixture = Fixture()
        let store = try fixture.stores.create()
        let ref = try store.store(Array("v".utf8))
        for _ in 0..<3 { try store.setLabel("../name", to: ref) }
        let labels = store.root.appendingPathComponent("labels")
        let files = try FileManager.default.contentsOfDirectory(atPath: labels.path)
        #expect(files == [sha256("../name")])
        let bytes = [UInt8](try Data(contentsOf: labels.appendingPathComponent(files[0])))
        #expect(bytes == Array((ref + "\n../name").utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.root.appendingPathComponent("content").path) == [ref])
    }

    @Test func damageOnDiskIsReportedWithTheFile() throws {
        let fixture = Fixture()
        let store = try fixture.stores.create()
        let ref = try store.store(Array("original".utf8))
        let contentFile = store.root.appendingPathComponent("content/\(ref)")
        try FileManager.default.removeItem(at: contentFile)
        try Data("tampered".utf8).write(to: contentFile)
        #expect(throws: ActorStoreError.corrupted(path: contentFile.path, reason: "content \(ref) now hashes to \(sha256("tampered"))")) {
            try store.get(ref)
        }

        try store.setLabel("l", to: ref)
        let labelFile = store.root.appendingPathComponent("labels/\(sha256("l"))")
        for damaged in ["", "short", ref + "\n", ref + "Xl", ref.uppercased() + "\nl", ref + "\nother"] {
            try Data(damaged.utf8).write(to: labelFile)
            do {
                _ = try store.reference(at: "l")
                Issue.record("damaged label file \(damaged.debugDescription) was accepted")
            } catch {
                guard case .corrupted(let path, _) = error else { Issue.record("\(error)"); continue }
                #expect(path == labelFile.path)
            }
            #expect(throws: ActorStoreError.self) { try store.labels() }
        }
        try Data([UInt8](ref.utf8) + [0x0A, 0xFF, 0xFE]).write(to: labelFile)
        #expect(throws: ActorStoreError.corrupted(path: labelFile.path, reason: "the label is not valid UTF-8")) {
            try store.reference(at: "l")
        }
    }

    @Test func openRefusesMissingStoresAndSymbolicLinks() throws {
        let fixture = Fixture()
        let store = try fixture.stores.create()
        let missing = "00000000-0000-4000-8000-000000000000"
        #expect(throws: ActorStoreError.unknownStore(missing)) { try fixture.stores.open(missing) }
        let linked = "11111111-1111-4111-8111-111111111111"
        try FileManager.default.createSymbolicLink(at: fixture.stores.root.appendingPathComponent(linked),
                                                   withDestinationURL: store.root)
        #expect(throws: ActorStoreError.unknownStore(linked)) { try fixture.stores.open(linked) }
        try Data().write(to: fixture.stores.root.appendingPathComponent(missing))
        #expect(throws: ActorStoreError.unknownStore(missing)) { try fixture.stores.open(missing) }
    }

    @Test func errorMessagesQuoteAndCutHostileValues() {
        let nul = ActorStoreError.invalidStoreID("a\u{0}b").description
        #expect(nul.hasPrefix(#""a\0b" is not a store id"#), "\(nul)")
        let long = ActorStoreError.invalidContentRef(String(repeating: "z", count: 10_000)).description
        #expect(long.count < 300 && long.contains("…"))
    }
}
