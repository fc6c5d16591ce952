import Testing
@testable import Theater

/// The checks `send-http` runs before sending: method, header syntax, defaults, the Host
/// header against the target, the URL (scheme, user-info, host), and redirect rewriting.
@Suite struct OutgoingRequestTests {
    private func target(_ url: String, allowing hosts: [String]? = nil) throws -> RequestTarget {
        try RequestTarget(checking: url, allowList: hosts.map(HostAllowList.init))
    }

    @Test func defaultsFillOnlyHeadersTheActorDidNotSetInNameOrder() throws {
        let request = try OutgoingRequest(
            HTTPRequestValue(method: "GET", uri: "http://a.test/", headers: [(name: "accept", value: "text/plain")]),
            defaults: ["User-Agent": "theater", "Accept": "*/*", "A-First": "1"])
        #expect(request.headers == [.init(name: "accept", value: "text/plain"), .init(name: "A-First", value: "1"),
                                    .init(name: "User-Agent", value: "theater")])
    }

    @Test func controlCharactersInValuesAreRefused() {
        for value in ["a\rb", "a\nb", "a\u{0}b", "a\u{7F}b"] {
            #expect(throws: SendHTTPError.self) {
                try OutgoingRequest(HTTPRequestValue(method: "GET", uri: "http://a.test/", headers: [(name: "X", value: value)]),
                                    defaults: [:])
            }
        }
        #expect(throws: Never.self) {
            try OutgoingRequest(HTTPRequestValue(method: "GET", uri: "http://a.test/", headers: [(name: "X", value: "a\tb ü")]),
                                defaults: [:])
        }
    }

    @Test func methodsMustBeTokensAndConnectIsRefused() {
        #expect(throws: SendHTTPError.invalidMethod("")) { try OutgoingRequest(HTTPRequestValue(method: "", uri: "x"), defaults: [:]) }
        #expect(throws: SendHTTPError.invalidMethod("G\nET")) {
            try OutgoingRequest(HTTPRequestValue(method: "G\nET", uri: "x"), defaults: [:])
        }
        #expect(throws: SendHTTPError.unsupportedMethod("connect")) {
            try OutgoingRequest(HTTPRequestValue(method: "connect", uri: "x"), defaults: [:])
        }
    }

    @Test func hostHeaderValuesSplitIntoHostAndPort() {
        func split(_ value: String) -> String? {
            OutgoingRequest.split(hostHeader: value).map { "\($0.host) \($0.port.map(String.init) ?? "-")" }
        }
        #expect(split("example.com") == "example.com -")
        #expect(split("example.com:8080") == "example.com 8080")
        #expect(split("[::1]:80") == "::1 80")
        #expect(split("[::1]") == "::1 -")
        for bad in ["", ":80", "a.com:99999", "a.com:x", "user@a.com", "[::1", "[::1]x", "a.com/path"] {
            #expect(split(bad) == nil, "\(bad)")
        }
    }

    @Test func theHostHeaderMustNameTheTargetsHostAndPort() throws {
        let goesTo = try target("http://api.test:8080/x")
        func check(_ value: String) throws {
            try OutgoingRequest(HTTPRequestValue(method: "GET", uri: "", headers: [(name: "Host", value: value)]), defaults: [:])
                .checkHostHeader(against: goesTo)
        }
        try check("api.test")
        try check("API.test.:8080")
        #expect(throws: SendHTTPError.hostHeaderMismatch(header: "api.test:80", host: "api.test")) { try check("api.test:80") }
        #expect(throws: SendHTTPError.hostHeaderMismatch(header: "evil.test", host: "api.test")) { try check("evil.test") }
    }

    @Test func targetsAreHTTPOrHTTPSWithoutUserInfoOnAnAllowedHost() throws {
        let ok = try target("https://API.test/path?q=1", allowing: ["api.test"])
        #expect(ok.port == 443)
        #expect(ok.scheme == "https")
        #expect(throws: SendHTTPError.unsupportedScheme("unix", uri: "unix:///var/run/x.sock")) {
            try target("unix:///var/run/x.sock")
        }
        #expect(throws: SendHTTPError.unsupportedScheme("ftp", uri: "ftp://a.test/")) { try target("ftp://a.test/") }
        #expect(throws: SendHTTPError.userInfoInURL("http://api.test@evil.test/")) {
            try target("http://api.test@evil.test/", allowing: ["api.test"])
        }
        #expect(throws: SendHTTPError.hostNotAllowed(host: "evil.test")) { try target("http://evil.test/", allowing: ["api.test"]) }
        #expect(throws: SendHTTPError.self) { try target("http:///nohost") }
    }

    @Test func relativeURIsNeedABaseURL() throws {
        #expect(try RequestTarget.absoluteURL(of: "v1/items?x=1", baseURL: "https://api.test/root/") == "https://api.test/root/v1/items?x=1")
        #expect(try RequestTarget.absoluteURL(of: "/v1", baseURL: "https://api.test/root/") == "https://api.test/v1")
        #expect(try RequestTarget.absoluteURL(of: "http://other.test/", baseURL: "https://api.test/") == "http://other.test/")
        #expect(throws: SendHTTPError.relativeURIWithoutBase("/v1")) { try RequestTarget.absoluteURL(of: "/v1", baseURL: nil) }
        #expect(throws: SendHTTPError.missingURI) { try RequestTarget.absoluteURL(of: "", baseURL: "https://api.test/") }
    }

    @Test func redirectsRewriteMethodBodyAndCredentialsAsBrowsersDo() throws {
        let post = try OutgoingRequest(HTTPRequestValue(
            method: "POST", uri: "", headers: [(name: "Content-Type", value: "text/plain"), (name: "Authorization", value: "secret"),
                                               (name: "Host", value: "a.test")], body: [1, 2]), defaults: [:])
        let a = try target("http://a.test/x"), sameOrigin = try target("http://a.test/y"), other = try target("http://b.test/")
        let seeOther = RedirectRule.nextRequest(after: 303, post, from: a, to: sameOrigin)
        #expect(seeOther.method == "GET" && seeOther.body == nil)
        #expect(seeOther.headers == [.init(name: "Authorization", value: "secret")])
        let temporary = RedirectRule.nextRequest(after: 307, post, from: a, to: other)
        #expect(temporary.method == "POST" && temporary.body == [1, 2])
        #expect(temporary.headers == [.init(name: "Content-Type", value: "text/plain")], "credentials stay with their origin")
        #expect(RedirectRule.nextRequest(after: 302, post, from: a, to: sameOrigin).method == "GET")
        #expect(RedirectRule.nextRequest(after: 308, post, from: a, to: sameOrigin).method == "POST")
        #expect(RedirectRule.isRedirect(status: 302, location: "/x"))
        #expect(!RedirectRule.isRedirect(status: 302, location: nil))
        #expect(!RedirectRule.isRedirect(status: 300, location: "/x"))
        #expect(try RedirectRule.resolve(location: "../z", from: "http://a.test/x/y") == "http://a.test/z")
    }
}
