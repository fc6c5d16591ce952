import Foundation
import Testing
import Theater

/// One parent/child pair of manifests and exactly what the child asks for beyond the parent.
struct CapabilityCase: Sendable, CustomTestStringConvertible {
    let label: String
    /// Manifest lines after the name and component of the parent.
    let parent: String
    /// Manifest lines after the name and component of the child.
    let child: String
    /// The exact messages of `CapabilityCheck.excess`, in order; empty when the child fits.
    let excess: [String]
    var parentFolder = "/srv/parent"
    var childFolder = "/srv/parent"

    var testDescription: String { label }
}

/// `CapabilityCheck`: a child's manifest against its parent's, for every handler kind
/// (wider, narrower, equal), path tricks, and every limit.
@Suite struct CapabilityCheckTests {
    static func handler(_ type: String, _ settings: String = "") -> String {
        "[[handler]]\ntype = \"\(type)\"\n\(settings)\n"
    }

    static func filesystem(_ settings: String) -> String { handler("filesystem", settings) }
    static func process(_ settings: String) -> String { handler("process", settings) }
    static func environment(_ settings: String) -> String { handler("environment", settings) }
    static func http(_ settings: String) -> String { handler("http-client", settings) }
    static func limits(_ settings: String) -> String { "[limits]\n\(settings)\n" }

    static let handlerCases: [CapabilityCase] = [
        .init(label: "same setting-free handlers", parent: handler("runtime") + handler("message-server") + handler("store"),
              child: handler("store") + handler("runtime") + handler("message-server"), excess: []),
        .init(label: "fewer handlers than the parent", parent: handler("runtime") + handler("timing"),
              child: handler("timing"), excess: []),
        .init(label: "a handler the parent lacks", parent: handler("message-server"),
              child: handler("message-server") + filesystem("path = \"data\""),
              excess: ["handler \"filesystem\": the parent has no filesystem handler"]),
        .init(label: "two handlers the parent lacks, in the child's order", parent: handler("runtime"),
              child: handler("process") + handler("http-framework"),
              excess: ["handler \"process\": the parent has no process handler",
                       "handler \"http-framework\": the parent has no http-framework handler"]),
        .init(label: "no handlers at all", parent: "", child: "", excess: []),
    ]

