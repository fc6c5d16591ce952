import Foundation
import Testing
@testable import Theater

/// The folders of a filesystem handler test, inside a `RuntimeScenario`'s folder:
///
/// ```
/// world/
///   sentinel.txt              "sentinel: keep me"      (outside the root)
///   outside/secret.txt        "secret: never read me"  (outside the root)
///   root/                     the actor's folder (path = "world/root")
///     inside.txt              "inside"
///     sub/file.txt            "sub file"
///     ünïcødé ✓.txt           "unicode"
///     link-in -> sub                       (relative, inside)
///     link-in-abs -> <root>/sub/file.txt   (absolute, inside)
///     link-out-file -> ../sentinel.txt
///     link-out-dir -> ../outside
///     link-out-abs -> <world>/outside      (absolute, outside)
///     sub/link-up -> ../../outside         (a link in the middle of a path)
///     dangling-out -> ../created-outside.txt (leads outside to nothing yet)
///     loop -> loop
///     fifo                                  (a named pipe)
///     hard.txt                              (a hard link to outside/secret.txt)
/// ```
/// `reset()` rebuilds the root's content; `snapshotOutside()` describes everything in
/// `world/` but the root (names, kinds, contents, link targets), to prove nothing there
/// changed.
struct FilesystemTestWorld {
    let world: URL
    let root: URL

    /// The manifest path of the root, relative to the scenario's folder.
    static let rootSetting = "world/root"

    init(in directory: URL) throws {
        world = directory.appendingPathComponent("world", isDirectory: true)
        root = world.appendingPathComponent("root", isDirectory: true)
        let files = FileManager.default
        try files.createDirectory(at: world.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Data("sentinel: keep me".utf8).write(to: world.appendingPathComponent("sentinel.txt"))
        try Data("secret: never read me".utf8).write(to: world.appendingPathComponent("outside/secret.txt"))
        try files.createDirectory(at: root, withIntermediateDirectories: true)
        try reset()
    }

    /// Empties the root and puts the fixture's entries back.
    func reset() throws {
        let files = FileManager.default
        for name in try files.contentsOfDirectory(atPath: root.path) {
            try files.removeItem(at: root.appendingPathComponent(name))
        }
        try files.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("inside".utf8).write(to: root.appendingPathComponent("inside.txt"))
        try Data("sub file".utf8).write(to: root.appendingPathComponent("sub/file.txt"))
        try Data("unicode".utf8).write(to: root.appendingPathComponent("ünïcødé ✓.txt"))
        let links = [
            ("link-in", "sub"), ("link-in-abs", root.path + "/sub/file.txt"),
            ("link-out-file", "../sentinel.txt"), ("link-out-dir", "../outside"),
            ("link-out-abs", world.path + "/outside"), ("sub/link-up", "../../outside"),
            ("dangling-out", "../created-outside.txt"), ("loop", "loop"),
        ]
        for (name, target) in links {
            try files.createSymbolicLink(atPath: root.appendingPathComponent(name).path, withDestinationPath: target)
        }
        #expect(mkfifo(root.appendingPathComponent("fifo").path, 0o644) == 0)
        #expect(link(world.appendingPathComponent("outside/secret.txt").path, root.appendingPathComponent("hard.txt").path) == 0)
    }

    /// Every entry of `world/` outside the root: path, kind, and content or link target.
    func snapshotOutside() throws -> [String: String] {
        var entries: [String: String] = [:]
        func visit(_ folder: URL, _ relative: String) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let url = folder.appendingPathComponent(name)
                let path = relative.isEmpty ? name : relative + "/" + name
                if path == "root" { continue }
                let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
                switch attributes[.type] as? FileAttributeType {
                case .typeSymbolicLink?:
                    entries[path] = "link " + (try FileManager.default.destinationOfSymbolicLink(atPath: url.path))
                case .typeDirectory?:
                    entries[path] = "folder"
                    try visit(url, path)
                default:
                    entries[path] = "file " + String(decoding: try Data(contentsOf: url), as: UTF8.self)
                }
            }
        }
        try visit(world, "")
        return entries
    }
}

