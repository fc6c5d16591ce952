import ComponentModel
import Foundation

/// Assembles an actor's sandbox the same way for a live run and for a replay: the granted
/// handler interfaces, the deterministic WASI hosts and the component instance.
enum ActorSandbox {
    /// The instance of `component` for the actor of `context`, granted `manifest`'s handlers.
    static func instantiate(_ component: ValidatedComponent, manifest: ActorManifest, context: ActorContext,
                            randomSeed: UInt64, environment: [String: String],
                            output: WASIOutputSink) throws -> ActorInstance {
        let grants = try HandlerCatalog.interfaces(for: manifest.handlers, context: context, randomSeed: randomSeed,
                                                   environment: environment)
        let wasi = WASIHost(configuration: wasiConfiguration(for: manifest, randomSeed: randomSeed, output: output))
        return try ActorInstance(component: component, grants: grants, wasi: wasi, limits: manifest.limits,
                                 manifestName: manifest.fileName)
    }

    /// WASI as an actor sees it: its name as the only argument, an empty environment (the
    /// `environment` handler is the way to the host's), randomness derived from the actor's
    /// recorded seed, virtual clocks, standard output and error to `output`. All of it
    /// deterministic, so WASI calls need no recording.
    static func wasiConfiguration(for manifest: ActorManifest, randomSeed: UInt64,
                                  output: WASIOutputSink) -> WASIConfiguration {
        var configuration = WASIConfiguration()
        configuration.arguments = [manifest.name]
        configuration.seed = randomSeed ^ 0x5741_5349_5345_4544
        configuration.standardOutput = output
        configuration.standardError = output
        return configuration
    }
}
