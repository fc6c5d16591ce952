/// One file of the project's WIT package as built into the binary (see `ProjectWIT`).
struct ProjectWITFile: Sendable {
    /// The file's name in `wit/`, e.g. `worlds.wit`.
    let name: String
    /// The file's text, exactly as in `wit/`.
    let text: String
}
