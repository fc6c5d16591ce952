import Foundation
import Testing
@testable import Theater

/// `DataDirectory`: where the data lives and the chain file of each actor.
@Suite struct DataDirectoryTests {
    @Test func theExplicitDirectoryWinsThenTheaterHomeThenTheHomeDirectory() {
        let environment = ["THEATER_HOME": "/srv/theater", "HOME": "/home/ada"]
        #expect(DataDirectory.resolve(explicit: "/data/t", environment: environment).root.path == "/data/t")
        #expect(DataDirectory.resolve(explicit: nil, environment: environment).root.path == "/srv/theater")
        #expect(DataDirectory.resolve(explicit: "", environment: environment).root.path == "/srv/theater")
        #expect(DataDirectory.resolve(explicit: nil, environment: ["HOME": "/home/ada"]).root.path == "/home/ada/.theater")
        #expect(DataDirectory.resolve(explicit: nil, environment: ["HOME": "/home/ada", "THEATER_HOME": ""]).root.path == "/home/ada/.theater")
        #expect(DataDirectory.resolve(explicit: "~/t", environment: environment).root.path == "/home/ada/t")
    }

    @Test func chainsAndStoreLiveUnderTheRoot() {
        let directory = DataDirectory(root: URL(fileURLWithPath: "/data/t"))
        #expect(directory.chainsDirectory.path == "/data/t/chains")
        #expect(directory.storeDirectory.path == "/data/t/store")
        #expect(directory.chainURL(actorID: "7f3c2a10-0000-4000-8000-000000000001").path
                == "/data/t/chains/7f3c2a10-0000-4000-8000-000000000001.chain")
    }

    @Test(arguments: ["../../etc/passwd", "/abs", "..", ".", "a/b", "", "é"])
    func noActorIDNamesAFileOutsideTheChainsDirectory(_ id: String) {
        let directory = DataDirectory(root: URL(fileURLWithPath: "/data/t"))
        let url = directory.chainURL(actorID: id)
        #expect(url.deletingLastPathComponent().path == "/data/t/chains")
        #expect(url.lastPathComponent.hasSuffix(".chain"))
        #expect(!url.lastPathComponent.contains("/"))
    }

    @Test func prepareCreatesTheDirectories() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("theater-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = DataDirectory(root: root)
        try directory.prepare()
        try directory.prepare()
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory.chainsDirectory.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(FileManager.default.fileExists(atPath: directory.storeDirectory.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }
}
