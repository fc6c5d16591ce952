/// The harness's command-line options.
struct HarnessOptions {
    var paths: [String] = []
    var excludes: [String] = []
    var recursive = false
    var failuresShown = 5
    var printKinds = false
    var fuel: UInt64?
    var knownFailuresPath: String?

    /// What is wrong with the command line.
    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ arguments: [String]) throws -> HarnessOptions {
        var options = HarnessOptions()
        var index = 0
        func value(for flag: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(description: "\(flag) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--exclude": options.excludes.append(try value(for: argument))
            case "--recursive": options.recursive = true
            case "--kinds": options.printKinds = true
            case "--known-failures": options.knownFailuresPath = try value(for: argument)
            case "--fuel":
                let text = try value(for: argument)
                guard let fuel = UInt64(text) else {
                    throw UsageError(description: "--fuel takes a whole number, not \(text)")
                }
                options.fuel = fuel
            case "--show":
                let text = try value(for: argument)
                guard let count = Int(text), count >= 0 else {
                    throw UsageError(description: "--show takes a whole number, not \(text)")
                }
                options.failuresShown = count
            default:
                if argument.hasPrefix("--") { throw UsageError(description: "unknown option \(argument)") }
                options.paths.append(argument)
            }
            index += 1
        }
        if options.paths.isEmpty { throw UsageError(description: "no .wast file or folder given") }
        return options
    }
}
