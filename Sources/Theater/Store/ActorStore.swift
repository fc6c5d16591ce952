import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One store of the `store` handler: content addressed by SHA-256 and labels, each
/// pointing at one content reference (as upstream Theater).
///
/// On disk, in the store's folder (`<data>/stores/<id>/`):
/// - `content/<sha256 hex>`: the bytes (a `ContentStore`; written atomically, checked
///   against their hash when read);
/// - `labels/<sha256 hex of the label>`: the reference and the label (see `StoreLabel`),
///   replaced atomically (temporary file, fsync, rename, fsync of the folder).
///
/// Several actors may use one store at the same time: every write is one rename, so a
/// reader sees a label's old or new reference, never a mix; the last writer wins.
public struct ActorStore: Sendable {
    /// The store's id (a lowercase UUID).
    public let id: String
    /// The store's folder.
    public let root: URL
    /// The largest content this store handle stores or returns, in bytes.
    public let maximumContentBytes: UInt64

    static let contentFolder = "content"
    static let labelsFolder = "labels"

    private var content: ContentStore { ContentStore(root: root.appendingPathComponent(Self.contentFolder)) }
    private var labelsPath: String { root.appendingPathComponent(Self.labelsFolder).path }

    init(id: String, root: URL, maximumContentBytes: UInt64) {
        self.id = id
        self.root = root
        self.maximumContentBytes = maximumContentBytes
    }

    // MARK: Content

    /// Stores `bytes` (once, however often they are stored) and returns their reference,
    /// the SHA-256 hex.
    public func store(_ bytes: [UInt8]) throws(ActorStoreError) -> String {
        guard UInt64(bytes.count) <= maximumContentBytes else {
            throw .contentTooLarge(size: UInt64(bytes.count), limit: maximumContentBytes)
        }
        do {
            return try content.put(bytes)
        } catch {
            throw Self.storeError(error, store: id)
        }
    }

    /// The content under `hash`, checked against it.
    public func get(_ hash: String) throws(ActorStoreError) -> [UInt8] {
        let path = try contentPath(hash)
        guard let size = Self.fileSize(path) else { throw .contentNotFound(store: id, hash: hash) }
        guard size <= maximumContentBytes else { throw .contentTooLarge(size: size, limit: maximumContentBytes) }
        do {
            return try content.get(hash)
        } catch {
            throw Self.storeError(error, store: id)
        }
    }

    /// Whether content is stored under `hash`.
    public func exists(_ hash: String) throws(ActorStoreError) -> Bool {
        Self.fileSize(try contentPath(hash)) != nil
    }

    /// The references of all content, sorted. Refused when their text (64 bytes each) would
    /// be larger than the content limit.
    public func contentReferences() throws(ActorStoreError) -> [String] {
        let references = try storedReferences()
        try checkListing(references, what: "content references")
        return references
    }

    /// The total size of all content, in bytes.
    public func totalSize() throws(ActorStoreError) -> UInt64 {
        var total: UInt64 = 0
        for hash in try storedReferences() {
            total += Self.fileSize(content.root.appendingPathComponent(hash).path) ?? 0
        }
        return total
    }

    // MARK: Labels

    /// Makes `label` point at `hash` (replacing what it pointed at). The content must be
    /// in the store.
    public func setLabel(_ label: String, to hash: String) throws(ActorStoreError) {
        let label = try StoreLabel(label)
        guard try exists(hash) else { throw .contentNotFound(store: id, hash: hash) }
        try write(label, hash)
    }

    /// Stores `bytes` and makes `label` point at them; returns their reference.
    public func store(_ bytes: [UInt8], at label: String) throws(ActorStoreError) -> String {
        let label = try StoreLabel(label)
        let hash = try store(bytes)
        try write(label, hash)
        return hash
    }

    /// The reference `label` points at, or nil when there is no such label.
    public func reference(at label: String) throws(ActorStoreError) -> String? {
        let label = try StoreLabel(label)
        return try read(fileName: label.fileName)?.hash
    }

