import Foundation
import Testing
@testable import Theater

/// Hostile store ids, labels and content references: each is refused with a clear error
/// or stored safely inside the store's folder, and nothing outside that folder is created,
/// changed or read (decoy files wait where a value used as a path would lead).
@Suite struct ActorStoreTraversalTests {
    /// A temporary folder holding `data/stores` and decoys around it: `data/secret`, `secret`
    /// and `data/stores/<uuid>-decoy`, each a label-file-shaped file pointing at content
    /// that the store also holds, so that reading one would show as a found label.
    private final class Fixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("theater-store-traversal-\(UUID().uuidString)")
        let stores: ActorStores
        let store: ActorStore
        let bait: String

        init() throws {
            stores = ActorStores(root: directory.appendingPathComponent("data/stores"), maximumContentBytes: 1 << 20)
            store = try stores.create()
            bait = try store.store(Array("bait".utf8))
            for decoy in ["secret", "data/secret", "escape", "data/escape", "b", "etc/passwd"] {
                let url = directory.appendingPathComponent(decoy)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data((bait + "\n" + decoy).utf8).write(to: url)
            }
        }

        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    /// What must happen to a label.
    enum Expected {
        case stored
        case refused(ActorStoreError)
    }

    static let labels: [(String, Expected)] = [
        ("../x", .stored), ("../../escape", .stored), ("../../../../../../../../etc/passwd", .stored),
        ("/etc/passwd", .stored), ("a/../../b", .stored), ("secret", .stored), ("../secret", .stored),
        (".", .stored), ("..", .stored), ("...", .stored), ("./", .stored), ("/", .stored), ("//", .stored),
        ("\u{0}", .stored), ("a\u{0}/../../b", .stored), ("line\nbreak", .stored), ("\r\n", .stored),
        ("%2e%2e%2fsecret", .stored), ("..\\..\\secret", .stored), ("C:\\Windows", .stored), ("~", .stored),
        ("$HOME", .stored), (" ", .stored), ("✓ ünïcødé", .stored), ("日本語のラベル", .stored),
        ("👩‍👩‍👧‍👦", .stored), ("e\u{301}", .stored), ("\u{E9}", .stored), ("\u{202E}evil", .stored),
        (".tmp-" + String(repeating: "a", count: 64), .stored), (String(repeating: "a", count: 64), .stored),
        (String(repeating: "../", count: 1365), .stored), (String(repeating: "x", count: 4096), .stored),
        (String(repeating: "€", count: 1365), .stored),
        ("", .refused(.emptyLabel)),
        (String(repeating: "x", count: 4097), .refused(.labelTooLong(label: String(repeating: "x", count: 4097), bytes: 4097, limit: 4096))),
        (String(repeating: "€", count: 1366), .refused(.labelTooLong(label: String(repeating: "€", count: 1366), bytes: 4098, limit: 4096))),
        (String(repeating: "/", count: 100_000), .refused(.labelTooLong(label: String(repeating: "/", count: 100_000), bytes: 100_000, limit: 4096))),
    ]

    static let ids: [String] = [
        "", ".", "..", "../..", "/", "/etc", "/tmp", "../secret", "./", "stores", "secret",
        "6F1C2A9E-3B4D-4E5F-8A7B-0C1D2E3F4A5B", "{6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b}",
        "6f1c2a9e3b4d4e5f8a7b0c1d2e3f4a5b", "6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5", "6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5bb",
        "6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5g", "6f1c2a9e_3b4d_4e5f_8a7b_0c1d2e3f4a5b", " 6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5",
        "6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5\n", "6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5\u{0}",
        "６f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b", "../../../../../../../etc/passwd", "a/../../../secret",
        String(repeating: "a", count: 100_000),
    ]

    static let refs: [String] = [
        "", "..", "../secret", "/etc/passwd", String(repeating: "A", count: 64), String(repeating: "a", count: 63),
        String(repeating: "a", count: 65), String(repeating: "g", count: 64), "/" + String(repeating: "a", count: 63),
        "../" + String(repeating: "a", count: 61), String(repeating: "a", count: 63) + "\u{0}",
        "６" + String(repeating: "a", count: 63), String(repeating: "a", count: 100_000),
    ]

