/// Cycle detection for the acyclicity rules of WIT (type definitions, `use` between
/// interfaces, packages). Iterative, so long chains in hostile input cannot overflow the stack.
enum WitGraph {
    /// Returns the nodes of one cycle (first node repeated at the end), or nil if the graph
    /// restricted to `nodes` is acyclic. Edges to nodes outside `nodes` are ignored.
    static func findCycle<Node: Hashable>(nodes: [Node], edges: (Node) -> [Node]) -> [Node]? {
        let known = Set(nodes)
        var state: [Node: Bool] = [:] // false: on the current path, true: finished
        for start in nodes where state[start] == nil {
            var stack: [(node: Node, next: [Node], index: Int)] = [(start, edges(start).filter(known.contains), 0)]
            state[start] = false
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].index == stack[top].next.count {
                    state[stack[top].node] = true
                    stack.removeLast()
                    continue
                }
                let child = stack[top].next[stack[top].index]
                stack[top].index += 1
                switch state[child] {
                case false?:
                    let path = stack.map(\.node)
                    let from = path.firstIndex(of: child)!
                    return Array(path[from...]) + [child]
                case true?:
                    continue
                case nil:
                    state[child] = false
                    stack.append((child, edges(child).filter(known.contains), 0))
                }
            }
        }
        return nil
    }
}