    static let filesystemCases: [CapabilityCase] = [
        .init(label: "fs: same absolute path", parent: filesystem("path = \"/a/b\""), child: filesystem("path = \"/a/b\""),
              excess: []),
        .init(label: "fs: a folder inside", parent: filesystem("path = \"/a/b\""), child: filesystem("path = \"/a/b/c/d\""),
              excess: []),
        .init(label: "fs: a sibling sharing a prefix is not inside", parent: filesystem("path = \"/a/b\""),
              child: filesystem("path = \"/a/bc\""), excess: ["filesystem.path /a/bc is outside the parent's /a/b"]),
        .init(label: "fs: the parent's own parent folder", parent: filesystem("path = \"/a/b\""),
              child: filesystem("path = \"/a\""), excess: ["filesystem.path /a is outside the parent's /a/b"]),
        .init(label: "fs: .. climbing out", parent: filesystem("path = \"/a/b\""), child: filesystem("path = \"/a/b/../c\""),
              excess: ["filesystem.path /a/c is outside the parent's /a/b"]),
        .init(label: "fs: .. that stays inside", parent: filesystem("path = \"/a/b\""),
              child: filesystem("path = \"/a/b/x/../y\""), excess: []),
        .init(label: "fs: dots, double and trailing slashes", parent: filesystem("path = \"/a/b/\""),
              child: filesystem("path = \"/a//b/./c/\""), excess: []),
        .init(label: "fs: .. above the root stays at the root", parent: filesystem("path = \"/a\""),
              child: filesystem("path = \"/../../a/b\""), excess: []),
        .init(label: "fs: the root grants everything", parent: filesystem("path = \"/\""),
              child: filesystem("path = \"/etc\""), excess: []),
        .init(label: "fs: relative paths resolve against each manifest's folder", parent: filesystem("path = \"data\""),
              child: filesystem("path = \"../data/cache\""), excess: [], parentFolder: "/srv/parent",
              childFolder: "/srv/parent/child"),
        .init(label: "fs: a relative path escaping with ..", parent: filesystem("path = \"data\""),
              child: filesystem("path = \"data/../../other\""),
              excess: ["filesystem.path /srv/other is outside the parent's /srv/parent/data"]),
        .init(label: "fs: the same relative path from another folder", parent: filesystem("path = \"data\""),
              child: filesystem("path = \"data\""),
              excess: ["filesystem.path /srv/child/data is outside the parent's /srv/parent/data"],
              childFolder: "/srv/child"),
        .init(label: "fs: new_dir in the child is always allowed", parent: filesystem("path = \"/a/b\""),
              child: filesystem("new_dir = true"), excess: []),
        .init(label: "fs: new_dir in both", parent: filesystem("new_dir = true"), child: filesystem("new_dir = true"),
              excess: []),
        .init(label: "fs: a path when the parent has only new_dir", parent: filesystem("new_dir = true"),
              child: filesystem("path = \"/tmp/x\""),
              excess: ["filesystem.path /tmp/x: the parent has only a fresh folder of its own (new_dir = true), which contains no existing path"]),
        .init(label: "fs: fewer commands", parent: filesystem("path = \"/a\"\nallowed_commands = [\"read\", \"write\"]"),
              child: filesystem("path = \"/a\"\nallowed_commands = [\"read\"]"), excess: []),
        .init(label: "fs: a command the parent lacks", parent: filesystem("path = \"/a\"\nallowed_commands = [\"read\", \"write\"]"),
              child: filesystem("path = \"/a\"\nallowed_commands = [\"read\", \"rm\"]"),
              excess: ["filesystem.allowed_commands: \"rm\" is not allowed to the parent"]),
        .init(label: "fs: every command when the parent has a list",
              parent: filesystem("path = \"/a\"\nallowed_commands = [\"read\", \"write\"]"), child: filesystem("path = \"/a\""),
              excess: ["filesystem.allowed_commands: absent, which allows every operation, while the parent allows only \"read\", \"write\""]),
        .init(label: "fs: every command when the parent allows none", parent: filesystem("path = \"/a\"\nallowed_commands = []"),
              child: filesystem("path = \"/a\""),
              excess: ["filesystem.allowed_commands: absent, which allows every operation, while the parent allows none"]),
        .init(label: "fs: a list when the parent allows everything", parent: filesystem("path = \"/a\""),
              child: filesystem("path = \"/a\"\nallowed_commands = [\"ls\"]"), excess: []),
        .init(label: "fs: wider path and commands together", parent: filesystem("path = \"/a\"\nallowed_commands = []"),
              child: filesystem("path = \"/b\"\nallowed_commands = [\"read\"]"),
              excess: ["filesystem.path /b is outside the parent's /a",
                       "filesystem.allowed_commands: \"read\" is not allowed to the parent"]),
    ]

    static let processCases: [CapabilityCase] = [
        .init(label: "process: equal defaults", parent: process(""), child: process(""), excess: []),
        .init(label: "process: more processes", parent: process(""), child: process("max_processes = 20"),
              excess: ["process.max_processes 20 processes exceeds the parent's 10 processes"]),
        .init(label: "process: fewer processes, smaller buffer", parent: process(""),
              child: process("max_processes = 2\nmax_output_buffer = 4096"), excess: []),
        .init(label: "process: a bigger output buffer", parent: process(""), child: process("max_output_buffer = 2097152"),
              excess: ["process.max_output_buffer 2 MiB exceeds the parent's 1 MiB"]),
        .init(label: "process: a program the parent lacks", parent: process("allowed_programs = [\"git\", \"ls\"]"),
              child: process("allowed_programs = [\"ls\", \"rm\"]"),
              excess: ["process.allowed_programs: \"rm\" is not allowed to the parent"]),
        .init(label: "process: any program when the parent has a list", parent: process("allowed_programs = [\"git\"]"),
              child: process(""),
              excess: ["process.allowed_programs: absent, which allows any program, while the parent allows only \"git\""]),
        .init(label: "process: paths inside the parent's", parent: process("allowed_paths = [\"/w/a\", \"/w/b\"]"),
              child: process("allowed_paths = [\"/w/b/x\", \"/w/a\"]"), excess: []),
        .init(label: "process: a path outside every parent path", parent: process("allowed_paths = [\"/w/a\", \"work\"]"),
              child: process("allowed_paths = [\"/w/ab\"]"),
              excess: ["process.allowed_paths: /w/ab is outside the parent's allowed_paths \"/w/a\", \"/srv/parent/work\""]),
        .init(label: "process: any folder when the parent has a list", parent: process("allowed_paths = [\"/w/a\"]"),
              child: process(""),
              excess: ["process.allowed_paths: absent, which allows any folder, while the parent allows only \"/w/a\""]),
    ]