    @Test func hostileLabelsAreStoredSafelyOrRefused() throws {
        let fixture = try Fixture()
        let store = fixture.store
        let before = try FolderSnapshot(of: fixture.directory)
        for (label, expected) in Self.labels {
            // Before it is set, a label whose text names a decoy file reads as absent.
            switch expected {
            case .stored:
                #expect(try store.reference(at: label) == nil, "label \(label.debugDescription) read something before it was set")
                let ref = try store.store(Array(label.utf8), at: label)
                #expect(try store.reference(at: label) == ref)
                #expect(try store.get(ref) == Array(label.utf8))
            case .refused(let error):
                #expect(throws: error) { try store.reference(at: label) }
                #expect(throws: error) { try store.store([1], at: label) }
                #expect(throws: error) { try store.setLabel(label, to: fixture.bait) }
                #expect(throws: error) { try store.removeLabel(label) }
            }
        }
        let stored = Self.labels.compactMap { label, expected -> [UInt8]? in
            if case .stored = expected { return Array(label.utf8) } else { return nil }
        }
        #expect(try store.labels().map { Array($0.utf8) } == stored.sorted { $0.lexicographicallyPrecedes($1) },
                "every stored label is listed once, as written")
        for (label, expected) in Self.labels {
            guard case .stored = expected else { continue }
            #expect(try store.removeLabel(label), "label \(label.debugDescription)")
        }
        #expect(try store.labels() == [])
        try expectOnlyTheStoreChanged(fixture, since: before)
    }

    @Test func hostileStoreIDsAreRefused() throws {
        let fixture = try Fixture()
        // A store-shaped decoy next to the stores folder, and one inside it under a name no id can take.
        let decoy = fixture.directory.appendingPathComponent("data/stores/\(fixture.store.id)-decoy")
        try FileManager.default.copyItem(at: fixture.store.root, to: decoy)
        let before = try FolderSnapshot(of: fixture.directory)
        for id in Self.ids + [fixture.store.id + "-decoy", fixture.store.id.uppercased(), fixture.store.id + "/",
                              fixture.store.id + "/..", "../stores/" + fixture.store.id, fixture.stores.root.path + "/" + fixture.store.id] {
            #expect(throws: ActorStoreError.invalidStoreID(id)) { try fixture.stores.open(id) }
        }
        try expectOnlyTheStoreChanged(fixture, since: before)
    }

    @Test func hostileContentReferencesAreRefused() throws {
        let fixture = try Fixture()
        let store = fixture.store
        try store.setLabel("l", to: fixture.bait)
        let before = try FolderSnapshot(of: fixture.directory)
        for ref in Self.refs {
            let error = ActorStoreError.invalidContentRef(ref)
            #expect(throws: error) { try store.get(ref) }
            #expect(throws: error) { try store.exists(ref) }
            #expect(throws: error) { try store.setLabel("l", to: ref) }
            #expect(throws: error) { try store.removeLabel("l", ifPointingAt: ref) }
        }
        #expect(try store.reference(at: "l") == fixture.bait)
        try expectOnlyTheStoreChanged(fixture, since: before)
    }

    /// Nothing outside the store's folder was created, changed or removed.
    private func expectOnlyTheStoreChanged(_ fixture: Fixture, since before: FolderSnapshot,
                                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let after = try FolderSnapshot(of: fixture.directory)
        let inside = fixture.store.root.standardizedFileURL.path + "/"
        let added = after.added(since: before).filter { !$0.hasPrefix(inside) }
        let changed = after.changed(since: before).filter { !$0.hasPrefix(inside) }
        #expect(added.isEmpty, "created outside the store: \(added)", sourceLocation: sourceLocation)
        #expect(changed.isEmpty, "changed outside the store: \(changed)", sourceLocation: sourceLocation)
    }
}
