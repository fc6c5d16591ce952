import Foundation

/// Where the read-only shared test data lives: `../shared` beside the repository.
enum SharedTestData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Component Model's specification tests (`../shared/component-model/tests`).
    static let componentModelTests = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/component-model/tests").standardizedFileURL.path
}
