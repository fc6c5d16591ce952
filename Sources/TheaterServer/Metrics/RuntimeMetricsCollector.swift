import Prometheus
import Theater

/// Turns a runtime's figures (and a management server's, when there is one) into the
/// Prometheus text format at scrape time.
///
/// Each scrape fills a fresh `PrometheusCollectorRegistry` from the figures as they stand
/// (`ActorRuntime.liveMetrics`, `TheaterRuntime.metrics()`, `ManagementServerMetrics`):
/// nothing is kept between scrapes, so an actor that ended has no series any more, and
/// the message loop pays nothing for Prometheus. A scrape never waits for a busy actor.
public struct RuntimeMetricsCollector: Sendable {
    /// The runtime whose actors are reported.
    public let runtime: TheaterRuntime
    /// The management server's traffic figures, if a server runs.
    public let server: ManagementServerMetrics?
    /// A registry kept up to date by others (swift-metrics through `PrometheusMetricsFactory`,
    /// e.g. Hummingbird's request figures), emitted after the runtime's.
    public let libraryRegistry: PrometheusCollectorRegistry?

    /// A collector for `runtime`, with `server`'s traffic and `libraryRegistry`'s series if given.
    public init(runtime: TheaterRuntime, server: ManagementServerMetrics? = nil,
                libraryRegistry: PrometheusCollectorRegistry? = nil) {
        self.runtime = runtime
        self.server = server
        self.libraryRegistry = libraryRegistry
    }

    /// The whole exposition: every family's `# HELP` and `# TYPE`, then its samples.
    public func scrape() -> [UInt8] {
        let registry = PrometheusCollectorRegistry()
        addRuntimeFigures(to: registry)
        for actor in runtime.runningActors {
            addFigures(of: actor, to: registry)
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        registry.emit(into: &buffer)
        libraryRegistry?.emit(into: &buffer)
        return buffer
    }

    private func addRuntimeFigures(to registry: PrometheusCollectorRegistry) {
        let figures = runtime.metrics()
        registry.makeGauge(descriptor: Self.name(nil, "actors_running", "", "Actors running now."))
            .set(Int64(figures.actorsRunning))
        registry.makeCounter(descriptor: Self.name(nil, "actors_started", "total", "Actors started (each restart counts)."))
            .increment(by: Int64(figures.actorsStarted))
        registry.makeCounter(descriptor: Self.name(nil, "actors_failed", "total", "Actors that ended as failed."))
            .increment(by: Int64(figures.actorsFailed))
        guard let server else { return }
        registry.makeGauge(descriptor: Self.name("management", "connections_open", "", "Management connections open now."))
            .set(Int64(server.connectionsOpen))
        registry.makeCounter(descriptor: Self.name("management", "commands", "total", "Management commands received."))
            .increment(by: Int64(server.commandsHandled))
        registry.makeCounter(descriptor: Self.name("management", "events_streamed", "total",
                                                   "Actor events written to management subscribers."))
            .increment(by: Int64(server.eventsStreamed))
    }

    private func addFigures(of actor: ActorRuntime, to registry: PrometheusCollectorRegistry) {
        let figures = actor.liveMetrics
        let labels = [("actor_id", actor.id), ("actor_name", actor.name)]
        func counter(_ metric: String, _ unit: String, _ help: String, _ value: Int64) {
            registry.makeCounter(descriptor: Self.name("actor", metric, unit, help), labels: labels).increment(by: value)
        }
        func gauge(_ metric: String, _ unit: String, _ help: String, _ value: Double) {
            registry.makeGauge(descriptor: Self.name("actor", metric, unit, help), labels: labels).set(value)
        }
        counter("messages_handled", "total", "Mailbox items the actor handled.", Int64(figures.messagesHandled))
        counter("errors", "total", "Calls that failed or trapped, and messages refused.", Int64(figures.errors))
        counter("restarts", "total", "Times this actor id was started again.", Int64(figures.restarts))
        counter("fuel_used", "total", "Wasm fuel the actor's calls used.", Int64(clamping: figures.fuelUsed))
        registry.makeCounter(descriptor: Self.name("actor", "call", "seconds_total", "Seconds spent in the actor's export calls."),
                             labels: labels)
            .increment(by: figures.callSeconds)
        gauge("messages_queued", "", "Items waiting in the actor's mailbox.", Double(figures.messagesQueued))
        gauge("state", "bytes", "Size of the actor's state.", Double(figures.stateSize))
        gauge("memory", "bytes", "Size of the actor's linear memories.", Double(figures.memoryBytes))
        gauge("chain", "events", "Events in the actor's chain.", Double(figures.chainLength))
        gauge("uptime", "seconds", "Seconds since the actor started.", figures.uptime)
        gauge("subscribers", "", "Open subscriptions to the actor's events.", Double(figures.subscribers))
    }

    /// `theater_[subsystem_]metric[_unit]`, with its help text.
    private static func name(_ subsystem: String?, _ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "theater", subsystem: subsystem, metricName: metric, unitName: unit, helpText: help)
    }
}
