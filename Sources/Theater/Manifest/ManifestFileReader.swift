import Foundation

/// Reads a manifest file as UTF-8 text, refusing what cannot be a manifest: folders,
/// devices and pipes, files over `ManifestDocument.maximumTextBytes`, and bytes that
/// are not UTF-8 (reported with their line).
enum ManifestFileReader {
    static func readText(path: String) throws(ManifestError) -> String {
        func failure(_ message: String, line: Int? = nil) -> ManifestError {
            ManifestError(file: path, line: line, field: nil, message: message)
        }
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw failure("no such file; check the path to the manifest")
        }
        guard !isDirectory.boolValue else {
            throw failure("is a folder; give the path of the manifest file inside it (for example \(path)/manifest.toml)")
        }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw failure("cannot read: \(error.localizedDescription)")
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw failure("is not a regular file; a manifest must be a plain TOML file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= ManifestDocument.maximumTextBytes else {
            throw failure("the manifest is \(size) bytes; a manifest may be at most \(ManifestDocument.maximumTextBytes) bytes (is this the right file?)")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw failure("cannot read: \(error.localizedDescription)")
        }
        guard data.count <= ManifestDocument.maximumTextBytes else {
            throw failure("the manifest is \(data.count) bytes; a manifest may be at most \(ManifestDocument.maximumTextBytes) bytes")
        }
        return try decodeUTF8([UInt8](data), failure: failure)
    }

    /// The text of `bytes`, or an error at the line of the first invalid UTF-8 sequence.
    private static func decodeUTF8(
        _ bytes: [UInt8], failure: (String, Int?) -> ManifestError
    ) throws(ManifestError) -> String {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        var line = 1
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
            case .emptyInput:
                break decoding
            case .error:
                throw failure("the file is not UTF-8 text (invalid bytes on this line); save the manifest as UTF-8", line)
            }
        }
        return String(scalars)
    }
}
