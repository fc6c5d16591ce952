// Small actors the asynchronous tests use to observe what ran concurrently.

/// Waits until `expected` tasks have arrived: proves that that many asynchronous host
/// calls are waiting at once (none of them holds a thread).
actor Rendezvous {
    private let expected: Int
    private var arrived = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(expected: Int) {
        self.expected = expected
    }

    /// Arrives, and returns once all `expected` tasks have.
    func arrive() async {
        arrived += 1
        if arrived == expected {
            for continuation in waiting { continuation.resume() }
            waiting = []
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }
}

/// Counts ticks of a task that keeps running.
actor TickCounter {
    private(set) var ticks = 0

    func tick() {
        ticks += 1
    }
}

/// Collects values from concurrent tasks in arrival order.
actor Recorder {
    private(set) var values: [UInt32] = []

    func record(_ value: UInt32) {
        values.append(value)
    }
}
