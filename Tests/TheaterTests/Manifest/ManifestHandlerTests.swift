import Testing
import Theater

/// Both handler forms, type-name spellings, typed settings and the canonical grant line.
@Suite struct ManifestHandlerTests {
    @Test func currentFormReadsFlattenedSettings() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + """
            [[handler]]
            type = "message-server"

            [[handler]]
            type = "random"
            seed = 42
            max_int = 1000
            """)
        #expect(manifest.handlers == [.messageServer, .random(RandomConfig(seed: 42, maxInt: 1000))])
    }

    @Test func olderFormReadsConfigTable() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + """
            [[handlers]]
            type = "environment"
            config = { allowed_vars = ["HOME"], allow_list_all = true }

            [[handlers]]
            type = "supervisor"
            config = {}
            """)
        #expect(manifest.handlers == [
            .environment(EnvironmentConfig(allowedVars: ["HOME"], allowListAll: true)),
            .supervisor(SupervisorConfig()),
        ])
    }

    @Test func mixedFormsKeepFileOrder() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + """
            [[handlers]]
            type = "store"
            config = {}

            [[handler]]
            type = "runtime"

            [[handlers]]
            type = "timing"
            config = { max_sleep_duration = 500 }
            """)
        #expect(manifest.handlers.map(\.typeName) == ["store", "runtime", "timing"])
        #expect(manifest.handlers[2] == .timing(TimingConfig(maxSleepDuration: 500, minSleepDuration: 1)))
    }

    @Test(arguments: [
        ("Http-client", "http-client"), ("MESSAGE-SERVER", "message-server"), ("message_server", "message-server"),
        ("Http-Framework", "http-framework"), ("Runtime", "runtime"), ("process", "process"),
    ])
    func typeNamesIgnoreCaseAndUnderscores(written: String, canonical: String) throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + "[[handler]]\ntype = \"\(written)\"\n")
        #expect(manifest.handlers.map(\.typeName) == [canonical])
    }

    @Test func everyTypeParsesWithItsDefaults() throws {
        var text = ManifestFixture.minimal
        for name in HandlerSpec.allTypeNames {
            text += "[[handler]]\ntype = \"\(name)\"\n"
            if name == "filesystem" { text += "new_dir = true\n" }
        }
        let manifest = try ManifestFixture.parse(text)
        #expect(manifest.handlers == [
            .runtime, .messageServer, .supervisor(SupervisorConfig()), .store(StoreConfig()),
            .timing(.defaults), .random(RandomConfig()), .environment(EnvironmentConfig()),
            .filesystem(FilesystemConfig(newDir: true)), .httpClient(HTTPClientConfig()),
            .httpFramework(HTTPFrameworkConfig()), .process(ProcessConfig()),
        ])
    }

    @Test func fullSettingsOfTheConfigurableHandlers() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + """
            [[handler]]
            type = "filesystem"
            path = "data/my-actor"
            allowed_commands = ["read", "write"]

            [[handler]]
            type = "http-client"
            base_url = "https://api.example.com"
            timeout_ms = 5000
            headers = { "User-Agent" = "Theater/1.0" }
            allowed_hosts = ["api.example.com", "*.internal.org"]

            [[handler]]
            type = "process"
            max_processes = 3
            max_output_buffer = 4096
            allowed_programs = ["git"]
            """)
        #expect(manifest.handlers[0] == .filesystem(FilesystemConfig(path: "data/my-actor", allowedCommands: ["read", "write"])))
        #expect(manifest.handlers[1] == .httpClient(HTTPClientConfig(
            baseURL: "https://api.example.com", timeoutMs: 5000, headers: ["User-Agent": "Theater/1.0"],
            allowedHosts: ["api.example.com", "*.internal.org"])))
        #expect(manifest.handlers[2] == .process(ProcessConfig(maxProcesses: 3, maxOutputBuffer: 4096, allowedPrograms: ["git"])))
        guard case .filesystem(let filesystem) = manifest.handlers[0] else { return }
        #expect(filesystem.resolvedPath(baseDirectory: ManifestFixture.baseDirectory)?.path
            == "/nonexistent/theater-manifest-tests/data/my-actor")
    }

    @Test func httpClientLimitsHaveDefaultsAndReadTheirKeys() throws {
        let defaults = HTTPClientConfig()
        #expect(defaults.maxResponseBytes == 10 << 20)
        #expect(defaults.maxRedirects == 5)
        #expect(defaults.effectiveTimeoutMs == 30_000)
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + """
            [[handler]]
            type = "http-client"
            max_response_bytes = 4096
            max_redirects = 0
            """)
        #expect(manifest.handlers == [.httpClient(HTTPClientConfig(maxResponseBytes: 4096, maxRedirects: 0))])
        #expect(manifest.handlers[0].canonicalDescription == "http-client {\"max_redirects\":0,\"max_response_bytes\":4096}")
    }

    @Test func httpClientHostRules() {
        let config = HTTPClientConfig(allowedHosts: ["api.example.com", "*.internal.org"])
        #expect(config.permits(host: "API.example.com"))
        #expect(config.permits(host: "a.b.internal.org"))
        #expect(!config.permits(host: "internal.org.evil.com"))
        #expect(!config.permits(host: "example.com"))
        #expect(HTTPClientConfig().permits(host: "anything.test"))
    }

    @Test func canonicalDescriptionSortsKeysAndFillsDefaults() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + """
            [[handler]]
            type = "random"
            seed = 42

            [[handlers]]
            type = "environment"
            config = { denied_vars = ["SECRET"], allowed_vars = ["HOME", "A\\"B"] }

            [[handler]]
            type = "message-server"
            """)
        #expect(manifest.handlers.map(\.canonicalDescription) == [
            "random {\"max_bytes\":1048576,\"seed\":42}",
            "environment {\"allow_list_all\":false,\"allowed_prefixes\":[],\"allowed_vars\":[\"HOME\",\"A\\\"B\"],\"denied_vars\":[\"SECRET\"]}",
            "message-server {}",
        ])
    }

    @Test func canonicalDescriptionIsTheSameForBothForms() throws {
        let current = try ManifestFixture.parse(ManifestFixture.minimal + "[[handler]]\ntype = \"timing\"\nmin_sleep_duration = 5\n")
        let older = try ManifestFixture.parse(ManifestFixture.minimal + "[[handlers]]\ntype = \"Timing\"\nconfig = { min_sleep_duration = 5 }\n")
        #expect(current.handlers == older.handlers)
        #expect(current.handlers.first?.canonicalDescription == "timing {\"max_sleep_duration\":3600000,\"min_sleep_duration\":5}")
    }
}
