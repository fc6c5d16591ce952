import ComponentModel

/// `wasi:cli/*`: the configured arguments and environment, `exit` as a typed error, the
/// standard streams, and terminals (there are none: a replayable run has no terminal).
extension WASIHost {
    func environmentInterface() -> HostInstance {
        var instance = HostInstance()
        let environment = configuration.environment, arguments = configuration.arguments
        instance.define("get-environment", [], .list(.tuple([.string, .string]))) { _ in
            [.list(environment.map { .tuple([.string($0.name), .string($0.value)]) })]
        }
        instance.define("get-arguments", [], .list(.string)) { _ in
            [.list(arguments.map { .string($0) })]
        }
        instance.define("initial-cwd", [], .option(.string)) { _ in [.option(nil)] }
        return instance
    }

    func exitInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define("exit", [.result(ok: nil, error: nil)], nil) { arguments in
            guard case .result(let status) = arguments[0] else {
                throw ComponentTrap("wasi:cli/exit.exit expects a result, got a \(arguments[0].kindName)")
            }
            if case .ok = status { try self.exit(with: 0) }
            try self.exit(with: 1)
        }
        instance.define("exit-with-code", [.u8], nil) { arguments in
            guard case .u8(let code) = arguments[0] else {
                throw ComponentTrap("wasi:cli/exit.exit-with-code expects a u8, got a \(arguments[0].kindName)")
            }
            try self.exit(with: Int32(code))
        }
        return instance
    }

    func stdinInterface() -> HostInstance {
        var instance = HostInstance()
        let bytes = configuration.standardInput
        instance.define("get-stdin", [], .own(inputStreamType)) { [inputStreams] _ in
            [.own(inputStreams.insert(InputStream(remaining: bytes[...])))]
        }
        return instance
    }

    func stdoutInterface() -> HostInstance {
        outputInterface(getter: "get-stdout", sink: configuration.standardOutput)
    }

    func stderrInterface() -> HostInstance {
        outputInterface(getter: "get-stderr", sink: configuration.standardError)
    }

    private func outputInterface(getter: String, sink: WASIOutputSink) -> HostInstance {
        var instance = HostInstance()
        instance.define(getter, [], .own(outputStreamType)) { [outputStreams] _ in
            [.own(outputStreams.insert(sink))]
        }
        return instance
    }

    func terminalInputInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define(resource: "terminal-input", terminalInputType)
        return instance
    }

    func terminalOutputInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define(resource: "terminal-output", terminalOutputType)
        return instance
    }

    func terminalStdinInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define("get-terminal-stdin", [], .option(.own(terminalInputType))) { _ in [.option(nil)] }
        return instance
    }

    func terminalStdoutInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define("get-terminal-stdout", [], .option(.own(terminalOutputType))) { _ in [.option(nil)] }
        return instance
    }

    func terminalStderrInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define("get-terminal-stderr", [], .option(.own(terminalOutputType))) { _ in [.option(nil)] }
        return instance
    }

    /// `wasi:filesystem/types`: only its resource types (so that `preopens` and the stubs
    /// for file operations agree on them); every operation is left to the trapping stubs.
    func filesystemTypesInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define(resource: "descriptor", descriptorType)
        instance.define(resource: "directory-entry-stream", directoryEntryStreamType)
        return instance
    }

    /// `wasi:filesystem/preopens`: no directories are preopened.
    func preopensInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define("get-directories", [], .list(.tuple([.own(descriptorType), .string]))) { _ in [.list([])] }
        return instance
    }
}
