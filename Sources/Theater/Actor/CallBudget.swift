import Foundation
import Synchronization

/// What one export call may spend, and how it is cut short: fuel (`fuel_per_call`), a
/// wall-clock deadline (`call_deadline_ms`) and a stop from outside the actor.
///
/// The call gets its fuel in slices: each time a slice runs out, the engine asks
/// (`Store.onFuelExhausted`) and `refuel()` decides. It hands out another slice unless the
/// fuel limit is spent, the deadline has passed or a stop was requested; then the call
/// traps there. Checking only between slices costs nothing on the interpreter's hot path,
/// and it makes a cut replayable: the chain records how much fuel was handed out, and a
/// replay hands out exactly that much, so the call stops at the same instruction.
///
/// Owned by one `ActorInstance`, used from its calls only; `interruption` is shared with
/// the actor's runtime, which may set it from any thread.
final class CallBudget {
    /// Fuel handed out at a time: about 20–100 ms of work, the granularity of a cut.
    static let slice: UInt64 = 10_000_000

    /// The call's fuel limit (`UInt64.max` when `fuel_per_call` is unlimited).
    private let fuelLimit: UInt64
    /// The wall-clock time one call may take, if limited.
    private let deadline: Duration?
    /// Set from outside when the actor is being stopped; read at each slice.
    let interruption = CallInterruption()

    /// The fuel handed out to the current call so far.
    private(set) var handedOut: UInt64 = 0
    /// Why the current call was cut short, once it was.
    private(set) var cut: String?
    private var callDeadline: ContinuousClock.Instant?
    /// In replay of a call that was cut short: exactly the fuel it was handed, and why.
    private var replayedCut: (fuel: UInt64, message: String)?

    init(fuelLimit: UInt64?, deadlineMilliseconds: UInt64?) {
        self.fuelLimit = fuelLimit ?? .max
        deadline = deadlineMilliseconds.map { .milliseconds(Int64(clamping: $0)) }
    }

    /// The deadline of the current call, for waits inside it (nil when unlimited or in replay).
    var currentDeadline: ContinuousClock.Instant? { replayedCut == nil ? callDeadline : nil }
    /// The configured deadline in milliseconds, for messages.
    var deadlineDescription: String {
        guard let deadline else { return "none" }
        let (seconds, attoseconds) = deadline.components
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) ms"
    }

    /// Starts a call: returns the first slice of fuel. `replaying` is the recorded cut of
    /// this call when a replay reproduces one.
    func begin(replaying: (fuel: UInt64, message: String)? = nil) -> UInt64 {
        cut = nil
        replayedCut = replaying
        callDeadline = replaying == nil ? deadline.map { ContinuousClock.now + $0 } : nil
        handedOut = min(CallBudget.slice, replaying?.fuel ?? fuelLimit)
        return handedOut
    }

    /// The engine ran out of the fuel handed out: more, or 0 to trap here.
    func refuel() -> UInt64 {
        if let replayedCut {
            guard handedOut < replayedCut.fuel else {
                cut = replayedCut.message
                return 0
            }
            return handOut(upTo: replayedCut.fuel)
        }
        if interruption.isRequested {
            cut = "interrupted: the actor is being stopped"
            return 0
        }
        if let callDeadline, ContinuousClock.now >= callDeadline {
            cut = "the call ran past its deadline of \(deadlineDescription) (call_deadline_ms)"
            return 0
        }
        return handOut(upTo: fuelLimit)
    }

    private func handOut(upTo limit: UInt64) -> UInt64 {
        guard handedOut < limit else { return 0 }
        let more = min(CallBudget.slice, limit - handedOut)
        handedOut += more
        return more
    }
}

/// A request to cut the actor's current call short (it is being stopped), settable from
/// any thread while the call runs.
final class CallInterruption: Sendable {
    private let requested = Atomic<Bool>(false)

    /// Asks the running call (and every later one) to stop at its next fuel slice.
    func request() { requested.store(true, ordering: .relaxed) }

    /// Whether a stop was requested.
    var isRequested: Bool { requested.load(ordering: .relaxed) }
}

/// An export call cut short by its `CallBudget` (recorded as an `interrupted` outcome).
struct CallInterrupted: Error {
    /// The fuel handed out to the call.
    let fuel: UInt64
    /// Why.
    let message: String
}