    static let environmentCases: [CapabilityCase] = [
        .init(label: "env: both unrestricted", parent: environment(""), child: environment(""), excess: []),
        .init(label: "env: a name the parent denies becomes readable", parent: environment("denied_vars = [\"SECRET\"]"),
              child: environment(""),
              excess: ["environment.denied_vars: \"SECRET\" is denied to the parent but readable by the child"]),
        .init(label: "env: the child denies the same and more", parent: environment("denied_vars = [\"SECRET\"]"),
              child: environment("denied_vars = [\"SECRET\", \"TOKEN\"]"), excess: []),
        .init(label: "env: fewer names", parent: environment("allowed_vars = [\"HOME\", \"LANG\"]"),
              child: environment("allowed_vars = [\"HOME\"]"), excess: []),
        .init(label: "env: a name the parent cannot read", parent: environment("allowed_vars = [\"HOME\", \"LANG\"]"),
              child: environment("allowed_vars = [\"HOME\", \"PATH\"]"),
              excess: ["environment.allowed_vars: \"PATH\" is not readable by the parent"]),
        .init(label: "env: every name when the parent lists some", parent: environment("allowed_vars = [\"HOME\", \"LANG\"]"),
              child: environment("denied_vars = [\"X\"]"),
              excess: ["environment.allowed_vars: absent (with no allowed_prefixes), which allows every variable, while the parent allows only the variables \"HOME\", \"LANG\""]),
        .init(label: "env: every name when the parent reads none", parent: environment("allowed_vars = []"),
              child: environment(""),
              excess: ["environment.allowed_vars: absent (with no allowed_prefixes), which allows every variable, while the parent allows no variable"]),
        .init(label: "env: every name when the parent has only prefixes",
              parent: environment("allowed_vars = []\nallowed_prefixes = [\"APP_\", \"LC_\"]"), child: environment(""),
              excess: ["environment.allowed_vars: absent (with no allowed_prefixes), which allows every variable, while the parent allows only the prefixes \"APP_\", \"LC_\""]),
        .init(label: "env: a longer prefix", parent: environment("allowed_prefixes = [\"APP_\"]"),
              child: environment("allowed_prefixes = [\"APP_DB_\"]"), excess: []),
        .init(label: "env: a shorter prefix", parent: environment("allowed_prefixes = [\"APP_\"]"),
              child: environment("allowed_prefixes = [\"AP\"]"),
              excess: ["environment.allowed_prefixes: \"AP\" is not within the parent's prefixes \"APP_\""]),
        .init(label: "env: a name under the parent's prefix", parent: environment("allowed_prefixes = [\"APP_\"]"),
              child: environment("allowed_vars = [\"APP_PORT\"]"), excess: []),
        .init(label: "env: a prefix uncovering a name the parent denies",
              parent: environment("allowed_prefixes = [\"APP_\"]\ndenied_vars = [\"APP_SECRET\"]"),
              child: environment("allowed_prefixes = [\"APP_\"]"),
              excess: ["environment.denied_vars: \"APP_SECRET\" is denied to the parent but readable by the child through the prefix \"APP_\""]),
        .init(label: "env: a denied name the child denies too",
              parent: environment("allowed_prefixes = [\"APP_\"]\ndenied_vars = [\"APP_SECRET\"]"),
              child: environment("allowed_vars = [\"APP_SECRET\"]\nallowed_prefixes = [\"APP_\"]\ndenied_vars = [\"APP_SECRET\"]"),
              excess: []),
        .init(label: "env: naming a variable the parent denies", parent: environment("denied_vars = [\"SECRET\"]"),
              child: environment("allowed_vars = [\"SECRET\", \"HOME\"]"),
              excess: ["environment.allowed_vars: \"SECRET\" is not readable by the parent"]),
        .init(label: "env: listing variables the parent may not list", parent: environment(""),
              child: environment("allow_list_all = true"),
              excess: ["environment.allow_list_all: true, while the parent may not list variables"]),
    ]

