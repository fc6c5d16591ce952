import Foundation

/// The rules of `CapabilityCheck` for the handlers whose settings are more than numbers:
/// folders, commands, programs, variables and hosts.
extension CapabilityCheck {
    static func compare(
        _ child: FilesystemConfig, within parent: FilesystemConfig, childBase: URL, parentBase: URL,
        into comparison: inout CapabilityComparison
    ) {
        // new_dir = true gives the child a fresh empty folder: nothing existing is granted.
        if !child.newDir, let path = child.path {
            let wanted = CapabilityPath(path, relativeTo: childBase)
            if let parentPath = parent.path {
                let granted = CapabilityPath(parentPath, relativeTo: parentBase)
                if !wanted.isInside(granted) {
                    comparison.add("filesystem.path", "filesystem.path \(wanted) is outside the parent's \(granted)")
                }
            } else {
                comparison.add(
                    "filesystem.path",
                    "filesystem.path \(wanted): the parent has only a fresh folder of its own (new_dir = true), which contains no existing path")
            }
        }
        comparison.subset(
            "filesystem.allowed_commands", child: child.allowedCommands, parent: parent.allowedCommands,
            anything: "every operation")
    }

    static func compare(
        _ child: ProcessConfig, within parent: ProcessConfig, childBase: URL, parentBase: URL,
        into comparison: inout CapabilityComparison
    ) {
        comparison.atMost(
            "process.max_processes", child: child.maxProcesses, parent: parent.maxProcesses, unit: .count("processes"))
        comparison.atMost(
            "process.max_output_buffer", child: child.maxOutputBuffer, parent: parent.maxOutputBuffer, unit: .bytes)
        comparison.subset(
            "process.allowed_programs", child: child.allowedPrograms, parent: parent.allowedPrograms,
            anything: "any program")
        guard let parentPaths = parent.allowedPaths else { return }
        guard let childPaths = child.allowedPaths else {
            let granted = parentPaths.map { CapabilityPath($0, relativeTo: parentBase).description }
            comparison.add(
                "process.allowed_paths",
                "process.allowed_paths: absent, which allows any folder, while the parent allows \(CapabilityComparison.only(granted))")
            return
        }
        let granted = parentPaths.map { CapabilityPath($0, relativeTo: parentBase) }
        for path in childPaths {
            let wanted = CapabilityPath(path, relativeTo: childBase)
            if !granted.contains(where: { wanted.isInside($0) }) {
                let folders = CapabilityComparison.list(granted.map(\.description))
                comparison.add(
                    "process.allowed_paths", "process.allowed_paths: \(wanted) is outside the parent's allowed_paths \(folders)")
            }
        }
    }

    static func compare(
        _ child: EnvironmentConfig, within parent: EnvironmentConfig, into comparison: inout CapabilityComparison
    ) {
        let parentRestricts = parent.allowedVars != nil || !parent.allowedPrefixes.isEmpty
        let childRestricts = child.allowedVars != nil || !child.allowedPrefixes.isEmpty
        if parentRestricts && !childRestricts {
            comparison.add(
                "environment.allowed_vars",
                "environment.allowed_vars: absent (with no allowed_prefixes), which allows every variable, while the parent allows \(describeReadable(parent))")
        } else if !childRestricts {
            // Both read everything not denied: the child must deny what the parent denies.
            for name in parent.deniedVars where child.permits(name) {
                comparison.add(
                    "environment.denied_vars",
                    "environment.denied_vars: \(ManifestNode.quoted(name)) is denied to the parent but readable by the child")
            }
        } else {
            for name in child.allowedVars ?? [] where child.permits(name) && !parent.permits(name) {
                comparison.add(
                    "environment.allowed_vars",
                    "environment.allowed_vars: \(ManifestNode.quoted(name)) is not readable by the parent")
            }
            for prefix in child.allowedPrefixes {
                if parentRestricts && !parent.allowedPrefixes.contains(where: { prefix.hasPrefix($0) }) {
                    comparison.add(
                        "environment.allowed_prefixes",
                        "environment.allowed_prefixes: \(ManifestNode.quoted(prefix)) is not within the parent's prefixes \(CapabilityComparison.list(parent.allowedPrefixes))")
                    continue
                }
                for name in parent.deniedVars where name.hasPrefix(prefix) && child.permits(name) {
                    comparison.add(
                        "environment.denied_vars",
                        "environment.denied_vars: \(ManifestNode.quoted(name)) is denied to the parent but readable by the child through the prefix \(ManifestNode.quoted(prefix))")
                }
            }
        }
        if child.allowListAll && !parent.allowListAll {
            comparison.add(
                "environment.allow_list_all", "environment.allow_list_all: true, while the parent may not list variables")
        }
    }

