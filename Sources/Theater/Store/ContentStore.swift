import Foundation

/// A content-addressed blob store: each blob is a file `root/<sha256 hex>`. Component
/// bytes, states and anything else a chain refers to by hash live here. Writes are
/// atomic (a temporary file, fsync, rename, fsync of the directory), ids are checked to
/// be 64 lowercase hex digits so that no id names a path outside `root`, and `get`
/// checks that what it read still has the hash it is filed under.
public final class ContentStore: Sendable {
    /// The directory holding the blobs.
    public let root: URL

    /// A store in `root` (created on the first `put`).
    public init(root: URL) {
        self.root = root
    }

    /// Stores `bytes` and returns their SHA-256 hex, the id to `get` them back with.
    /// Storing bytes that are already there (intact) does nothing; a damaged copy is replaced.
    public func put(_ bytes: [UInt8]) throws -> String {
        let id = ChainHash.sha256(bytes).hex
        let destination = root.appendingPathComponent(id).path
        if DurableFile.exists(destination), (try? get(id)) != nil { return id }
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw ContentStoreError.io(path: root.path, reason: "cannot create the store directory: \(error.localizedDescription)")
        }
        do throws(DurableFile.Failure) {
            try DurableFile.writeAtomically(bytes, directory: root.path, name: id, mode: 0o444)
        } catch {
            throw ContentStoreError.io(path: error.path, reason: error.description)
        }
        return id
    }

    /// The bytes stored under `hash`, checked against it.
    public func get(_ hash: String) throws -> [UInt8] {
        let path = try self.path(for: hash)
        guard DurableFile.exists(path) else { throw ContentStoreError.notFound(id: hash, path: path) }
        let bytes: [UInt8]
        do {
            bytes = try DurableFile.read(path)
        } catch {
            throw ContentStoreError.io(path: path, reason: error.description)
        }
        let actual = ChainHash.sha256(bytes).hex
        guard actual == hash else { throw ContentStoreError.corrupted(id: hash, path: path, actualHash: actual) }
        return bytes
    }

    /// Whether a blob is stored under `hash` (false for an invalid id; not checked).
    public func contains(_ hash: String) -> Bool {
        guard let path = try? self.path(for: hash) else { return false }
        return DurableFile.exists(path)
    }

    /// The file of a blob id, after checking that the id is 64 lowercase hex digits.
    public func path(for hash: String) throws -> String {
        guard ContentStore.isValidID(hash) else { throw ContentStoreError.invalidID(hash) }
        return root.appendingPathComponent(hash).path
    }

    /// Whether `id` is 64 lowercase hexadecimal digits.
    public static func isValidID(_ id: String) -> Bool {
        id.utf8.count == 64 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

/// Why the content store could not store or return a blob.
public enum ContentStoreError: Error, Equatable, CustomStringConvertible {
    /// The id is not 64 lowercase hex digits.
    case invalidID(String)
    /// Nothing is stored under the id.
    case notFound(id: String, path: String)
    /// The stored bytes no longer have the hash they are filed under.
    case corrupted(id: String, path: String, actualHash: String)
    /// The system refused a file operation.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidID(let id):
            return "'\(id.prefix(80))' is not a content id (expected 64 lowercase hexadecimal digits of a SHA-256)"
        case .notFound(let id, let path):
            return "no blob \(id) in the content store (\(path) does not exist)"
        case .corrupted(let id, let path, let actual):
            return "blob \(id) in the content store is corrupted: \(path) now hashes to \(actual)"
        case .io(let path, let reason):
            return "content store: \(path): \(reason)"
        }
    }
}
