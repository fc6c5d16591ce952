import ComponentModel
import Foundation

/// What `theater validate` checks beyond the manifest's own syntax: that the component
/// loads, that every import it makes is granted by a handler, and that it exports what its
/// handlers call.
public enum ActorValidation {
    /// A summary of a valid actor: its exports and the interfaces it imports.
    public struct Report: Sendable {
        public let exports: [String]
        public let imports: [String]
    }

    /// Checks `manifest` and its component; throws `ActorStartError` naming the first problem.
    public static func validate(_ manifest: ActorManifest) throws -> Report {
        let bytes = try ComponentLoader.read(manifest.componentURL)
        let component: ValidatedComponent
        do {
            component = try ComponentLoader.validate(bytes)
        } catch let error as ActorStartError {
            throw ActorStartError.component("\(manifest.componentURL.path): \(error)")
        }
        return try check(component, against: manifest)
    }

    /// Checks an already decoded and validated `component` against `manifest`'s handlers:
    /// every import granted, every export the handlers call present with the right type.
    /// Throws `ActorStartError` naming the first problem.
    public static func check(_ component: ValidatedComponent, against manifest: ActorManifest) throws -> Report {
        // A sandbox that records nothing and reaches no runtime: instantiation alone proves
        // the imports are granted and the exports have the right types.
        let recorder = ChainRecorder(mode: .live(writer: nil), disabled: true)
        let context = ActorContext(actorID: "00000000-0000-4000-8000-000000000000", manifest: manifest,
                                   recorder: recorder, chainURL: nil, runtime: nil, logSink: { _ in })
        let instance = try ActorSandbox.instantiate(component, manifest: manifest, context: context, randomSeed: 0,
                                                    environment: [:], output: .discard)
        for handler in manifest.handlers {
            for interface in HandlerCatalog.requiredExports(of: handler.typeName)
            where !ActorExport.all.contains(where: { $0.interface == interface && instance.implements($0) }) {
                throw ActorStartError.component("handler `\(handler.typeName)` calls the actor's `\(interface)` "
                                                + "exports, but the component exports no `ntwk:theater/\(interface)`")
            }
        }
        let exports = ActorExport.all.filter { instance.implements($0) }.map(\.description)
        return Report(exports: exports, imports: component.imports.map(\.name))
    }
}
