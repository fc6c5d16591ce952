import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder of the stores actors make with the `store` handler (`<data>/stores`): one
/// folder per store, named by its id, which `create` makes and `open` checks.
///
/// Sharing: a store belongs to the data directory, not to the actor that made it. Any
/// actor granted the `store` handler may open any store id that exists here (as upstream
/// Theater, where actors share stores by passing their ids), so a store id is the
/// capability to use that store. An id is only ever looked up as a whole lowercase UUID
/// naming a folder directly in `root`: no id can name anything else.
public struct ActorStores: Sendable {
    /// The folder holding one folder per store.
    public let root: URL
    /// The largest content an actor may store or read through these stores, in bytes
    /// (the actor's `message_size` limit).
    public let maximumContentBytes: UInt64

    /// The stores in `root`, for an actor that may move content of at most
    /// `maximumContentBytes` bytes.
    public init(root: URL, maximumContentBytes: UInt64) {
        self.root = root
        self.maximumContentBytes = maximumContentBytes
    }

    /// Makes a new, empty store with a fresh random id. The store's folder appears whole
    /// or not at all: it is built under a temporary name and renamed into place.
    public func create() throws(ActorStoreError) -> ActorStore {
        try makeRoot()
        let id = ActorID.random()
        let temporary = root.appendingPathComponent(".tmp-store-\(id)", isDirectory: true)
        do {
            for folder in [temporary, temporary.appendingPathComponent(ActorStore.contentFolder),
                           temporary.appendingPathComponent(ActorStore.labelsFolder)] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .io(path: temporary.path, reason: "cannot create a store folder: \(error.localizedDescription)")
        }
        let destination = root.appendingPathComponent(id, isDirectory: true)
        do throws(DurableFile.Failure) {
            try DurableFile.rename(temporary.path, to: destination.path)
            try DurableFile.syncDirectory(root.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .io(path: error.path, reason: error.description)
        }
        return ActorStore(id: id, root: destination, maximumContentBytes: maximumContentBytes)
    }

    /// The store `id`, after checking that the id has the form `create` gives and that
    /// the store exists (a real folder, not a symbolic link).
    public func open(_ id: String) throws(ActorStoreError) -> ActorStore {
        guard Self.isValidID(id) else { throw .invalidStoreID(id) }
        let folder = root.appendingPathComponent(id, isDirectory: true)
        var status = stat()
        guard folder.path.withCString({ lstat($0, &status) }) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw .unknownStore(id)
        }
        return ActorStore(id: id, root: folder, maximumContentBytes: maximumContentBytes)
    }

    /// Whether `id` is a UUID in canonical lowercase form: 8-4-4-4-12 ASCII digits and
    /// letters `a`-`f` (checked byte by byte: no other Unicode digit passes).
    public static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) else { return false }
            }
        }
        return true
    }

    /// Creates `root` if needed (and syncs its parent so that the new folder lasts).
    private func makeRoot() throws(ActorStoreError) {
        var status = stat()
        if root.path.withCString({ stat($0, &status) }) == 0 { return }
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw .io(path: root.path, reason: "cannot create the stores folder: \(error.localizedDescription)")
        }
        do throws(DurableFile.Failure) {
            try DurableFile.syncDirectory(root.deletingLastPathComponent().path)
        } catch {
            throw .io(path: error.path, reason: error.description)
        }
    }
}
