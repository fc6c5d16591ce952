import Foundation
import Theater

/// Shared helpers of the manifest tests: parsing text with a fixed folder, and
/// temporary folders for tests that need real files.
enum ManifestFixture {
    /// The folder relative paths resolve against in text-only tests (never touched).
    static let baseDirectory = URL(fileURLWithPath: "/nonexistent/theater-manifest-tests")

    static let fileName = "examples/x/manifest.toml"

    /// Parses `text` as `examples/x/manifest.toml`.
    static func parse(
        _ text: String, environment: [String: String] = [:], baseDirectory: URL = baseDirectory
    ) throws(ManifestError) -> ActorManifest {
        try ActorManifest.parse(text: text, fileName: fileName, baseDirectory: baseDirectory, environment: environment)
    }

    /// The error parsing `text` gives, or nil if it parses.
    static func error(_ text: String, environment: [String: String] = [:]) -> ManifestError? {
        do {
            _ = try parse(text, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    /// A fresh empty folder under the system's temporary folder; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("theater-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The smallest valid manifest, to append cases to: three lines (the third empty),
    /// so that appended text starts on line 4.
    static let minimal = "name = \"counter\"\ncomponent = \"counter.wasm\"\n\n"
}
