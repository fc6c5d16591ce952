import Foundation
import Testing
@testable import ComponentModel

/// The `wit/` + `deps/` layout, written into a temporary folder per test.
@Suite struct WitDirectoryTests {
    func makeTree(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wit-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func rootPackageAcrossFilesWithDeps() throws {
        let root = try makeTree([
            "types.wit": "interface types {\n  use wasi:clocks/wall-clock@0.2.0.{datetime};\n  record stat { size: u64, mtime: datetime }\n}\n",
            "world.wit": "package local:fs@0.1.0;\nworld fs {\n  import types;\n  import wasi:io/streams@0.2.0;\n  export run: func();\n}\n",
            "deps/clocks/clock.wit": "package wasi:clocks@0.2.0;\ninterface wall-clock {\n  record datetime { seconds: u64, nanoseconds: u32 }\n}\n",
            "deps/io.wit": "package wasi:io@0.2.0;\ninterface error { resource error; }\ninterface streams {\n  use error.{error};\n  resource input-stream { read: func(len: u64) -> result<list<u8>, error>; }\n}\n",
            "deps/README.md": "not WIT",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let p = try WitResolver.resolve(directory: root)
        #expect(p.name.description == "local:fs@0.1.0")
        #expect(p.interfaces.map(\.name) == ["types"])
        #expect(p.dependencies.map(\.name.description) == ["wasi:clocks@0.2.0", "wasi:io@0.2.0"])
        let reparsed = try WitPackage.parse(source: WitPrinter.render(p), fileName: "printed.wit")
        #expect(reparsed == p)
    }

    @Test func dependencyOrderFollowsUsesNotFileNames() throws {
        let root = try makeTree([
            "main.wit": "package app:main;\nworld w { import b:b/api; }\n",
            "deps/a-first.wit": "package b:b;\ninterface api { use c:c/base.{t}; f: func(x: t); }\n",
            "deps/z-last.wit": "package c:c;\ninterface base { type t = u8; }\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let p = try WitResolver.resolve(directory: root)
        #expect(p.dependencies.count == 2)
    }

    @Test func errorsNameTheFile() throws {
        let root = try makeTree([
            "a.wit": "package x:y;\ninterface i { f: func() -> missing; }\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            _ = try WitResolver.resolve(directory: root)
            Issue.record("expected an error")
        } catch let e as WitError {
            #expect(e.file.hasSuffix("a.wit"))
            #expect(e.line == 2 && e.column == 28)
            #expect(e.description.hasSuffix("a.wit:2:28: unknown type 'missing' in x:y/i; define it or bring it in with 'use interface.{missing}'"))
        }
    }

    @Test func layoutErrors() throws {
        let disagree = try makeTree(["a.wit": "package x:y;\n", "b.wit": "package x:z;\n"])
        let missingDep = try makeTree(["a.wit": "package x:y;\ninterface i { use q:r/s.{t}; }\n"])
        let cycle = try makeTree([
            "a.wit": "package x:y;\n",
            "deps/p.wit": "package p:p;\ninterface i { use q:q/i.{t}; }\n",
            "deps/q.wit": "package q:q;\ninterface i { use p:p/i.{t}; type t = u8; }\n",
        ])
        let empty = try makeTree(["deps/p.wit": "package p:p;\n"])
        defer { for d in [disagree, missingDep, cycle, empty] { try? FileManager.default.removeItem(at: d) } }
        for (dir, fragment) in [(disagree, "disagrees"), (missingDep, "not available"), (cycle, "depend on each other"), (empty, "no .wit files")] {
            #expect(throws: WitError.self) { try WitResolver.resolve(directory: dir) }
            do { _ = try WitResolver.resolve(directory: dir) } catch let e as WitError {
                #expect(e.message.contains(fragment), "\(e)")
            }
        }
    }
}
