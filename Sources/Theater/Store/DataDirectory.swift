import Foundation

/// Where Theater keeps its data: `chains/` (one chain file per actor), `store/` (the
/// content store), `stores/` (the actors' own stores) and `files/` (actors' fresh folders, made
/// when first needed). Chosen by `--data-dir`, else `$THEATER_HOME`, else `~/.theater`.
public struct DataDirectory: Equatable, Sendable {
    /// The data directory itself.
    public let root: URL

    /// A data directory at `root`.
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The data directory for this run: `explicit` (the `--data-dir` option) when given,
    /// else `THEATER_HOME` from `environment`, else `.theater` in the home directory
    /// (`HOME`, or the account's home). Empty values count as not given; `~` is expanded.
    public static func resolve(explicit: String?, environment: [String: String]) -> DataDirectory {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        if let explicit, !explicit.isEmpty { return DataDirectory(root: url(explicit, home: home)) }
        if let configured = environment["THEATER_HOME"], !configured.isEmpty {
            return DataDirectory(root: url(configured, home: home))
        }
        return DataDirectory(root: URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".theater", isDirectory: true))
    }

    /// `root/chains`: one chain file per actor.
    public var chainsDirectory: URL { root.appendingPathComponent("chains", isDirectory: true) }

    /// `root/store`: the content store.
    public var storeDirectory: URL { root.appendingPathComponent("store", isDirectory: true) }

    /// `root/stores`: the stores actors make with the `store` handler, one folder per store
    /// id (see `ActorStores`). Created when the first store is.
    public var actorStoresDirectory: URL { root.appendingPathComponent("stores", isDirectory: true) }

    /// `root/files`: the folders made for actors whose filesystem handler has `new_dir = true`.
    public var filesDirectory: URL { root.appendingPathComponent("files", isDirectory: true) }

    /// `files/<id>/`: the fresh folder of one actor (its id escaped as in `chainURL`).
    public func filesURL(actorID: String) -> URL {
        filesDirectory.appendingPathComponent(DataDirectory.fileName(for: actorID), isDirectory: true)
    }

    /// `chains/<id>.chain`. Characters other than ASCII letters, digits, `-` and `_`
    /// (and so `/`, `..`) are written `%XX`, so that no actor id names a file outside
    /// `chains/`.
    public func chainURL(actorID: String) -> URL {
        chainsDirectory.appendingPathComponent(DataDirectory.fileName(for: actorID) + ".chain", isDirectory: false)
    }

    /// The chain of one incarnation of an actor: `chainURL(actorID:)` for the first (0), and
    /// `chains/<id>.<n>.chain` for the n-th restart by its supervisor (a `.` in an id is
    /// written `%2E`, so the names cannot collide).
    public func chainURL(actorID: String, incarnation: Int) -> URL {
        guard incarnation > 0 else { return chainURL(actorID: actorID) }
        return chainsDirectory.appendingPathComponent(
            DataDirectory.fileName(for: actorID) + ".\(incarnation).chain", isDirectory: false)
    }

    /// Creates the directory, `chains/` and `store/` if they are missing.
    public func prepare() throws {
        for directory in [root, chainsDirectory, storeDirectory] {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw DataDirectoryError(path: directory.path, reason: error.localizedDescription)
            }
        }
    }

    /// A file name for an actor id that stays inside its directory.
    static func fileName(for actorID: String) -> String {
        var name = ""
        for byte in actorID.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                name.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                name += "%" + ChainHash.hex([byte]).uppercased()
            }
        }
        return name.isEmpty ? "%" : name
    }

    /// A path from the user: `~` expanded, relative paths against the current directory.
    private static func url(_ path: String, home: String) -> URL {
        var expanded = path
        if expanded == "~" {
            expanded = home
        } else if expanded.hasPrefix("~/") {
            expanded = home + expanded.dropFirst(1)
        }
        return URL(fileURLWithPath: expanded, isDirectory: true)
    }
}

/// Why the data directory could not be prepared.
public struct DataDirectoryError: Error, Equatable, CustomStringConvertible {
    /// The directory that could not be created.
    public let path: String
    /// The system's reason.
    public let reason: String

    public var description: String { "cannot create the Theater data directory \(path): \(reason)" }
}
