import Foundation
import Testing

/// End-to-end checks of `theater wit check` on WIT packages written to a temporary folder.
@Suite struct WitCheckCommandTests {
    let theater: TheaterBinary
    let folder: URL

    init() throws {
        theater = try TheaterBinary.locate()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("theater-wit-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("deps"), withIntermediateDirectories: true)
        try Data("""
        package wasi:clocks@0.2.0;
        interface types { type instant = u64; }
        """.utf8).write(to: folder.appendingPathComponent("deps/clocks.wit"))
    }

    private func writeRoot(_ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent("actor.wit"))
    }

    @Test func theProjectsOwnTheaterPackageChecks() throws {
        let wit = TheaterBinary.packageRoot.appendingPathComponent("wit").path
        let outcome = try theater.run(["wit", "check", wit])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("package ntwk:theater;"))
        // Every interface and world of INTERFACES.md is there.
        for interface in ["actor", "message-server-client", "supervisor-handlers", "http-handlers", "process-handlers",
                          "runtime", "message-server-host", "supervisor", "store", "timing", "random", "environment",
                          "filesystem", "process", "http-client", "http-framework", "http-types", "websocket-types"] {
            #expect(outcome.standardOutput.contains("interface \(interface) {"), "interface \(interface)")
        }
        for world in ["basic-actor", "message-server-actor", "supervisor-actor", "http-actor", "full-actor"] {
            #expect(outcome.standardOutput.contains("world \(world) {"), "world \(world)")
        }
    }

    @Test func printsTheResolvedPackageWithItsDependencies() throws {
        try writeRoot("""
        package ntwk:demo@0.1.0;
        interface counter {
          use wasi:clocks/types@0.2.0.{instant};
          increment: func(by: u32, at: instant) -> result<u64, string>;
        }
        world actor { export counter; }
        """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try theater.run(["wit", "check", folder.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("package ntwk:demo@0.1.0;"))
        #expect(outcome.standardOutput.contains("increment: func(by: u32, at: instant) -> result<u64, string>;"))
        #expect(outcome.standardOutput.contains("package wasi:clocks@0.2.0 {"))
    }

    @Test func anUnknownTypeIsReportedWithItsPosition() throws {
        try writeRoot("""
        package ntwk:demo@0.1.0;
        interface counter {
          increment: func(by: u32) -> missing-type;
        }
        """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try theater.run(["wit", "check", folder.path])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("actor.wit:3:"))
        #expect(outcome.standardError.contains("missing-type"))
    }

    @Test func aMissingFolderIsAnError() throws {
        let outcome = try theater.run(["wit", "check", "/nonexistent/wit"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("no such file or folder"))
    }
}
