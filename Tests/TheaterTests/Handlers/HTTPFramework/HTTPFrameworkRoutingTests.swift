import Foundation
import Testing
@testable import Theater

/// Routes, path parameters, 404/405, middlewares and the actor's errors, against a real
/// server and client; every run replays identically without a network.
@Suite(.timeLimit(.minutes(3))) struct HTTPFrameworkRoutingTests {
    @Test func aRouteAnswersWithItsHandlerAndTheActorSeesPathAndQuery() async throws {
        let run = try await HTTPScenario()
        let (_, port) = try await run.startedServer()
        let hello = try await run.send(port: port, "/hello")
        #expect(hello.status == 200)
        #expect(hello.body == "GET /hello")
        #expect(hello.headers["x-handler"] == ["1"])
        let item = try await run.send(.POST, port: port, "/items/42?color=red", body: "abc")
        #expect(item.status == 200)
        #expect(item.body == "POST /items/42?color=red\nabc", "the actor reads :id from the uri")
        try await run.finish()
        let closed = await run.scenario.eventually(seconds: 10) { (try? RawConnection(port: port)) == nil }
        #expect(closed, "the server stopped with its actor")
    }

    @Test func noRouteIs404AndAnotherMethodIs405WithAllow() async throws {
        let run = try await HTTPScenario()
        let (_, port) = try await run.startedServer()
        #expect(try await run.send(port: port, "/nothing").status == 404)
        #expect(try await run.send(port: port, "/items").status == 404, ":id needs a segment")
        let wrong = try await run.send(.DELETE, port: port, "/hello")
        #expect(wrong.status == 405)
        #expect(wrong.headers["Allow"] == ["GET"])
        try await run.finish()
    }

    @Test func routesAddedAfterStartServeAndRemovedRoutesDoNot() async throws {
        let run = try await HTTPScenario()
        let (server, port) = try await run.startedServer()
        let second = try await run.handler("files")
        let route = try await run.route(server, "/files/*", "ANY", second).get()
        let file = try await run.send(port: port, "/files/a/b.txt")
        #expect(file.status == 200)
        #expect(file.headers["x-handler"] == ["2"])
        #expect(try await run.call(HTTPTestRequest("r").value(0, route)).map { _ in true } == .success(true))
        #expect(try await run.send(port: port, "/files/a/b.txt").status == 404)
        let info = try await run.info(server).get()
        #expect(info == HTTPServerInfo(id: server, port: port, running: true, routes: 2, middlewares: 0, webSocket: false))
        try await run.finish()
    }

    @Test func middlewaresRunInOrderRewriteTheRequestOrStopItWith403() async throws {
        let run = try await HTTPScenario()
        let (server, port) = try await run.startedServer()
        let first = try await run.handler("auth"), second = try await run.handler("tag")
        _ = try await run.middleware(server, "/items", first).get()
        _ = try await run.middleware(server, "/", second).get()
        let rewritten = try await run.send(.POST, port: port, "/items/1", body: "body")
        #expect(rewritten.body == "POST /items/1\n32body", "middleware 2 then 3 prefixed their handler ids")
        let refused = try await run.send(.POST, port: port, "/items/1", body: "x-no")
        #expect(refused.status == 403)
        let outside = try await run.send(.POST, port: port, "/hello", body: "x")
        #expect(outside.status == 403, "the / middleware refuses a body starting with x too")
        let alsoOutside = try await run.send(port: port, "/hello")
        #expect(alsoOutside.body == "GET /hello\n3", "only the / middleware ran")
        try await run.finish()
    }

    @Test func anActorErrorIs500() async throws {
        let run = try await HTTPScenario()
        let (_, port) = try await run.startedServer()
        let failed = try await run.send(.POST, port: port, "/items/1", body: "!fail")
        #expect(failed.status == 500)
        #expect(try await run.send(port: port, "/hello").status == 200, "the actor goes on")
        try await run.finish()
    }

    @Test func wrongIdsPathsAndMethodsAreErrorsThatNameThem() async throws {
        let run = try await HTTPScenario()
        let server = try await run.createServer().get()
        let handler = try await run.handler("main")
        #expect(try await run.route(99, "/a", "GET", handler).failureMessage?.contains("server 99") == true)
        #expect(try await run.route(server, "a", "GET", handler).failureMessage?.contains("must start with /") == true)
        #expect(try await run.route(server, "/a/*/b", "GET", handler).failureMessage?.contains("* may only be the last") == true)
        #expect(try await run.route(server, "/a/:", "GET", handler).failureMessage?.contains("needs a name") == true)
        #expect(try await run.route(server, "/a", "G T", handler).failureMessage?.contains("\"G T\" is not an HTTP method") == true)
        #expect(try await run.route(server, "/a", "GET", 42).failureMessage?.contains("no handler 42") == true)
        _ = try await run.route(server, "/a/:x", "GET", handler).get()
        #expect(try await run.route(server, "/a/:y", "get", handler).failureMessage?.contains("exists already") == true)
        #expect(try await run.call(HTTPTestRequest("r").value(0, 77)).failureMessage?.contains("no route 77") == true)
        #expect(try await run.call(HTTPTestRequest("m").value(0, 5)).failureMessage?.contains("no middleware 5") == true)
        #expect(try await run.call(HTTPTestRequest("P").value(0, server)).failureMessage?.contains("is not running") == true)
        #expect(try await run.call(HTTPTestRequest("Z").value(0, server).value(1, 3)).failureMessage?.contains("connection 3") == true)
        #expect(try await run.createServer(host: "0.0.0.0").failureMessage?.contains("\"0.0.0.0\" is not allowed") == true)
        let port = try await run.start(server).get()
        #expect(try await run.start(server).failureMessage?.contains("already running on port \(port)") == true)
        #expect(try await run.call(HTTPTestRequest("D").value(0, server)).map { _ in true } == .success(true))
        #expect(try await run.info(server).failureMessage?.contains("no server \(server)") == true)
        try await run.finish()
    }

    @Test func aStoppedServerFreesItsPortAndCanStartAgain() async throws {
        let run = try await HTTPScenario()
        let (server, port) = try await run.startedServer()
        #expect(try await run.call(HTTPTestRequest("P").value(0, server)).map { _ in true } == .success(true))
        #expect(try await run.info(server).get().running == false)
        #expect(throws: (any Error).self, "nothing listens on the port") { _ = try RawConnection(port: port) }
        let again = try await run.createServer(port: port).get()
        #expect(try await run.start(again).get() == port, "the port was free again")
        try await run.finish()
    }
}

extension Result where Failure == HTTPCallError {
    /// The error message, or nil on success.
    var failureMessage: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }
}