    static let httpCases: [CapabilityCase] = [
        .init(label: "http: fewer hosts", parent: http("allowed_hosts = [\"a.com\", \"b.com\"]"),
              child: http("allowed_hosts = [\"b.com\"]"), excess: []),
        .init(label: "http: a host the parent lacks", parent: http("allowed_hosts = [\"a.com\"]"),
              child: http("allowed_hosts = [\"a.com\", \"evil.com\"]"),
              excess: ["http-client.allowed_hosts: \"evil.com\" is not allowed to the parent"]),
        .init(label: "http: hosts compare ignoring case", parent: http("allowed_hosts = [\"api.example.com\"]"),
              child: http("allowed_hosts = [\"API.Example.COM\"]"), excess: []),
        .init(label: "http: a host under the parent's wildcard", parent: http("allowed_hosts = [\"*.example.com\"]"),
              child: http("allowed_hosts = [\"api.example.com\", \"*.eu.example.com\"]"), excess: []),
        .init(label: "http: a wildcard over an exact host", parent: http("allowed_hosts = [\"api.example.com\"]"),
              child: http("allowed_hosts = [\"*.example.com\"]"),
              excess: ["http-client.allowed_hosts: \"*.example.com\" is not allowed to the parent"]),
        .init(label: "http: a wider wildcard", parent: http("allowed_hosts = [\"*.example.com\"]"),
              child: http("allowed_hosts = [\"*.com\", \"example.com\"]"),
              excess: ["http-client.allowed_hosts: \"*.com\" is not allowed to the parent",
                       "http-client.allowed_hosts: \"example.com\" is not allowed to the parent"]),
        .init(label: "http: any host when the parent has a list", parent: http("allowed_hosts = [\"a.com\"]"),
              child: http("base_url = \"https://a.com\""),
              excess: ["http-client.allowed_hosts: absent, which allows any host, while the parent allows only \"a.com\""]),
        .init(label: "http: a longer timeout", parent: http("timeout_ms = 5000"), child: http("timeout_ms = 10000"),
              excess: ["http-client.timeout_ms 10000 ms exceeds the parent's 5000 ms"]),
        .init(label: "http: no timeout when the parent has one", parent: http("timeout_ms = 5000"), child: http(""),
              excess: ["http-client.timeout_ms absent (the runtime's default) exceeds the parent's 5000 ms"]),
        .init(label: "http: headers and base URL grant nothing", parent: http(""),
              child: http("base_url = \"https://x.org\"\nheaders = { \"X-A\" = \"1\" }\ntimeout_ms = 10"), excess: []),
    ]

    static let otherHandlerCases: [CapabilityCase] = [
        .init(label: "timing: a longer sleep", parent: handler("timing"), child: handler("timing", "max_sleep_duration = 7200000"),
              excess: ["timing.max_sleep_duration 7200000 ms exceeds the parent's 3600000 ms"]),
        .init(label: "timing: a shorter minimum sleep", parent: handler("timing", "min_sleep_duration = 10"),
              child: handler("timing"), excess: ["timing.min_sleep_duration 1 ms is below the parent's 10 ms"]),
        .init(label: "timing: narrower on both ends", parent: handler("timing"),
              child: handler("timing", "max_sleep_duration = 100\nmin_sleep_duration = 50"), excess: []),
        .init(label: "random: more bytes per call", parent: handler("random"), child: handler("random", "max_bytes = 2097152"),
              excess: ["random.max_bytes 2 MiB exceeds the parent's 1 MiB"]),
        .init(label: "random: no bound when the parent has one", parent: handler("random", "max_int = 1000"),
              child: handler("random", "seed = 7"), excess: ["random.max_int absent (no bound) exceeds the parent's 1000"]),
        .init(label: "random: a smaller bound and its own seed", parent: handler("random", "seed = 1"),
              child: handler("random", "seed = 2\nmax_int = 10\nmax_bytes = 16"), excess: []),
        .init(label: "supervisor: more children", parent: handler("supervisor"), child: handler("supervisor", "max_children = 200"),
              excess: ["supervisor.max_children 200 children exceeds the parent's 100 children"]),
        .init(label: "supervisor: other settings are not capabilities", parent: handler("supervisor", "max_restarts = 1"),
              child: handler("supervisor", "strategy = \"one-for-all\"\nmax_restarts = 50\nmax_children = 5"), excess: []),
    ]

