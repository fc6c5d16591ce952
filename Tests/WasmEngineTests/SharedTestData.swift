import Foundation

/// Where the read-only shared test data lives: `../shared` beside the repository
/// (the official Wasm test suite and the Component Model tests).
enum SharedTestData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The official WebAssembly test suite (`../shared/wasm-testsuite`).
    static let wasmTestsuite = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/wasm-testsuite").standardizedFileURL.path
}
