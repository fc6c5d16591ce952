import Foundation
import Testing
@testable import Theater

/// `ContentStore`: blobs filed under their SHA-256, ids checked, damage detected.
@Suite struct ContentStoreTests {
    private func makeStore() throws -> (ContentStore, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("theater-store-tests-\(UUID().uuidString)")
        return (ContentStore(root: directory.appendingPathComponent("store")), directory)
    }

    @Test func putReturnsTheSHA256AndGetGivesTheBytesBack() throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bytes = Array("component bytes".utf8)
        let id = try store.put(bytes)
        #expect(id == ChainHash.sha256(bytes).hex)
        #expect(store.contains(id))
        #expect(try store.get(id) == bytes)
        #expect(try store.put(bytes) == id)
        let empty = try store.put([])
        #expect(empty == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try store.get(empty) == [])
        // Only the two blobs: no temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.root.path).sorted() == [id, empty].sorted())
    }

    @Test(arguments: ["", "../../etc/passwd", String(repeating: "A", count: 64), String(repeating: "a", count: 63),
                      String(repeating: "a", count: 65), "/" + String(repeating: "a", count: 63), String(repeating: "g", count: 64)])
    func invalidIDsAreRejected(_ id: String) throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(!store.contains(id))
        #expect(throws: ContentStoreError.invalidID(id)) { try store.get(id) }
    }

    @Test func aMissingBlobIsNotFound() throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let id = ChainHash.sha256([1]).hex
        #expect(!store.contains(id))
        #expect(throws: ContentStoreError.notFound(id: id, path: store.root.appendingPathComponent(id).path)) { try store.get(id) }
    }

    @Test func aCorruptedBlobIsDetected() throws {
        let (store, directory) = try makeStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let id = try store.put(Array("state".utf8))
        let path = store.root.appendingPathComponent(id).path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try Data("stale".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ContentStoreError.corrupted(id: id, path: path, actualHash: ChainHash.sha256(Array("stale".utf8)).hex)) {
            try store.get(id)
        }
        #expect(try store.put(Array("state".utf8)) == id)
        #expect(try store.get(id) == Array("state".utf8))
    }
}