    /// Removes `label` (the content stays); false when there was no such label.
    @discardableResult
    public func removeLabel(_ label: String) throws(ActorStoreError) -> Bool {
        let label = try StoreLabel(label)
        do throws(DurableFile.Failure) {
            return try DurableFile.removeDurably(directory: labelsPath, name: label.fileName)
        } catch {
            throw .io(path: error.path, reason: error.description)
        }
    }

    /// Removes `label` if it points at `hash`; returns whether it did.
    @discardableResult
    public func removeLabel(_ label: String, ifPointingAt hash: String) throws(ActorStoreError) -> Bool {
        let label = try StoreLabel(label)
        _ = try contentPath(hash)
        guard try read(fileName: label.fileName)?.hash == hash else { return false }
        return try removeLabel(label.name)
    }

    /// All labels, sorted by their UTF-8 bytes.
    public func labels() throws(ActorStoreError) -> [String] {
        var names: [String] = []
        for fileName in try Self.entries(of: labelsPath) where ContentStore.isValidID(fileName) {
            if let entry = try read(fileName: fileName) { names.append(entry.label.name) }
        }
        try checkListing(names, what: "labels")
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    // MARK: Files

    /// The references of all content files, sorted.
    private func storedReferences() throws(ActorStoreError) -> [String] {
        try Self.entries(of: content.root.path).filter(ContentStore.isValidID).sorted()
    }

    /// Refuses a listing whose strings are larger, together, than the content limit: an
    /// actor gets no more through a listing than through one `get`.
    private func checkListing(_ strings: [String], what: String) throws(ActorStoreError) {
        let bytes = strings.reduce(UInt64(0)) { $0 + UInt64($1.utf8.count) }
        if bytes > maximumContentBytes {
            throw .listingTooLarge(what: what, count: strings.count, bytes: bytes, limit: maximumContentBytes)
        }
    }

    /// The file of content `hash`, after checking that `hash` is a reference.
    private func contentPath(_ hash: String) throws(ActorStoreError) -> String {
        guard ContentStore.isValidID(hash) else { throw .invalidContentRef(hash) }
        return content.root.appendingPathComponent(hash).path
    }

    private func write(_ label: StoreLabel, _ hash: String) throws(ActorStoreError) {
        do throws(DurableFile.Failure) {
            try DurableFile.writeAtomically(label.fileContents(pointingAt: hash), directory: labelsPath,
                                            name: label.fileName)
        } catch {
            throw .io(path: error.path, reason: error.description)
        }
    }

    /// The label file `fileName`, or nil when it does not exist (or was just removed).
    private func read(fileName: String) throws(ActorStoreError) -> (label: StoreLabel, hash: String)? {
        let path = labelsPath + "/" + fileName
        let bytes: [UInt8]
        do throws(DurableFile.Failure) {
            bytes = try DurableFile.read(path)
        } catch {
            if error.code == ENOENT { return nil }
            throw .io(path: error.path, reason: error.description)
        }
        return try StoreLabel.parse(bytes, fileName: fileName, path: path)
    }

    /// The names in a folder (none when it does not exist).
    private static func entries(of folder: String) throws(ActorStoreError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            if !DurableFile.exists(folder) { return [] }
            throw .io(path: folder, reason: "cannot list the folder: \(error.localizedDescription)")
        }
    }

    /// The size of the regular file at `path`, or nil when there is none.
    private static func fileSize(_ path: String) -> UInt64? {
        var status = stat()
        guard path.withCString({ stat($0, &status) }) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return UInt64(status.st_size)
    }

    /// A content store failure as a store error.
    private static func storeError(_ error: Error, store: String) -> ActorStoreError {
        switch error as? ContentStoreError {
        case .invalidID(let hash): return .invalidContentRef(hash)
        case .notFound(let hash, _): return .contentNotFound(store: store, hash: hash)
        case .corrupted(let hash, let path, let actual):
            return .corrupted(path: path, reason: "content \(hash) now hashes to \(actual)")
        case .io(let path, let reason): return .io(path: path, reason: reason)
        case nil: return .io(path: "store \(store)", reason: "\(error)")
        }
    }
}
