/// Why the harness could not carry out a script command (as opposed to a test failing).
enum HarnessError: Error, CustomStringConvertible {
    case unknownModule(String?)
    case unknownExport(String)
    case notAGlobal(String)
    case unsupported(String)

    var description: String {
        switch self {
        case .unknownModule(let name): return name.map { "no module named \($0)" } ?? "no current module"
        case .unknownExport(let name): return "no export named \"\(name)\""
        case .notAGlobal(let name): return "export \"\(name)\" is not a global"
        case .unsupported(let what): return "unsupported: \(what)"
        }
    }
}
