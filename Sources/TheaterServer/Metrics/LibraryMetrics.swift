import Metrics
import Prometheus

/// The process's swift-metrics backend: one Prometheus registry that libraries' metrics
/// (Hummingbird's request counts and durations) go to, for the metrics endpoint to emit
/// after the runtime's own figures.
public enum LibraryMetrics {
    /// The registry, bootstrapping swift-metrics with it on first use. `MetricsSystem`
    /// accepts one bootstrap per process, so only a process's entry point (`theater
    /// server`) may touch this, and nothing else in the process may bootstrap.
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