    static let limitCases: [CapabilityCase] = [
        .init(label: "limits: equal defaults", parent: "", child: "", excess: []),
        .init(label: "limits: more memory", parent: limits("memory_bytes = 268435456"), child: limits("memory_bytes = 536870912"),
              excess: ["limits.memory_bytes 512 MiB exceeds the parent's 256 MiB"]),
        .init(label: "limits: memory not a whole MiB", parent: limits("memory_bytes = 1048576"),
              child: limits("memory_bytes = 1572864"), excess: ["limits.memory_bytes 1536 KiB exceeds the parent's 1 MiB"]),
        .init(label: "limits: unlimited fuel under a limited parent", parent: "", child: limits("fuel_per_call = \"unlimited\""),
              excess: ["limits.fuel_per_call unlimited exceeds the parent's 10000000000 instructions"]),
        .init(label: "limits: limited fuel under an unlimited parent", parent: limits("fuel_per_call = \"unlimited\""),
              child: limits("fuel_per_call = 99999999999999"), excess: []),
        .init(label: "limits: unlimited under unlimited",
              parent: limits("fuel_per_call = \"unlimited\"\ncall_deadline_ms = \"unlimited\""),
              child: limits("fuel_per_call = \"unlimited\"\ncall_deadline_ms = \"unlimited\""), excess: []),
        .init(label: "limits: no deadline under a deadline", parent: "", child: limits("call_deadline_ms = \"unlimited\""),
              excess: ["limits.call_deadline_ms unlimited exceeds the parent's 60000 ms"]),
        .init(label: "limits: a state one byte bigger", parent: limits("state_size = 999"), child: limits("state_size = 1000"),
              excess: ["limits.state_size 1000 bytes exceeds the parent's 999 bytes"]),
        .init(label: "limits: bigger messages and a longer mailbox",
              parent: limits("message_size = 1024\nmailbox_length = 10"),
              child: limits("message_size = 2048\nmailbox_length = 11"),
              excess: ["limits.message_size 2 KiB exceeds the parent's 1 KiB",
                       "limits.mailbox_length 11 messages exceeds the parent's 10 messages"]),
        .init(label: "limits: every limit smaller", parent: "",
              child: limits("""
                  fuel_per_call = 1000
                  memory_bytes = 65536
                  state_size = 10
                  message_size = 10
                  mailbox_length = 1
                  call_deadline_ms = 1
                  """), excess: []),
        .init(label: "limits: a smaller parent makes default children too big",
              parent: limits("memory_bytes = 65536\ncall_deadline_ms = 1000"), child: "",
              excess: ["limits.memory_bytes 256 MiB exceeds the parent's 64 KiB",
                       "limits.call_deadline_ms 60000 ms exceeds the parent's 1000 ms"]),
        .init(label: "limits after handlers", parent: limits("mailbox_length = 5"),
              child: handler("store") + limits("mailbox_length = 6"),
              excess: ["handler \"store\": the parent has no store handler",
                       "limits.mailbox_length 6 messages exceeds the parent's 5 messages"]),
    ]

    static func manifest(_ lines: String, name: String, folder: String) throws -> ActorManifest {
        try ManifestFixture.parse(
            "name = \"\(name)\"\ncomponent = \"a.wasm\"\n\n" + lines, baseDirectory: URL(fileURLWithPath: folder))
    }

