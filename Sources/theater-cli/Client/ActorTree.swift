/// The supervision hierarchy drawn with box-drawing branches, one actor a line:
///
///     supervisor  6f1c2a9b  Running
///     ├─ worker-a  0d4e7f21  Running
///     └─ worker-b  9a3b5c77  Running
///
/// Nodes come from a lookup (id to snapshot) so that the drawing does not talk to a server.
struct ActorTree {
    /// A node's line content (without branches) and its children's ids.
    struct Node {
        let id: String
        let label: String
        let children: [String]
    }

    /// The nodes by id; an id without a node is drawn as "(unknown)".
    let nodes: [String: Node]
    /// How many levels to draw (roots are level 1); nil for all.
    let depth: Int?

    /// The lines for the trees under `roots`, each root and its descendants in order.
    func lines(roots: [String]) -> [String] {
        var lines: [String] = []
        for root in roots { draw(root, prefix: "", branch: "", level: 1, seen: [], into: &lines) }
        return lines
    }

    private func draw(_ id: String, prefix: String, branch: String, level: Int, seen: Set<String>, into lines: inout [String]) {
        guard let node = nodes[id] else {
            lines.append(prefix + branch + "\(id)  (unknown)")
            return
        }
        // A cycle cannot happen in a supervision tree; a confused server must not hang us.
        if seen.contains(id) {
            lines.append(prefix + branch + node.label + "  (cycle)")
            return
        }
        lines.append(prefix + branch + node.label)
        if let depth, level >= depth {
            if !node.children.isEmpty {
                let more = node.children.count
                lines.append(prefix + continuation(branch) + "└─ … \(more) more below depth \(depth)")
            }
            return
        }
        let childPrefix = prefix + continuation(branch)
        for (index, child) in node.children.enumerated() {
            let last = index == node.children.count - 1
            draw(child, prefix: childPrefix, branch: last ? "└─ " : "├─ ", level: level + 1, seen: seen.union([id]), into: &lines)
        }
    }

    /// What goes below a branch: a bar while siblings follow, else blanks.
    private func continuation(_ branch: String) -> String {
        switch branch {
        case "├─ ": return "│  "
        case "└─ ": return "   "
        default: return ""
        }
    }
}
