import Foundation
import Theater

/// `UpdateActorComponent {id, component}`.
///
/// MANAGEMENT.md gives only the field's name; upstream's CLI documents it as the "path or
/// address to the new component". We read it as a path to a component file on the server's
/// machine: absolute, or relative to the server's working directory (`workingDirectory`),
/// as `StartActor` reads a manifest path. (Upstream's other addresses, content-store
/// references and URLs, are not supported.)
extension ManagementService {
    /// Replaces actor `id`'s component with the file at `component`, keeping its id and state
    /// (see `TheaterRuntime.updateComponent(of:to:)`). Answers `ActorComponentUpdated {id}`;
    /// `ActorNotFound` / `ActorNotRunning` for an unknown or ended actor; `ActorError` saying
    /// why for a component that cannot replace the old one (which then keeps running).
    func updateComponent(of id: String, to component: String) async -> ManagementResponse {
        guard !component.isEmpty else {
            return .error(.invalidRequest("UpdateActorComponent needs `component`, the path of the new component file"))
        }
        let url = (component.hasPrefix("/") ? URL(fileURLWithPath: component)
                                            : workingDirectory.appendingPathComponent(component)).standardizedFileURL
        do throws(ComponentUpdateError) {
            try await runtime.updateComponent(of: id, to: url)
            return .actorComponentUpdated(id: id)
        } catch .unknownActor {
            return .error(.actorNotFound)
        } catch .notRunning {
            return .error(.actorNotRunning)
        } catch {
            return .error(.actorError("cannot update the component of actor \(id): \(error)"))
        }
    }
}
