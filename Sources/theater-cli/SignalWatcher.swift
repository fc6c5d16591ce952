import Dispatch
import Foundation

/// Calls a handler when the process receives one of the given signals (instead of the
/// default of dying), so that a run can close its chains cleanly.
final class SignalWatcher {
    private var sources: [DispatchSourceSignal] = []

    init(signals: [Int32], handler: @escaping () -> Void) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }

    /// Stops watching.
    func cancel() {
        for source in sources { source.cancel() }
        sources = []
    }
}
