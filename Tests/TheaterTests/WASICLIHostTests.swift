import ComponentModel
import Testing
import Theater

/// `wasi:cli/*`: environment from the configuration, exit as a typed error, terminals.
@Suite struct WASICLIHostTests {
    @Test func environmentAndArgumentsComeFromTheConfiguration() throws {
        var configuration = WASIConfiguration()
        configuration.arguments = ["app", "--verbose"]
        configuration.environment = [("HOME", "/home/ada"), ("LANG", "C")]
        let wasi = WASIHost(configuration: configuration)
        let environment = try #require(try WASIHostHarness.interfaces(["wasi:cli/environment@0.2.9"], of: wasi)["wasi:cli/environment@0.2.9"])
        #expect(try environment.function(named: "get-arguments")?.call([]) == [.list([.string("app"), .string("--verbose")])])
        #expect(try environment.function(named: "get-environment")?.call([])
                == [.list([.tuple([.string("HOME"), .string("/home/ada")]), .tuple([.string("LANG"), .string("C")])])])
        #expect(try environment.function(named: "initial-cwd")?.call([]) == [.option(nil)])
    }

    @Test func theDefaultEnvironmentIsEmpty() throws {
        let getEnvironment = try WASIHostHarness.function("get-environment", of: "wasi:cli/environment@0.2.0", in: WASIHost())
        #expect(try getEnvironment.call([]) == [.list([])])
    }

    @Test func exitTrapsAndRecordsTheStatus() throws {
        let wasi = WASIHost()
        let exit = try WASIHostHarness.function("exit", of: "wasi:cli/exit@0.2.0", in: wasi)
        #expect(wasi.exitStatus == nil)
        #expect(throws: ComponentTrap.self) { try exit.call([.result(.error(nil))]) }
        #expect(wasi.exitStatus == WASIExit(code: 1))
        let again = WASIHost()
        let exitOK = try WASIHostHarness.function("exit", of: "wasi:cli/exit@0.2.0", in: again)
        do {
            _ = try exitOK.call([.result(.ok(nil))])
            Issue.record("exit should end the call")
        } catch let trap as ComponentTrap {
            #expect(trap.message.contains("exited with status 0"))
        }
        #expect(again.exitStatus == WASIExit(code: 0))
    }

    @Test func thereAreNoTerminals() throws {
        let wasi = WASIHost()
        for (interface, getter) in [("terminal-stdin", "get-terminal-stdin"), ("terminal-stdout", "get-terminal-stdout"),
                                    ("terminal-stderr", "get-terminal-stderr")] {
            let function = try WASIHostHarness.function(getter, of: "wasi:cli/\(interface)@0.2.0", in: wasi)
            #expect(try function.call([]) == [.option(nil)])
        }
    }

    @Test func noDirectoriesArePreopened() throws {
        let getDirectories = try WASIHostHarness.function("get-directories", of: "wasi:filesystem/preopens@0.2.0", in: WASIHost())
        #expect(try getDirectories.call([]) == [.list([])])
    }
}