    /// `only the variables "A", "B" and the prefixes "P_"` (or `no variable`) for messages.
    private static func describeReadable(_ config: EnvironmentConfig) -> String {
        let names = config.allowedVars ?? []
        if names.isEmpty && config.allowedPrefixes.isEmpty { return "no variable" }
        var parts: [String] = []
        if !names.isEmpty { parts.append("the variables \(CapabilityComparison.list(names))") }
        if !config.allowedPrefixes.isEmpty {
            parts.append("the prefixes \(CapabilityComparison.list(config.allowedPrefixes))")
        }
        return "only " + parts.joined(separator: " and ")
    }

    static func compare(
        _ child: HTTPClientConfig, within parent: HTTPClientConfig, into comparison: inout CapabilityComparison
    ) {
        comparison.atMost(
            "http-client.timeout_ms", child: child.timeoutMs, parent: parent.timeoutMs, unit: .milliseconds,
            absent: "absent (the runtime's default)")
        comparison.atMost(
            "http-client.max_response_bytes", child: child.maxResponseBytes, parent: parent.maxResponseBytes, unit: .bytes)
        comparison.atMost(
            "http-client.max_redirects", child: child.maxRedirects, parent: parent.maxRedirects, unit: .count("redirects"))
        guard let parentHosts = parent.allowedHosts else { return }
        guard let childHosts = child.allowedHosts else {
            comparison.add(
                "http-client.allowed_hosts",
                "http-client.allowed_hosts: absent, which allows any host, while the parent allows \(CapabilityComparison.only(parentHosts))")
            return
        }
        for pattern in childHosts where !covers(parentHosts, pattern: pattern, parent: parent) {
            comparison.add(
                "http-client.allowed_hosts",
                "http-client.allowed_hosts: \(ManifestNode.quoted(pattern)) is not allowed to the parent")
        }
    }

    /// Whether every host `pattern` matches is permitted by the parent: an exact host
    /// by `HTTPClientConfig.permits(host:)`, a `*.x.org` pattern by a parent pattern
    /// `*.y` whose suffix `.y` ends `.x.org`.
    private static func covers(_ parentHosts: [String], pattern: String, parent: HTTPClientConfig) -> Bool {
        let pattern = pattern.lowercased()
        guard pattern.hasPrefix("*.") else { return parent.permits(host: pattern) }
        let suffix = pattern.dropFirst()
        return parentHosts.contains { granted in
            let granted = granted.lowercased()
            return granted.hasPrefix("*.") && suffix.hasSuffix(granted.dropFirst())
        }
    }

    /// `http-framework`: every limit at most the parent's; the hosts a server may bind
    /// within the parent's (loopback only when absent); the ports within the parent's.
    static func compare(
        _ child: HTTPFrameworkConfig, within parent: HTTPFrameworkConfig, into comparison: inout CapabilityComparison
    ) {
        comparison.atMost("http-framework.max_body_bytes", child: child.maxBodyBytes, parent: parent.maxBodyBytes, unit: .bytes)
        comparison.atMost(
            "http-framework.max_header_bytes", child: child.maxHeaderBytes, parent: parent.maxHeaderBytes, unit: .bytes)
        comparison.atMost(
            "http-framework.max_connections", child: child.maxConnections, parent: parent.maxConnections,
            unit: .count("connections"))
        comparison.atMost(
            "http-framework.request_timeout_ms", child: child.requestTimeoutMs, parent: parent.requestTimeoutMs,
            unit: .milliseconds)
        comparison.atMost(
            "http-framework.max_websocket_message_bytes", child: child.maxWebSocketMessageBytes,
            parent: parent.maxWebSocketMessageBytes, unit: .bytes)
        for host in child.allowedHosts ?? HTTPFrameworkConfig.loopbackHosts where !parent.permits(host: host) {
            comparison.add(
                "http-framework.allowed_hosts",
                "http-framework.allowed_hosts: \(ManifestNode.quoted(host)) is not allowed to the parent")
        }
        comparison.subset(
            "http-framework.allowed_ports", child: child.allowedPorts?.map(String.init),
            parent: parent.allowedPorts?.map(String.init), anything: "any port")
    }
}
