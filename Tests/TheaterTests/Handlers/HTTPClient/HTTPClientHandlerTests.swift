import ComponentModel
import Foundation
import Testing
@testable import Theater

/// The `http-client` handler against a real local server (`LocalHTTPServer`), from a
/// component-text actor (`HTTPClientTestActor`): allowed and refused hosts, redirects
/// checked hop by hop, the Host header trick, socket schemes, the time and size limits,
/// default headers. Each run stops its server and then must replay identically: the
/// responses come from the chain.
@Suite(.timeLimit(.minutes(2))) struct HTTPClientHandlerTests {
    /// A scenario with one http-client actor of the given settings, and a started server.
    private struct Setup {
        let scenario: RuntimeScenario
        let actor: ActorRuntime
        let server: LocalHTTPServer

        init(_ settings: String = "allowed_hosts = [\"localhost\"]") async throws {
            scenario = try RuntimeScenario()
            server = try await LocalHTTPServer.start()
            actor = try await scenario.start(
                "fetcher", component: HTTPClientTestActor.component.encoded(),
                handlers: ["message-server", "type = \"http-client\"\n" + settings])
        }

        func send(_ method: String, _ uri: String, headers: [(String, String)] = []) async throws -> HTTPClientAnswer {
            HTTPClientAnswer(try await scenario.request(actor, HTTPClientTestActor.request(method, uri, headers: headers)))
        }

        func send(_ uri: String) async throws -> HTTPClientAnswer { try await send("GET", uri) }

        /// The recorded `send-http` calls: (request, result) values.
        func recordedCalls() throws -> [(ComponentValue, ComponentValue)] {
            try scenario.events(of: actor).compactMap { event in
                guard case .hostCall(_, "send-http", let arguments, let results) = event else { return nil }
                return (arguments[0], results[0])
            }
        }

        /// Stops the server first, so the replay cannot reach it, then replays every chain.
        func finish(sourceLocation: SourceLocation = #_sourceLocation) async throws {
            await server.stop()
            try await scenario.shutdownAndReplay(expectedChains: 1, sourceLocation: sourceLocation)
        }
    }

    @Test func anAllowedHostAnswersAndTheWholeResponseIsRecorded() async throws {
        let setup = try await Setup()
        #expect(try await setup.send(setup.server.localhostURL + "/ok") == .response(status: 200, body: "hello"))
        let calls = try setup.recordedCalls()
        #expect(calls.count == 1)
        guard case .result(.ok(let payload?))? = calls.first?.1 else {
            Issue.record("send-http was not recorded as ok: \(String(describing: calls.first?.1))")
            return
        }
        let response = try HTTPResponseValue(payload)
        #expect(response.status == 200)
        #expect(response.body == Array("hello".utf8))
        #expect(response.headers.filter { $0.name.lowercased() == "cache-control" }.map(\.value) == ["no-cache", "no-store"],
                "repeated headers arrive in order")
        #expect(response.header("content-length") == "5")
        try await setup.finish()
    }

    @Test func aHostOutsideAllowedHostsIsRefusedBeforeAnythingIsSent() async throws {
        let setup = try await Setup("allowed_hosts = [\"example.org\"]")
        let answer = try await setup.send(setup.server.addressURL + "/ok")
        #expect(answer == .error("the host \"127.0.0.1\" is not in allowed_hosts"))
        #expect(setup.server.hits == 0)
        try await setup.finish()
    }

    @Test func wildcardsMatchSubdomainsOnlyAndNeverAddresses() async throws {
        let setup = try await Setup("allowed_hosts = [\"*.localhost\", \"*.0.0.1\"]")
        #expect(try await setup.send(setup.server.localhostURL + "/ok")
            == .error("the host \"localhost\" is not in allowed_hosts"))
        #expect(try await setup.send(setup.server.addressURL + "/ok")
            == .error("the host \"127.0.0.1\" is not in allowed_hosts"))
        #expect(try await setup.send("http://LOCALHOST.:\(setup.server.port)/ok").errorMessage?
            .hasSuffix("is not in allowed_hosts") == true)
        #expect(setup.server.hits == 0)
        try await setup.finish()
    }

    @Test func namesMatchIgnoringCaseAndListedAddressesMatch() async throws {
        let setup = try await Setup("allowed_hosts = [\"LocalHost\", \"127.0.0.1\"]")
        #expect(try await setup.send("http://LOCALHOST:\(setup.server.port)/ok") == .response(status: 200, body: "hello"))
        #expect(try await setup.send(setup.server.addressURL + "/ok") == .response(status: 200, body: "hello"))
        try await setup.finish()
    }

    @Test func aRedirectToAnAllowedHostIsFollowed() async throws {
        let setup = try await Setup()
        let target = setup.server.localhostURL + "/ok"
        #expect(try await setup.send(setup.server.localhostURL + "/redirect?to=\(target)") == .response(status: 200, body: "hello"))
        #expect(try await setup.send(setup.server.localhostURL + "/redirect?to=/ok&status=308") == .response(status: 200, body: "hello"),
                "a relative Location resolves against the redirecting URL")
        #expect(setup.server.hits == 4)
        try await setup.finish()
    }

    @Test func aRedirectToARefusedHostIsRefusedAndThatHostNeverHearsOfIt() async throws {
        let setup = try await Setup()
        let refused = try await LocalHTTPServer.start()
        let target = refused.addressURL + "/ok"
        let answer = try await setup.send(setup.server.localhostURL + "/redirect?to=\(target)")
        #expect(answer == .error("redirect to \"\(target)\" refused: the host \"127.0.0.1\" is not in allowed_hosts"))
        #expect(setup.server.hits == 1)
        #expect(refused.hits == 0, "the refused server received the request")
        await refused.stop()
        try await setup.finish()
    }

    @Test func redirectsStopAtMaxRedirectsAndZeroReturnsTheRedirectItself() async throws {
        let setup = try await Setup("allowed_hosts = [\"localhost\"]\nmax_redirects = 1")
        let twice = setup.server.localhostURL + "/redirect?to=/redirect%3Fto%3D/ok"
        #expect(try await setup.send(twice) == .error(
            "stopped after 1 redirects (max_redirects); the next one went to \"\(setup.server.localhostURL)/ok\""))
        try await setup.finish()

        let unfollowed = try await Setup("allowed_hosts = [\"localhost\"]\nmax_redirects = 0")
        #expect(try await unfollowed.send(unfollowed.server.localhostURL + "/redirect?to=/ok") == .response(status: 302, body: ""))
        #expect(unfollowed.server.hits == 1)
        try await unfollowed.finish()
    }

    @Test func aHostHeaderNamingAnotherHostIsRefused() async throws {
        let setup = try await Setup()
        let url = setup.server.localhostURL + "/headers"
        #expect(try await setup.send("GET", url, headers: [("Host", "internal.example")])
            == .error("the Host header names \"internal.example\" but the request goes to \"localhost\""))
        #expect(try await setup.send("GET", url, headers: [("host", "localhost:1")])
            == .error("the Host header names \"localhost:1\" but the request goes to \"localhost\""))
        #expect(setup.server.hits == 0)
        guard case .response(200, let body) = try await setup.send("GET", url, headers: [("Host", "LOCALHOST:\(setup.server.port)")]) else {
            Issue.record("a Host header naming the URL's own host was refused")
            return
        }
        #expect(body.contains("host: LOCALHOST:\(setup.server.port)\n"))
        try await setup.finish()
    }

    @Test func socketSchemesOtherSchemesAndUserInfoAreRefused() async throws {
        let setup = try await Setup("allowed_hosts = [\"localhost\", \"127.0.0.1\", \"/tmp/theater.sock\"]")
        let port = setup.server.port
        let cases: [(String, String)] = [
            ("unix:///tmp/theater.sock", "the scheme \"unix\""),
            ("http+unix://%2Ftmp%2Ftheater.sock/ok", "the scheme \"http+unix\""),
            ("https+unix://%2Ftmp%2Ftheater.sock/ok", "the scheme \"https+unix\""),
            ("file:///etc/passwd", "the scheme \"file\""),
            ("http://localhost@127.0.0.1:\(port)/ok", "has a user name or password before the host"),
            ("http://@127.0.0.1:\(port)/ok", "has a user name or password before the host"),
            ("/ok", "is not an absolute URL and the handler has no base_url"),
            ("", "the request has no uri"),
        ]
        for (uri, expected) in cases {
            let answer = try await setup.send(uri)
            #expect(answer.errorMessage?.contains(expected) == true, "\(uri): \(answer)")
        }
        #expect(setup.server.hits == 0)
        try await setup.finish()
    }

    @Test func malformedMethodsAndHeadersAreRefusedWithClearErrors() async throws {
        let setup = try await Setup()
        let url = setup.server.localhostURL + "/headers"
        #expect(try await setup.send("GET", url, headers: [("X-A", "one\r\nX-Injected: two")])
            == .error("the value of header \"X-A\" contains a line break (CR or LF), which would start another header"))
        #expect(try await setup.send("GET", url, headers: [("Bad Name", "x")])
            == .error("\"Bad Name\" is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)"))
        #expect(try await setup.send("GE T", url)
            == .error("\"GE T\" is not a valid HTTP method (letters, digits and !#$%&'*+-.^_`|~ only, e.g. GET)"))
        #expect(setup.server.hits == 0)
        try await setup.finish()
    }

    @Test func theWholeRequestMustFinishWithinTimeoutMs() async throws {
        let setup = try await Setup("allowed_hosts = [\"localhost\"]\ntimeout_ms = 300")
        let started = Date()
        #expect(try await setup.send(setup.server.localhostURL + "/slow")
            == .error("the request did not complete within timeout_ms (300 ms)"))
        // The slow route answers after 60 s; 30 s leaves room for a loaded machine.
        #expect(Date().timeIntervalSince(started) < 30, "the request waited for the slow server")
        try await setup.finish()
    }

    @Test func theCallDeadlineCutsARequestInFlightShort() async throws {
        let scenario = try RuntimeScenario()
        let server = try await LocalHTTPServer.start()
        let actor = try await scenario.start(
            "fetcher", component: HTTPClientTestActor.component.encoded(),
            handlers: ["message-server", "type = \"http-client\"\nallowed_hosts = [\"localhost\"]"],
            extra: "[limits]\ncall_deadline_ms = 300")
        let started = Date()
        let outcome = await scenario.runtime.request(to: actor.id, HTTPClientTestActor.request("GET", server.localhostURL + "/slow"))
        guard case .failure(.actorFailed(let message)) = outcome else {
            Issue.record("expected the call to fail at its deadline, got \(outcome)")
            return
        }
        #expect(message.contains("deadline of 300 ms (call_deadline_ms) while waiting"), "\(message)")
        #expect(Date().timeIntervalSince(started) < 30, "the request outlived the call deadline (the slow route takes 60 s)")
        await server.stop()
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func anOversizedBodyIsAnErrorWithOrWithoutContentLength() async throws {
        let setup = try await Setup("allowed_hosts = [\"localhost\"]\nmax_response_bytes = 1000")
        #expect(try await setup.send(setup.server.localhostURL + "/huge")
            == .error("the response body (Content-Length 65536) exceeds max_response_bytes (1000 bytes)"))
        #expect(try await setup.send(setup.server.localhostURL + "/huge-chunked")
            == .error("the response body exceeds max_response_bytes (1000 bytes)"))
        #expect(try await setup.send(setup.server.localhostURL + "/ok") == .response(status: 200, body: "hello"),
                "a body within the limit is read whole")
        try await setup.finish()
    }

    @Test func defaultHeadersApplyOnlyWhereTheActorSetNone() async throws {
        let setup = try await Setup("""
            allowed_hosts = ["localhost"]
            headers = { "X-Default" = "from-manifest", "User-Agent" = "theater-test" }
            """)
        guard case .response(200, let body) = try await setup.send(
            "GET", setup.server.localhostURL + "/headers", headers: [("user-agent", "actor/1.0")]) else {
            Issue.record("the headers request failed")
            return
        }
        let lines = body.split(separator: "\n").map(String.init)
        #expect(lines.contains("x-default: from-manifest"))
        #expect(lines.contains("user-agent: actor/1.0"))
        #expect(!lines.contains("user-agent: theater-test"))
        try await setup.finish()
    }

    @Test func relativeURIsResolveAgainstBaseURL() async throws {
        let scenario = try RuntimeScenario()
        let server = try await LocalHTTPServer.start()
        let actor = try await scenario.start(
            "fetcher", component: HTTPClientTestActor.component.encoded(),
            handlers: ["message-server", "type = \"http-client\"\nbase_url = \"\(server.localhostURL)/api/\"\nallowed_hosts = [\"localhost\"]"])
        let answer = HTTPClientAnswer(try await scenario.request(actor, HTTPClientTestActor.request("GET", "/ok")))
        #expect(answer == .response(status: 200, body: "hello"))
        await server.stop()
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aSeeOtherRedirectAfterAPostContinuesAsAGetWithoutBody() async throws {
        let setup = try await Setup()
        let answer = try await setup.send("POST", setup.server.localhostURL + "/redirect?to=/method&status=303")
        #expect(answer == .response(status: 200, body: "GET 0"))
        try await setup.finish()
    }
}
