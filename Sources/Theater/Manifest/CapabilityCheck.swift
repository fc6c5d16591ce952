/// Whether a child's manifest stays within its parent's: a child gets at most what its
/// parent has, so spawning one that asks for more fails with the excess named.
///
/// `excess(of:within:)` compares the two manifests and lists everything the child asks
/// for beyond the parent; an empty list means the child may be spawned. The rules:
///
/// - **Handlers**: the child may only have handler types the parent has
///   (`handler "filesystem": the parent has no filesystem handler`). Settings that
///   configure rather than grant (supervision strategy, random seed, HTTP base URL and
///   headers) are not compared.
/// - **filesystem**: `new_dir = true` is always allowed (a fresh empty folder grants
///   nothing existing); a `path` must be inside the parent's `path` (both made absolute
///   against their manifest's folder and normalised without following symlinks, compared
///   component by component, so `/a/bc` is not inside `/a/b`), and is refused when the
///   parent has only a `new_dir` folder. `allowed_commands` must be a subset of the
///   parent's (absent = every operation).
/// - **process**: `max_processes` and `max_output_buffer` not bigger; `allowed_programs`
///   a subset (absent = any program; names compared exactly); each of `allowed_paths`
///   inside one of the parent's (absent = any folder).
/// - **environment**: every variable the child may read must be readable by the parent:
///   a parent with `allowed_vars` or `allowed_prefixes` requires the child to have them
///   too; each child name must be permitted by the parent; each child prefix must start
///   with one of the parent's prefixes (when the parent has any rule); every name the
///   parent denies must stay unreadable to the child. `allow_list_all = true` needs it in
///   the parent too.
/// - **http-client**: `allowed_hosts` a subset (absent = any host): an exact host must be
///   permitted by the parent's list, a `*.x.org` pattern needs a parent pattern `*.y`
///   with `.x.org` ending in `.y`. `timeout_ms` not bigger (absent in the child while the
///   parent sets one: excess).
/// - **timing**: `max_sleep_duration` not bigger, `min_sleep_duration` not smaller.
/// - **random**: `max_bytes` not bigger; `max_int` not bigger (absent = no bound).
/// - **supervisor**: `max_children` not bigger.
/// - **runtime, message-server, store, http-framework**: have no settings; having the
///   handler is all.
/// - **Limits**: `fuel_per_call`, `memory_bytes`, `state_size`, `message_size`,
///   `mailbox_length` and `call_deadline_ms` each not bigger than the parent's
///   (`"unlimited"` is bigger than any number).
///
/// Everything equal or narrower gives no excess.
public enum CapabilityCheck {
    /// Everything `child` asks for beyond `parent`, handlers in the child's order, then
    /// limits; empty when the child stays within the parent.
    public static func excess(of child: ActorManifest, within parent: ActorManifest) -> [CapabilityExcess] {
        var comparison = CapabilityComparison()
        for handler in child.handlers {
            guard let parentHandler = parent.handlers.first(where: { $0.kind == handler.kind }) else {
                comparison.add(
                    "handler \(ManifestNode.quoted(handler.typeName))",
                    "handler \(ManifestNode.quoted(handler.typeName)): the parent has no \(handler.typeName) handler")
                continue
            }
            compare(handler, within: parentHandler, child: child, parent: parent, into: &comparison)
        }
        compare(child.limits, within: parent.limits, into: &comparison)
        return comparison.excesses
    }

    /// Throws a `CapabilityError` naming every excess when `child` asks for more than
    /// `parent` has; returns quietly otherwise.
    public static func require(_ child: ActorManifest, within parent: ActorManifest) throws(CapabilityError) {
        let excesses = excess(of: child, within: parent)
        guard excesses.isEmpty else {
            throw CapabilityError(child: child.name, parent: parent.name, excesses: excesses)
        }
    }

    /// One handler against the parent's handler of the same kind.
    private static func compare(
        _ handler: HandlerSpec, within parentHandler: HandlerSpec, child: ActorManifest, parent: ActorManifest,
        into comparison: inout CapabilityComparison
    ) {
        switch (handler, parentHandler) {
        case (.filesystem(let mine), .filesystem(let theirs)):
            compare(mine, within: theirs, childBase: child.baseDirectory, parentBase: parent.baseDirectory, into: &comparison)
        case (.process(let mine), .process(let theirs)):
            compare(mine, within: theirs, childBase: child.baseDirectory, parentBase: parent.baseDirectory, into: &comparison)
        case (.environment(let mine), .environment(let theirs)):
            compare(mine, within: theirs, into: &comparison)
        case (.httpClient(let mine), .httpClient(let theirs)):
            compare(mine, within: theirs, into: &comparison)
        case (.httpFramework(let mine), .httpFramework(let theirs)):
            compare(mine, within: theirs, into: &comparison)
        case (.timing(let mine), .timing(let theirs)):
            comparison.atMost(
                "timing.max_sleep_duration", child: mine.maxSleepDuration, parent: theirs.maxSleepDuration,
                unit: .milliseconds)
            comparison.atLeast(
                "timing.min_sleep_duration", child: mine.minSleepDuration, parent: theirs.minSleepDuration,
                unit: .milliseconds)
        case (.random(let mine), .random(let theirs)):
            comparison.atMost("random.max_bytes", child: mine.maxBytes, parent: theirs.maxBytes, unit: .bytes)
            comparison.atMost(
                "random.max_int", child: mine.maxInt, parent: theirs.maxInt, unit: .count(""), absent: "absent (no bound)")
        case (.supervisor(let mine), .supervisor(let theirs)):
            comparison.atMost(
                "supervisor.max_children", child: mine.maxChildren, parent: theirs.maxChildren, unit: .count("children"))
        default:
            // runtime, message-server and store have no settings.
            break
        }
    }

    /// The `[limits]` of the child against the parent's.
    private static func compare(_ limits: ActorLimits, within parent: ActorLimits, into comparison: inout CapabilityComparison) {
        comparison.atMost(
            "limits.fuel_per_call", child: limits.fuelPerCall, parent: parent.fuelPerCall,
            unit: .count("instructions"), absent: "unlimited")
        comparison.atMost("limits.memory_bytes", child: limits.memoryBytes, parent: parent.memoryBytes, unit: .bytes)
        comparison.atMost("limits.state_size", child: limits.stateSize, parent: parent.stateSize, unit: .bytes)
        comparison.atMost("limits.message_size", child: limits.messageSize, parent: parent.messageSize, unit: .bytes)
        comparison.atMost(
            "limits.mailbox_length", child: limits.mailboxLength, parent: parent.mailboxLength, unit: .count("messages"))
        comparison.atMost(
            "limits.call_deadline_ms", child: limits.callDeadlineMs, parent: parent.callDeadlineMs,
            unit: .milliseconds, absent: "unlimited")
    }
}
