import ArgumentParser
import Foundation
import Theater

/// `theater replay CHAIN`: re-runs the actor from its chain and proves the run identical,
/// or reports the first divergence.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run an actor from its chain and check that every event is reproduced exactly.",
        discussion: """
        Exit status 0 and `replay identical: N events, head <hash>` when the replay matches; \
        status 1 and a report of the first divergence (sequence number, event type, expected \
        and actual) otherwise. The recorded component is read from the content store of the \
        chain's data directory (DIR/chains/x.chain -> DIR/store), or --data-dir; \
        --component replays a new version of the actor against the old record.
        """
    )

    @Argument(help: "A chain file (DIR/chains/<actor-id>.chain).")
    var chain: String

    @Option(name: .long, help: "Replay this component instead of the recorded one.")
    var component: String?

    @Option(name: .long, help: "The data directory whose content store holds the component.")
    var dataDir: String?

    @Flag(name: .long, help: "Print the outcome as one JSON document.")
    var json = false

    func run() async throws {
        let chainURL = URL(fileURLWithPath: chain)
        guard FileManager.default.fileExists(atPath: chainURL.path) else {
            throw CommandFailure("no chain file at \(chain)")
        }
        let store = ChainLocation.contentStore(for: chainURL, explicitDataDir: dataDir)
        let replayer = ChainReplayer(chainURL: chainURL, replacementComponent: component.map { URL(fileURLWithPath: $0) },
                                     contentStore: store)
        let outcome: ReplayOutcome
        do {
            outcome = try await replayer.replay()
        } catch {
            throw CommandFailure("\(error)")
        }
        switch outcome {
        case .identical(let count, let head):
            if json {
                try printJSON(["identical": true, "events": count, "head": head?.hex ?? ""])
            } else {
                print("replay identical: \(count) events, head \(head?.hex ?? "none")")
            }
        case .diverged(let divergence):
            if json {
                var document: [String: Any] = ["identical": false, "sequence": divergence.sequence]
                document["event_type"] = divergence.expected?.typeName ?? divergence.actual?.typeName
                document["expected"] = divergence.expected?.jsonObject() ?? NSNull()
                document["actual"] = divergence.actual?.jsonObject() ?? NSNull()
                try printJSON(document)
            } else {
                print(divergence.description)
            }
            throw ExitCode(1)
        }
    }
}

/// Printing one JSON document to standard output.
func printJSON(_ object: Any) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// Where a chain's data directory is: `DIR/chains/<id>.chain` lives in `DIR`.
enum ChainLocation {
    static func contentStore(for chainURL: URL, explicitDataDir: String?) -> ContentStore {
        if let explicitDataDir {
            return ContentStore(root: DataDirectory.resolve(explicit: explicitDataDir, environment: [:]).storeDirectory)
        }
        let chains = chainURL.standardizedFileURL.deletingLastPathComponent()
        if chains.lastPathComponent == "chains" {
            let root = chains.deletingLastPathComponent()
            return ContentStore(root: DataDirectory.resolve(explicit: root.path, environment: [:]).storeDirectory)
        }
        let resolved = DataDirectory.resolve(explicit: nil, environment: ProcessInfo.processInfo.environment)
        return ContentStore(root: resolved.storeDirectory)
    }
}
