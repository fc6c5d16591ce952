/// Why an actor with a `filesystem` handler cannot start: its folder is missing, is not a
/// folder, or could not be made. The actor fails to start with this message.
struct FilesystemRootError: Error, Equatable, CustomStringConvertible {
    /// The folder in question.
    let path: String
    /// What is wrong with it.
    let problem: String

    var description: String { "filesystem handler: the folder \(path) \(problem)" }
}
