import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
import Theater
import TheaterServer

/// The Prometheus endpoint over real HTTP: a running actor's figures and the server's,
/// in a text format a strict reader accepts; an actor that ended has no series any more;
/// other paths are 404.
@Suite(.serialized, .timeLimit(.minutes(2))) struct MetricsEndpointTests {
    /// The endpoint serving `harness`'s runtime and server on a free port.
    private func endpoint(for harness: ServerHarness) async throws -> MetricsEndpoint {
        try await MetricsEndpoint.start(address: ServerAddress(host: "127.0.0.1", port: 0),
                                        collector: RuntimeMetricsCollector(runtime: harness.runtime,
                                                                           server: harness.server.metrics))
    }

    /// GETs `path` from `endpoint`: the status, content type and body.
    private func get(_ path: String, from endpoint: MetricsEndpoint) async throws -> (status: UInt, type: String?, body: String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(endpoint.boundAddress.port)\(path)")
        request.method = .GET
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (response.status.code, response.headers.first(name: "content-type"), String(buffer: body))
    }

    @Test func aScrapeShowsTheActorsMessageCountAndTheServersFigures() async throws {
        let harness = try await ServerHarness()
        let endpoint = try await endpoint(for: harness)
        let client = try harness.client()
        guard case .actorStarted(let id) = try await client.call(.startActor(
            manifest: ServerHarness.counterManifest, initialState: nil, parent: false, subscribe: false)) else {
            Issue.record("the counter did not start"); return
        }
        for _ in 0..<4 { #expect(try await client.call(.sendActorMessage(id: id, data: Array("x".utf8))) == .sentMessage(id: id)) }
        guard case .error = try await client.call(.requestActorMessage(id: id, data: Array("fail".utf8))) else {
            Issue.record("the counter did not answer \"fail\" with an error"); return
        }
        #expect(try await client.call(.requestActorMessage(id: id, data: Array("get".utf8)))
                == .requestedMessage(id: id, message: Array("4".utf8)))
        // The answer leaves during the call; the count follows as soon as the loop moves on.
        #expect(await harness.runtime.waitUntilIdle())

        let scrape = try await get("/metrics", from: endpoint)
        #expect(scrape.status == 200)
        #expect(scrape.type?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = try PrometheusText(scrape.body)
        let actor = ["actor_id": id, "actor_name": "counter"]
        #expect(text.value("theater_actor_messages_handled_total", actor) == 6)
        #expect(text.value("theater_actor_errors_total", actor) == 1)
        #expect(text.value("theater_actor_restarts_total", actor) == 0)
        #expect(text.value("theater_actor_messages_queued", actor) == 0)
        #expect((text.value("theater_actor_fuel_used_total", actor) ?? 0) > 0)
        #expect((text.value("theater_actor_call_seconds_total", actor) ?? 0) > 0)
        #expect((text.value("theater_actor_memory_bytes", actor) ?? 0) >= 65536)
        #expect((text.value("theater_actor_chain_events", actor) ?? 0) > 6)
        #expect(text.value("theater_actor_state_bytes", actor) == 1)
        #expect(text.value("theater_actors_running") == 1)
        #expect(text.value("theater_actors_started_total") == 1)
        #expect(text.value("theater_actors_failed_total") == 0)
        #expect(text.value("theater_management_connections_open") == 1)
        #expect((text.value("theater_management_commands_total") ?? 0) >= 7)
        #expect(text.types["theater_actor_messages_handled_total"] == "counter")
        #expect(text.types["theater_actor_memory_bytes"] == "gauge")

        // Stopped: its series go; the totals stay.
        #expect(try await client.call(.stopActor(id: id)) == .actorStopped(id: id))
        let after = try PrometheusText(try await get("/metrics", from: endpoint).body)
        #expect(after.samples(named: "theater_actor_messages_handled_total").isEmpty)
        #expect(after.value("theater_actors_running") == 0)
        #expect(after.value("theater_actors_started_total") == 1)

        await endpoint.close()
        await harness.close()
    }

    @Test func subscribedEventsAreCounted() async throws {
        let harness = try await ServerHarness()
        let endpoint = try await endpoint(for: harness)
        let client = try harness.client()
        guard case .actorStarted(let id) = try await client.call(.startActor(
            manifest: ServerHarness.counterManifest, initialState: nil, parent: false, subscribe: false)) else {
            Issue.record("the counter did not start"); return
        }
        guard case .subscribed = try await client.call(.subscribeToActor(id: id)) else {
            Issue.record("SubscribeToActor did not answer Subscribed"); return
        }
        try await client.send(.sendActorMessage(id: id, data: Array("hi".utf8)))
        // The message's call and return, at least, reach the subscriber.
        var streamed = 0.0
        for _ in 0..<200 where streamed < 2 {
            streamed = try PrometheusText(try await get("/metrics", from: endpoint).body)
                .value("theater_management_events_streamed_total") ?? 0
            if streamed < 2 { try await Task.sleep(nanoseconds: 10_000_000) }
        }
        #expect(streamed >= 2)
        await endpoint.close()
        await harness.close()
    }

    @Test func otherPathsAreNotFound() async throws {
        let harness = try await ServerHarness()
        let endpoint = try await endpoint(for: harness)
        #expect(try await get("/", from: endpoint).status == 404)
        #expect(try await get("/metrics/extra", from: endpoint).status == 404)
        #expect(try await get("/metric", from: endpoint).status == 404)
        #expect(try await get("/metrics", from: endpoint).status == 200)
        await endpoint.close()
        await harness.close()
    }

    @Test func aPortInUseIsAClearError() async throws {
        let harness = try await ServerHarness()
        let first = try await endpoint(for: harness)
        do {
            let second = try await MetricsEndpoint.start(
                address: ServerAddress(host: "127.0.0.1", port: first.boundAddress.port),
                collector: RuntimeMetricsCollector(runtime: harness.runtime))
            await second.close()
            Issue.record("a second endpoint bound the same port")
        } catch let error as MetricsEndpointError {
            #expect(error.description.contains("cannot serve metrics on 127.0.0.1:\(first.boundAddress.port)"))
        }
        await first.close()
        await harness.close()
    }
}