/// One call of `FilesystemTestActor`.
enum FilesystemCall: CustomStringConvertible {
    case read(String)
    case write(String, String)
    case list(String)
    case deleteFile(String)
    case createDir(String)
    case deleteDir(String)
    case exists(String)
    case execute(dir: String, command: String, arguments: [String])
    case executeNix(dir: String, command: String)

    /// The function's name in the interface.
    var function: String {
        switch self {
        case .read: return "read-file"
        case .write: return "write-file"
        case .list: return "list-files"
        case .deleteFile: return "delete-file"
        case .createDir: return "create-dir"
        case .deleteDir: return "delete-dir"
        case .exists: return "path-exists"
        case .execute: return "execute-command"
        case .executeNix: return "execute-nix-command"
        }
    }

    var description: String { "\(function)(\(path.debugDescription))" }

    /// The path (or working folder) argument.
    var path: String {
        switch self {
        case .read(let path), .write(let path, _), .list(let path), .deleteFile(let path), .createDir(let path),
             .deleteDir(let path), .exists(let path): return path
        case .execute(let dir, _, _), .executeNix(let dir, _): return dir
        }
    }

    /// The request `FilesystemTestActor` decodes.
    var request: [UInt8] {
        let (operation, extra): (Character, [UInt8]) = switch self {
        case .read: ("r", [])
        case .write(_, let content): ("w", Array(content.utf8))
        case .list: ("l", [])
        case .deleteFile: ("d", [])
        case .createDir: ("m", [])
        case .deleteDir: ("x", [])
        case .exists: ("e", [])
        case .execute(_, let command, let arguments): ("c", ([command] + arguments).flatMap { Array($0.utf8) + [0] })
        case .executeNix(_, let command): ("n", Array(command.utf8))
        }
        let path = Array(self.path.utf8)
        let length = UInt32(path.count)
        return [operation.asciiValue!] + withUnsafeBytes(of: length.littleEndian) { Array($0) } + path + extra
    }
}

/// What `FilesystemTestActor` answered.
enum FilesystemReply: Equatable, CustomStringConvertible {
    case ok([UInt8])
    case err(String)

    init(_ response: [UInt8]) {
        if response.first == 0 {
            self = .ok(Array(response.dropFirst()))
        } else {
            self = .err(String(decoding: response.dropFirst(), as: UTF8.self))
        }
    }

    /// The `ok` payload as text, or nil for an `err`.
    var text: String? {
        if case .ok(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    /// The error message, or nil for `ok`.
    var error: String? {
        if case .err(let message) = self { return message }
        return nil
    }

    /// An `execute-command` answer's `command-result`.
    var command: CommandOutcome? {
        guard case .ok(let bytes) = self, let tag = bytes.first else { return nil }
        if tag == 1 { return .failed(String(decoding: bytes.dropFirst(), as: UTF8.self)) }
        let exit = bytes[1..<5].withUnsafeBytes { $0.loadUnaligned(as: Int32.self) }
        let length = Int(bytes[5..<9].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
        let stdout = String(decoding: bytes[9..<(9 + length)], as: UTF8.self)
        let stderr = String(decoding: bytes[(9 + length)...], as: UTF8.self)
        return .finished(stdout: stdout, stderr: stderr, exitCode: Int32(littleEndian: exit))
    }

    var description: String {
        switch self {
        case .ok(let bytes): return "ok(\(String(decoding: bytes, as: UTF8.self).debugDescription))"
        case .err(let message): return "err(\(message.debugDescription))"
        }
    }
}

extension RuntimeScenario {
    /// Makes one filesystem call through `actor`.
    func call(_ actor: ActorRuntime, _ call: FilesystemCall) async throws -> FilesystemReply {
        FilesystemReply(try await request(actor, call.request))
    }

    /// Starts `FilesystemTestActor` with the filesystem handler settings `settings`
    /// (lines of its `[[handler]]` table after the type).
    func startFilesystemActor(_ settings: String, name: String = "files") async throws -> ActorRuntime {
        try await start(name, component: FilesystemTestActor.component.encoded(),
                        handlers: ["message-server", "type = \"filesystem\"\n" + settings])
    }
}
