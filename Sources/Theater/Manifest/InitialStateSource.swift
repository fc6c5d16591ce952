import Foundation

/// Turns a manifest's `init_state` string into the actor's initial state bytes.
///
/// The value is either a file or the state itself:
/// - text that starts with `{` or `[` (JSON) or spans several lines is inline state;
/// - otherwise, if a file exists at the value (relative to the manifest's folder), its
///   contents are the state;
/// - otherwise, a value that looks like a path (ends in `.json` or `.txt`, or contains
///   `/`) is an error, because the file was surely meant to be there;
/// - anything else is inline text, taken as its UTF-8 bytes.
/// Either way the state may be at most `limits.state_size` bytes.
enum InitialStateSource {
    static func load(
        _ value: String, node: ManifestNode, baseDirectory: URL, stateSize: UInt64, fileName: String
    ) throws(ManifestError) -> [UInt8] {
        func failure(_ message: String) -> ManifestError {
            ManifestError(file: fileName, line: node.line, field: node.field, message: message)
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let isInline = trimmed.hasPrefix("{") || trimmed.hasPrefix("[") || value.contains("\n") || value.isEmpty
        if !isInline {
            let url = value.hasPrefix("/")
                ? URL(fileURLWithPath: value) : baseDirectory.appendingPathComponent(value)
            let resolved = url.standardizedFileURL.resolvingSymlinksInPath()
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    throw failure("\(resolved.path) is a folder; init_state must name a file, or hold the state inline")
                }
                return try readStateFile(resolved, stateSize: stateSize, failure: failure)
            }
            if looksLikePath(value) {
                throw failure("no file at \(resolved.path); fix the path (it is relative to the manifest's folder), or write the state inline: init_state = '{\"count\": 0}'")
            }
        }
        let bytes = Array(value.utf8)
        guard UInt64(bytes.count) <= stateSize else {
            throw failure("the inline state is \(bytes.count) bytes, more than limits.state_size (\(stateSize)); shorten it or raise state_size")
        }
        return bytes
    }

    /// Ends in `.json` or `.txt`, or contains `/`.
    static func looksLikePath(_ value: String) -> Bool {
        let lowered = value.lowercased()
        return lowered.hasSuffix(".json") || lowered.hasSuffix(".txt") || value.contains("/")
    }

    private static func readStateFile(
        _ url: URL, stateSize: UInt64, failure: (String) -> ManifestError
    ) throws(ManifestError) -> [UInt8] {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw failure("cannot read \(url.path): \(error.localizedDescription)")
        }
        // A FIFO or device (/dev/zero) would block or never end; only plain files.
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw failure("\(url.path) is not a regular file; init_state must name a plain file")
        }
        let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
        guard size <= stateSize else {
            throw failure("\(url.path) is \(size) bytes, more than limits.state_size (\(stateSize)); use a smaller state or raise state_size")
        }
        do {
            let data = try Data(contentsOf: url)
            guard UInt64(data.count) <= stateSize else {
                throw failure("\(url.path) is \(data.count) bytes, more than limits.state_size (\(stateSize))")
            }
            return [UInt8](data)
        } catch let error as ManifestError {
            throw error
        } catch {
            throw failure("cannot read \(url.path): \(error.localizedDescription)")
        }
    }
}