    static func check(_ testCase: CapabilityCase) throws {
        let parent = try manifest(testCase.parent, name: "parent", folder: testCase.parentFolder)
        let child = try manifest(testCase.child, name: "child", folder: testCase.childFolder)
        #expect(CapabilityCheck.excess(of: child, within: parent).map(\.message) == testCase.excess)
    }

    @Test(arguments: handlerCases) func handlers(_ testCase: CapabilityCase) throws { try Self.check(testCase) }
    @Test(arguments: filesystemCases) func filesystem(_ testCase: CapabilityCase) throws { try Self.check(testCase) }
    @Test(arguments: processCases) func process(_ testCase: CapabilityCase) throws { try Self.check(testCase) }
    @Test(arguments: environmentCases) func environment(_ testCase: CapabilityCase) throws { try Self.check(testCase) }
    @Test(arguments: httpCases) func httpClient(_ testCase: CapabilityCase) throws { try Self.check(testCase) }
    @Test(arguments: otherHandlerCases) func otherHandlers(_ testCase: CapabilityCase) throws { try Self.check(testCase) }
    @Test(arguments: limitCases) func limits(_ testCase: CapabilityCase) throws { try Self.check(testCase) }

    @Test func everyCaseWithoutExcessIsAlsoWithinItself() throws {
        // A manifest never exceeds itself: the check compares like with like.
        let all = Self.handlerCases + Self.filesystemCases + Self.processCases + Self.environmentCases
            + Self.httpCases + Self.otherHandlerCases + Self.limitCases
        #expect(all.count >= 30)
        for testCase in all {
            for lines in [testCase.parent, testCase.child] {
                let manifest = try Self.manifest(lines, name: "self", folder: testCase.childFolder)
                #expect(CapabilityCheck.excess(of: manifest, within: manifest).isEmpty, "\(testCase.label)")
            }
        }
    }

    @Test func excessNamesItsField() throws {
        let parent = try Self.manifest(Self.filesystem("path = \"/a\""), name: "parent", folder: "/srv")
        let child = try Self.manifest(
            Self.filesystem("path = \"/b\"") + Self.handler("store") + Self.limits("state_size = 999999999"),
            name: "child", folder: "/srv")
        #expect(CapabilityCheck.excess(of: child, within: parent).map(\.field) == [
            "filesystem.path", "handler \"store\"", "limits.state_size",
        ])
    }

    @Test func requireThrowsAnErrorNamingEveryExcess() throws {
        let parent = try Self.manifest(Self.handler("message-server"), name: "boss", folder: "/srv")
        let child = try Self.manifest(
            Self.handler("message-server") + Self.handler("random") + Self.limits("mailbox_length = 20000"),
            name: "worker", folder: "/srv")
        #expect(throws: CapabilityError.self) { try CapabilityCheck.require(child, within: parent) }
        do {
            try CapabilityCheck.require(child, within: parent)
        } catch {
            #expect(error.child == "worker")
            #expect(error.parent == "boss")
            #expect(error.description == """
                actor "worker" asks for more than its parent "boss" has: handler "random": the parent has no random handler; limits.mailbox_length 20000 messages exceeds the parent's 10000 messages
                """)
        }
        try CapabilityCheck.require(parent, within: child)
    }

    @Test func deepAndLongPathsAreNormalisedComponentWise() throws {
        // 20,000 components going down then 20,000 `..` coming back up lands on /a: outside /a/b.
        let deep = "/a/" + Array(repeating: "x", count: 20_000).joined(separator: "/")
            + String(repeating: "/..", count: 20_000)
        let parent = try Self.manifest(Self.filesystem("path = \"/a/b\""), name: "parent", folder: "/srv")
        let climbing = try Self.manifest(Self.filesystem("path = \"\(deep)\""), name: "child", folder: "/srv")
        #expect(CapabilityCheck.excess(of: climbing, within: parent).map(\.message) == [
            "filesystem.path /a is outside the parent's /a/b",
        ])
        let longName = "/a/b/" + String(repeating: "n", count: 100_000)
        let inside = try Self.manifest(Self.filesystem("path = \"\(longName)\""), name: "child", folder: "/srv")
        #expect(CapabilityCheck.excess(of: inside, within: parent).isEmpty)
    }
}
