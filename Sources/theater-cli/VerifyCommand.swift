import ArgumentParser
import Foundation
import Theater

/// `theater verify CHAIN`: checks every link and hash of a chain file.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every hash and link of a chain file.",
        discussion: """
        Exit status 0 and `chain verified: N events, head <hash>` when the chain is intact (a \
        torn tail, as a crash mid-write leaves, is reported and ignored); status 1 naming the \
        first bad event otherwise.
        """
    )

    @Argument(help: "A chain file.")
    var chain: String

    @Flag(name: .long, help: "Print the outcome as one JSON document.")
    var json = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: chain) else { throw CommandFailure("no chain file at \(chain)") }
        switch ChainVerifier.verify(at: URL(fileURLWithPath: chain)) {
        case .verified(let count, let head, let torn):
            if json {
                try printJSON(["verified": true, "events": count, "head": head?.hex ?? "", "torn_tail_bytes": torn])
            } else {
                print("chain verified: \(count) events, head \(head?.hex ?? "none")")
                if torn > 0 {
                    FileHandle.standardError.write(Data("note: a torn tail of \(torn) bytes (an interrupted write) was ignored\n".utf8))
                }
            }
        case .failed(let failure):
            if json {
                try printJSON(["verified": false, "sequence": failure.sequence.map { Int($0) } as Any? ?? NSNull(),
                               "offset": failure.byteOffset, "reason": failure.reason])
                throw ExitCode(1)
            }
            throw CommandFailure("chain verification failed: \(failure)")
        }
    }
}
