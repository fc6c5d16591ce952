import Testing
import Theater

/// One malformed manifest and exactly where its error must point.
struct MalformedManifestCase: Sendable, CustomTestStringConvertible {
    let label: String
    let text: String
    let line: Int?
    let field: String?
    /// A piece of the message that says what to change.
    let advice: String
    var environment: [String: String] = [:]

    var testDescription: String { label }
}

/// Malformed manifests: each must fail with the exact line and field, and a message
/// that tells the user what to write instead.
@Suite struct ManifestMalformedTests {
    static let minimal = ManifestFixture.minimal

    static let cases: [MalformedManifestCase] = [
        .init(label: "missing name", text: "component = \"a.wasm\"\n", line: nil, field: "name",
              advice: "add name = \"my-actor\""),
        .init(label: "missing component", text: "name = \"a\"\n", line: nil, field: "component",
              advice: "add component = \"actor.wasm\""),
        .init(label: "component and component_path", text: "name = \"a\"\ncomponent = \"a.wasm\"\ncomponent_path = \"b.wasm\"\n",
              line: 3, field: "component_path", advice: "keep one of them"),
        .init(label: "name is a number", text: "name = 5\ncomponent = \"a.wasm\"\n", line: 1, field: "name",
              advice: "expected a string, found an integer 5; write name = \"my-actor\""),
        .init(label: "empty name", text: "name = \"\"\ncomponent = \"a.wasm\"\n", line: 1, field: "name",
              advice: "must not be empty"),
        .init(label: "misspelled top-level key", text: minimal + "descripton = \"x\"\n", line: 4, field: "descripton",
              advice: "did you mean description?"),
        .init(label: "version is a float", text: minimal + "version = 1.0\n", line: 4, field: "version",
              advice: "found a floating-point number 1.0; write version = \"0.1.0\""),
        .init(label: "unterminated string", text: "name = \"a\ncomponent = \"x\"\n", line: 1, field: nil,
              advice: "is a closing quote missing on this line?"),
        .init(label: "multi-line inline table from old docs",
              text: minimal + "[[handlers]]\ntype = \"timing\"\nconfig = {\n    max_sleep_duration = 5\n}\n",
              line: 6, field: nil, advice: "must stay on one line"),
        .init(label: "integer too large for TOML", text: minimal + "[[handler]]\ntype = \"random\"\nseed = 99999999999999999999\n",
              line: 6, field: nil, advice: "invalid TOML"),
        .init(label: "misspelled handler type", text: minimal + "[[handler]]\ntype = \"mesage-server\"\n", line: 5,
              field: "handler[0].type", advice: "did you mean message-server?"),
        .init(label: "unknown handler type lists the valid ones", text: minimal + "[[handler]]\ntype = \"metrics\"\n", line: 5,
              field: "handler[0].type", advice: "valid types: runtime, message-server, supervisor"),
        .init(label: "replaced http-server handler", text: minimal + "[[handlers]]\ntype = \"Http-server\"\nconfig = { port = 8080 }\n",
              line: 5, field: "handlers[0].type", advice: "replaced by http-framework"),
        .init(label: "handler without type", text: minimal + "[[handler]]\nseed = 1\n", line: 4, field: "handler[0].type",
              advice: "add type = \"message-server\""),
        .init(label: "handler type is a number", text: minimal + "[[handler]]\ntype = 3\n", line: 5, field: "handler[0].type",
              advice: "expected a string, found an integer 3"),
        .init(label: "seed is a string",
              text: minimal + "[[handler]]\ntype = \"message-server\"\n\n[[handler]]\ntype = \"random\"\nseed = \"abc\"\n",
              line: 9, field: "handler[1].seed", advice: "expected an integer, found a string \"abc\"; write seed = 42"),
        .init(label: "negative seed", text: minimal + "[[handler]]\ntype = \"random\"\nseed = -1\n", line: 6,
              field: "handler[0].seed", advice: "must not be negative (found -1)"),
        .init(label: "max_bytes beyond u32", text: minimal + "[[handler]]\ntype = \"random\"\nmax_bytes = 5_000_000_000\n",
              line: 6, field: "handler[0].max_bytes", advice: "out of range; it must be between 1 and 4294967295 bytes"),
        .init(label: "misspelled handler key", text: minimal + "[[handler]]\ntype = \"random\"\nsed = 4\n", line: 6,
              field: "handler[0].sed", advice: "did you mean seed?"),
        .init(label: "key on a handler without settings", text: minimal + "[[handler]]\ntype = \"runtime\"\nport = 1\n",
              line: 6, field: "handler[0].port", advice: "the runtime handler takes no settings"),
        .init(label: "setting next to config in the old form",
              text: minimal + "[[handlers]]\ntype = \"random\"\nconfig = { seed = 1 }\nmax_bytes = 5\n",
              line: 7, field: "handlers[0].max_bytes", advice: "every setting of the random handler goes inside config: move max_bytes into it"),
        .init(label: "misspelled key inside config",
              text: minimal + "[[handlers]]\ntype = \"environment\"\nconfig = { allowed_var = [\"HOME\"] }\n",
              line: 6, field: "handlers[0].config.allowed_var", advice: "did you mean allowed_vars?"),
        .init(label: "config is not a table", text: minimal + "[[handlers]]\ntype = \"store\"\nconfig = 5\n", line: 6,
              field: "handlers[0].config", advice: "expected a table, found an integer 5"),
        .init(label: "duplicate handler type",
              text: minimal + "[[handler]]\ntype = \"message-server\"\n\n[[handlers]]\ntype = \"Message-Server\"\nconfig = {}\n",
              line: 8, field: "handlers[0].type", advice: "a second message-server handler (the first is handler[0] on line 4)"),
        .init(label: "single-bracket handler table", text: minimal + "[handler]\ntype = \"runtime\"\n", line: 4, field: "handler",
              advice: "write [[handler]] (two brackets)"),
        .init(label: "array element of the wrong type",
              text: minimal + "[[handler]]\ntype = \"environment\"\nallowed_vars = [\n  \"HOME\",\n  3,\n]\n",
              line: 8, field: "handler[0].allowed_vars[1]", advice: "expected a string, found an integer 3"),
        .init(label: "timing minimum above maximum",
              text: minimal + "[[handler]]\ntype = \"timing\"\nmax_sleep_duration = 10\nmin_sleep_duration = 20\n",
              line: 7, field: "handler[0].min_sleep_duration", advice: "make the minimum at most the maximum"),
        .init(label: "filesystem without a folder", text: minimal + "[[handler]]\ntype = \"filesystem\"\n", line: 4,
              field: "handler[0].path", advice: "add path = \"data\" or new_dir = true"),
        .init(label: "filesystem with two folders",
              text: minimal + "[[handler]]\ntype = \"filesystem\"\npath = \"data\"\nnew_dir = true\n",
              line: 7, field: "handler[0].new_dir", advice: "keep one of them"),
        .init(label: "http-client base_url not http",
              text: minimal + "[[handler]]\ntype = \"http-client\"\nbase_url = \"ftp://example.com\"\n",
              line: 6, field: "handler[0].base_url", advice: "is not an http or https URL"),
        .init(label: "http-client max_response_bytes zero",
              text: minimal + "[[handler]]\ntype = \"http-client\"\nmax_response_bytes = 0\n",
              line: 6, field: "handler[0].max_response_bytes", advice: "out of range; it must be between 1 and"),
        .init(label: "http-client max_redirects as a string",
              text: minimal + "[[handler]]\ntype = \"http-client\"\nmax_redirects = \"five\"\n",
              line: 6, field: "handler[0].max_redirects", advice: "expected an integer, found a string \"five\"; write max_redirects = 5"),
        .init(label: "http-client max_redirects too many",
              text: minimal + "[[handler]]\ntype = \"http-client\"\nmax_redirects = 1000\n",
              line: 6, field: "handler[0].max_redirects", advice: "it must be between 0 and 100"),
        .init(label: "misspelled limit", text: minimal + "[limits]\nmemory_byte = 65536\n", line: 5, field: "limits.memory_byte",
              advice: "did you mean memory_bytes?"),
        .init(label: "memory below one page", text: minimal + "[limits]\nmemory_bytes = 1000\n", line: 5,
              field: "limits.memory_bytes", advice: "out of range; it must be between 65536 and"),
        .init(label: "negative state size", text: minimal + "[limits]\nstate_size = -5\n", line: 5, field: "limits.state_size",
              advice: "must not be negative"),
        .init(label: "fuel as a word other than unlimited", text: minimal + "[limits]\nfuel_per_call = \"lots\"\n", line: 5,
              field: "limits.fuel_per_call", advice: "fuel_per_call = \"unlimited\""),
        .init(label: "message size as a float", text: minimal + "[limits]\nmessage_size = 1.5\n", line: 5,
              field: "limits.message_size", advice: "expected an integer, found a floating-point number 1.5"),
        .init(label: "limits is not a table", text: minimal + "limits = [1]\n", line: 4, field: "limits",
              advice: "expected a table, found an array"),
        .init(label: "init_state file missing", text: minimal + "init_state = \"missing/state.json\"\n", line: 4,
              field: "init_state", advice: "no file at /nonexistent/theater-manifest-tests/missing/state.json"),
        .init(label: "unset variable", text: "name = \"a\"\ncomponent = \"${DIR}/a.wasm\"\n", line: 2, field: "component",
              advice: "environment variable DIR is not set"),
        .init(label: "unset variable inside an array",
              text: minimal + "[[handler]]\ntype = \"environment\"\nallowed_vars = [\"HOME\",\n  \"${EXTRA}\"]\n",
              line: 7, field: "handler[0].allowed_vars[1]", advice: "environment variable EXTRA is not set"),
    ]

    @Test(arguments: cases)
    func reportsLineFieldAndAdvice(_ testCase: MalformedManifestCase) {
        guard let error = ManifestFixture.error(testCase.text, environment: testCase.environment) else {
            Issue.record("\(testCase.label): parsed without error")
            return
        }
        #expect(error.file == ManifestFixture.fileName)
        #expect(error.line == testCase.line, "\(error)")
        #expect(error.field == testCase.field, "\(error)")
        #expect(error.message.contains(testCase.advice), "\(error)")
    }

    @Test func descriptionReadsLikeADiagnostic() {
        let error = ManifestFixture.error(
            Self.minimal + "[[handler]]\ntype = \"runtime\"\n\n[[handler]]\ntype = \"random\"\nseed = \"abc\"\n")
        #expect(error?.description
            == "examples/x/manifest.toml:9: handler[1].seed: expected an integer, found a string \"abc\"; write seed = 42")
    }

    @Test func descriptionLeavesOutMissingParts() {
        let error = ManifestError(file: "m.toml", line: nil, field: nil, message: "broken")
        #expect(error.description == "m.toml: broken")
    }
}
