import Foundation
import Testing

/// Supervision trees on the real binary, with the example supervisor and workers: for each
/// strategy, which children a failure restarts and in what order; restart intensity
/// exceeded, escalating to the grandparent; transient and temporary children as in OTP; a
/// child asking for more than its parent has. Every chain of every run replays identically.
@Suite(.timeLimit(.minutes(5))) struct SupervisionCommandTests {
    private typealias Decision = SupervisionRun.Decision

    /// Runs a supervisor of workers a, b, c with `strategy`, crashes worker b, and returns
    /// the children's ids (in start order) and the supervisor's decisions.
    private func crashMiddleWorker(strategy: String, in tree: SupervisionRun) throws
        -> (children: [String], decisions: [Decision], chain: String) {
        for name in ["a", "b", "c"] { try tree.worker(name) }
        let manifest = try tree.supervisor("top", children: ["a.toml", "b.toml", "c.toml"],
                                           settings: "strategy = \"\(strategy)\"")
        let run = try tree.run(manifest, requests: ["children", "1:crash", "1:ping", "children"])
        let children = run.responses[0].split(separator: "\n").map(String.init)
        try #require(children.count == 3, "\(run.responses)")
        #expect(run.responses[1].hasPrefix("error: ") && run.responses[1].contains("unreachable"), "\(run.responses)")
        // The restarted worker answers under the same id, and the children stay in start order.
        #expect(run.responses[2] == "pong b")
        #expect(run.responses[3].split(separator: "\n").map(String.init) == children)
        return (children, try tree.decisions(in: run.chain), run.chain)
    }

    @Test func oneForOneRestartsOnlyTheFailedChild() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let tree = SupervisionRun(workspace: workspace)
        let (children, decisions, _) = try crashMiddleWorker(strategy: "one-for-one", in: tree)
        let (a, b, c) = (children[0], children[1], children[2])
        #expect(decisions == [Decision(action: "child-failed", child: b), Decision(action: "child-restarted", child: b)])
        #expect(tree.incarnations(of: a).count == 1)
        #expect(tree.incarnations(of: b).count == 2)
        #expect(tree.incarnations(of: c).count == 1)
        try tree.expectEveryChainReplays()
    }

    @Test func oneForAllRestartsEveryChildInStartOrder() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let tree = SupervisionRun(workspace: workspace)
        let (children, decisions, _) = try crashMiddleWorker(strategy: "one-for-all", in: tree)
        let (a, b, c) = (children[0], children[1], children[2])
        #expect(decisions == [
            Decision(action: "child-failed", child: b), Decision(action: "child-restarted", child: a),
            Decision(action: "child-restarted", child: b), Decision(action: "child-restarted", child: c),
        ])
        for child in children { #expect(tree.incarnations(of: child).count == 2) }
        // The siblings were stopped by their supervisor for the restart, not failed.
        for sibling in [a, c] {
            let reason = try tree.stopReason(of: tree.incarnations(of: sibling)[0])
            #expect(reason == "restarted by its supervisor (one-for-all: \(b) ended)", "\(reason ?? "none")")
        }
        try tree.expectEveryChainReplays()
    }

    @Test func restForOneRestartsTheFailedChildAndThoseStartedAfterIt() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let tree = SupervisionRun(workspace: workspace)
        let (children, decisions, _) = try crashMiddleWorker(strategy: "rest-for-one", in: tree)
        let (a, b, c) = (children[0], children[1], children[2])
        #expect(decisions == [
            Decision(action: "child-failed", child: b), Decision(action: "child-restarted", child: b),
            Decision(action: "child-restarted", child: c),
        ])
        #expect(tree.incarnations(of: a).count == 1)
        #expect(tree.incarnations(of: b).count == 2)
        #expect(tree.incarnations(of: c).count == 2)
        try tree.expectEveryChainReplays()
    }

    @Test func exceedingTheRestartIntensityEscalatesToTheGrandparent() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let tree = SupervisionRun(workspace: workspace)
        try tree.worker("a")
        try tree.supervisor("middle", children: ["a.toml"], settings: "max_restarts = 1\nmax_seconds = 60")
        let top = try tree.supervisor("top", children: ["middle.toml"], settings: "max_restarts = 5\nmax_seconds = 60")
        // top -> middle -> a: the first crash of a is restarted by middle; the second is one
        // restart too many for middle, which stops its child and fails; top restarts middle,
        // whose init starts a fresh worker.
        let run = try tree.run(top, requests: ["children", "0:children", "0:0:crash", "0:0:crash"])
        let middle = run.responses[0]
        let firstWorker = run.responses[1]
        #expect(run.responses[2].contains("unreachable") && run.responses[3].contains("unreachable"), "\(run.responses)")

        let middleChains = tree.incarnations(of: middle)
        try #require(middleChains.count == 2)
        #expect(try tree.decisions(in: middleChains[0]) == [
            Decision(action: "child-failed", child: firstWorker), Decision(action: "child-restarted", child: firstWorker),
            Decision(action: "child-failed", child: firstWorker), Decision(action: "gave-up", child: ""),
        ])
        let reason = try tree.stopReason(of: middleChains[0]) ?? ""
        #expect(reason.contains("restart intensity exceeded") && reason.contains("max_restarts = 1"), "\(reason)")
        #expect(try tree.decisions(in: run.chain) == [
            Decision(action: "child-failed", child: middle), Decision(action: "child-restarted", child: middle),
        ])
        // The restarted middle started a fresh worker from its init (a new id), which ran until
        // the run ended.
        let spawns = try tree.events(in: middleChains[1]).filter {
            ($0["payload"] as? [String: Any])?["function"] as? String == "spawn"
        }
        #expect(spawns.count == 1)
        #expect(tree.incarnations(of: firstWorker).count == 2)
        let fresh = workspace.chainFiles().filter {
            ![middle, firstWorker].contains(where: $0.contains) && $0 != run.chain
        }
        try #require(fresh.count == 1, "\(workspace.chainFiles())")
        #expect(try tree.stopReason(of: fresh[0])?.contains("its supervisor \(middle) is stopping") == true)
        try tree.expectEveryChainReplays()
    }

    @Test func transientChildrenAreRestartedOnlyAfterAFailure() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let tree = SupervisionRun(workspace: workspace)
        try tree.worker("a", restart: "transient")
        try tree.worker("b", restart: "transient")
        let manifest = try tree.supervisor("top", children: ["a.toml", "b.toml"])
        let run = try tree.run(manifest, requests: ["children", "0:exit", "0:crash", "children"])
        let children = run.responses[0].split(separator: "\n").map(String.init)
        #expect(run.responses[1] == "bye")
        // a exited normally and is gone before the next request: b is child 0 now.
        #expect(try tree.decisions(in: run.chain) == [
            Decision(action: "child-exited", child: children[0]), Decision(action: "child-not-restarted", child: children[0]),
            Decision(action: "child-failed", child: children[1]), Decision(action: "child-restarted", child: children[1]),
        ])
        #expect(run.responses[3] == children[1])
        try tree.expectEveryChainReplays()
    }

    @Test func temporaryChildrenAreNeverRestartedAndPermanentOnesAlways() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let tree = SupervisionRun(workspace: workspace)
        try tree.worker("a", restart: "temporary")
        try tree.worker("b")  // permanent, the supervisor's default
        let manifest = try tree.supervisor("top", children: ["a.toml", "b.toml"])
        let run = try tree.run(manifest, requests: ["children", "0:crash", "children", "0:exit", "children"])
        let children = run.responses[0].split(separator: "\n").map(String.init)
        let (a, b) = (children[0], children[1])
        // a crashed and is gone; b is now child 0, exits normally, and is restarted anyway.
        #expect(run.responses[2] == b)
        #expect(run.responses[3] == "bye")
        #expect(run.responses[4] == b)
        #expect(try tree.decisions(in: run.chain) == [
            Decision(action: "child-failed", child: a), Decision(action: "child-not-restarted", child: a),
            Decision(action: "child-exited", child: b), Decision(action: "child-restarted", child: b),
        ])
        try tree.expectEveryChainReplays()
    }

    @Test func aChildAskingForMoreThanItsParentIsRefusedNamingTheExcess() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let tree = SupervisionRun(workspace: workspace)
        try tree.worker("greedy", extra: "\n[[handler]]\ntype = \"timing\"\n")
        let manifest = try tree.supervisor("top", children: ["greedy.toml"])
        let outcome = try workspace.run(manifest, ["--request", "children"])
        #expect(outcome.failedCleanly, "\(outcome.transcript)")
        #expect(outcome.standardError.contains("actor \"greedy\" asks for more than its parent \"top\" has"),
                "\(outcome.transcript)")
        #expect(outcome.standardError.contains("timing"), "\(outcome.transcript)")
        // Nothing of the refused child ran: only the parent has a chain, and it replays.
        #expect(workspace.chainFiles().count == 1)
        try tree.expectEveryChainReplays()
    }

    @Test func theExampleShowsTheRestartInTheaterEvents() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let tree = SupervisionRun(workspace: workspace)
        let manifest = SupervisionRun.folder.appendingPathComponent("supervisor.toml").path
        let run = try tree.run(manifest, requests: ["children", "1:crash", "1:ping"])
        let children = run.responses[0].split(separator: "\n").map(String.init)
        try #require(children.count == 3)
        #expect(run.responses[2] == "pong b")
        let listing = try workspace.theater(["events", run.chain, "--type", "supervision"])
        #expect(listing.status == 0, "\(listing.transcript)")
        let lines = listing.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.contains("child-failed \(children[1]): failed: the actor trapped: unreachable") == true,
                "\(listing.standardOutput)")
        #expect(lines.last?.contains("child-restarted \(children[1]): incarnation 1 (one-for-one") == true,
                "\(listing.standardOutput)")
        try tree.expectEveryChainReplays()
    }
}
