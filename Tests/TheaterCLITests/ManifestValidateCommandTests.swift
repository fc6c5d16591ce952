import Foundation
import Testing

/// End-to-end checks of `theater validate`, and of the manifest errors `theater run` and
/// `theater validate` give: every one exits 1 naming the manifest (and its line) and what
/// to change, and nothing starts.
@Suite struct ManifestValidateCommandTests {
    /// The counter component, by absolute path.
    static let counter = ActorTestWorkspace.counterFolder.appendingPathComponent("counter.wasm").path

    @Test func validateListsTheCountersHandlersImportsAndExports() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let outcome = try workspace.theater(["validate", ActorTestWorkspace.counterManifest])
        #expect(outcome.status == 0, "\(outcome.transcript)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        try #require(lines.count == 4, "\(outcome.standardOutput)")
        #expect(lines[0] == "\(ActorTestWorkspace.counterManifest): valid")
        #expect(lines[1] == "  handlers: runtime, message-server")
        #expect(lines[2] == "  imports:  ntwk:theater/types, ntwk:theater/runtime")
        #expect(lines[3].hasPrefix("  exports:  actor.init, message-server-client.handle-send, message-server-client.handle-request"))
        #expect(lines[3].contains("message-server-client.handle-channel-close"))
    }

    /// Runs `theater validate` and `theater run` on `manifest` and checks both fail cleanly
    /// with a message containing every one of `parts`, and that no chain was written (unless
    /// `startIsRecorded`: a component that loads but cannot be instantiated is a recorded start failure).
    private func expectBothReject(_ manifest: String, in workspace: ActorTestWorkspace, mentioning parts: [String],
                                  startIsRecorded: Bool = false,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        let validate = try workspace.theater(["validate", manifest])
        let run = try workspace.run(manifest, ["--request", "get"])
        for (command, outcome) in [("validate", validate), ("run", run)] {
            #expect(outcome.failedCleanly && outcome.status == 1, "\(command): \(outcome.transcript)", sourceLocation: sourceLocation)
            #expect(outcome.standardOutput.isEmpty, "\(command): \(outcome.transcript)", sourceLocation: sourceLocation)
            for part in parts {
                #expect(outcome.standardError.contains(part), "\(command) should say \(part): \(outcome.transcript)",
                        sourceLocation: sourceLocation)
            }
        }
        #expect(workspace.chainFiles().count == (startIsRecorded ? 1 : 0), sourceLocation: sourceLocation)
    }

    @Test func aTOMLSyntaxErrorNamesFileAndLine() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let manifest = try workspace.write("name = \"x\"\ncomponent = \"\(Self.counter)\"\n\n[[handler]\ntype = \"runtime\"\n",
                                           to: "syntax.toml")
        try expectBothReject(manifest, in: workspace, mentioning: ["\(manifest):4: invalid TOML"])
    }

    @Test func anUnknownHandlerTypeNamesFileLineAndTheValidTypes() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let manifest = try workspace.manifest(named: "unknown.toml", actor: "x", component: Self.counter,
                                              handlers: ["runtime", "mesage-server"])
        // Lines: name, version, component, blank, [[handler]], type, blank, [[handler]], type.
        try expectBothReject(manifest, in: workspace, mentioning: [
            "\(manifest):9: handler[1].type: unknown handler type \"mesage-server\"", "did you mean message-server?",
        ])
    }

    @Test func aMissingComponentFileNamesTheComponentLine() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let manifest = try workspace.write("name = \"x\"\nversion = \"0.1.0\"\ncomponent = \"nothere.wasm\"\n\n[[handler]]\ntype = \"runtime\"\n",
                                           to: "missing.toml")
        let expectedPath = workspace.folder.appendingPathComponent("nothere.wasm").standardizedFileURL.path
        try expectBothReject(manifest, in: workspace, mentioning: [
            "\(manifest):3: component: no component file at ", expectedPath,
        ])
    }

    @Test func aComponentPathThatIsAFolderIsRejected() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let manifest = try workspace.write("name = \"x\"\ncomponent_path = \".\"\n", to: "folder.toml")
        try expectBothReject(manifest, in: workspace, mentioning: ["\(manifest):2: component_path: ", "is a folder"])
    }

    @Test func aCoreModuleInsteadOfAComponentIsRejected() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let module = try workspace.write([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00], to: "core.wasm")
        let manifest = try workspace.manifest(actor: "core", component: module, handlers: ["runtime"])
        try expectBothReject(manifest, in: workspace, mentioning: ["core WebAssembly module, not a component"])
    }

    @Test func anUngrantedImportNamesTheInterfaceAndTheHandlerToAdd() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        // The relay forwards requests with message-server-host.request, but gets only `runtime`.
        let manifest = try workspace.manifest(named: "relay.toml", actor: "relay", component: ActorTestWorkspace.relay,
                                              handlers: ["runtime"])
        try expectBothReject(manifest, in: workspace, mentioning: [
            "imports `ntwk:theater/message-server-host`, which is not granted",
            "add a [[handler]] with type = \"message-server\" to \(manifest)",
        ], startIsRecorded: true)
        // The run's chain records the refused start: started, the error, stopped.
        let chain = try #require(workspace.chainFiles().first)
        let events = try workspace.theater(["events", chain])
        let lines = events.standardOutput.split(separator: "\n")
        #expect(lines.count == 3, "\(events.transcript)")
        #expect(lines.dropFirst().first?.contains("actor-error") == true)
        #expect(lines.dropFirst().first?.contains("(start-failed): the component imports `ntwk:theater/message-server-host`") == true)
        #expect(lines.last?.contains("actor-stopped") == true)
        let verify = try workspace.theater(["verify", chain])
        #expect(verify.status == 0, "\(verify.transcript)")
    }

    @Test func aMissingManifestFileIsNamed() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let manifest = workspace.folder.appendingPathComponent("absent.toml").path
        try expectBothReject(manifest, in: workspace, mentioning: [manifest, "no such file"])
    }

    @Test func aManifestOfRandomBytesIsRejected() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        var generator = SystemRandomNumberGenerator()
        let manifest = try workspace.write((0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) }, to: "random.toml")
        try expectBothReject(manifest, in: workspace, mentioning: [manifest])
    }
}
