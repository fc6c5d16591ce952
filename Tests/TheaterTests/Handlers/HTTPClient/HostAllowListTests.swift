import Testing
@testable import Theater

/// `HostAllowList`: exact names ignoring case and a trailing dot, `*.domain` for
/// subdomains only, IP literals only when listed literally.
@Suite struct HostAllowListTests {
    private let list = HostAllowList(["api.example.com", "*.internal.org", "10.0.0.5", "[::1]", "Mixed.Case.NET."])

    @Test func exactNamesIgnoreCaseAndOneTrailingDot() {
        #expect(list.permits(host: "api.example.com"))
        #expect(list.permits(host: "API.Example.COM"))
        #expect(list.permits(host: "api.example.com."))
        #expect(list.permits(host: "mixed.case.net"))
        #expect(!list.permits(host: "api.example.com.evil.net"))
        #expect(!list.permits(host: "evilapi.example.com"))
        #expect(!list.permits(host: "example.com"))
        #expect(!list.permits(host: ""))
    }

    @Test func wildcardsMatchSubdomainsButNotTheBareDomain() {
        #expect(list.permits(host: "a.internal.org"))
        #expect(list.permits(host: "a.b.internal.org"))
        #expect(list.permits(host: "A.Internal.Org."))
        #expect(!list.permits(host: "internal.org"), "the bare domain needs its own entry")
        #expect(!list.permits(host: "evilinternal.org"))
        #expect(!list.permits(host: "internal.org.evil.com"))
    }

    @Test func addressesMatchOnlyLiteralEntriesNeverWildcards() {
        #expect(list.permits(host: "10.0.0.5"))
        #expect(list.permits(host: "::1"))
        #expect(list.permits(host: "[::1]"))
        #expect(!list.permits(host: "10.0.0.6"))
        let wildcards = HostAllowList(["*.0.0.1", "*.1", "*.0x1"])
        #expect(!wildcards.permits(host: "127.0.0.1"))
        #expect(!wildcards.permits(host: "127.0.0.0x1"))
        #expect(!HostAllowList(["*.com"]).permits(host: "2130706433"))
        #expect(HostAllowList(["2130706433"]).permits(host: "2130706433"), "a listed numeric form matches itself")
    }

    @Test func recognizesAddressForms() {
        for address in ["127.0.0.1", "::1", "fe80::1", "2130706433", "0x7f.1", "10.0.0.010"] {
            #expect(HostAllowList.isIPLiteral(address), "\(address)")
        }
        for name in ["localhost", "example.com", "1.example.com", "xn--bcher-kva.example", "a0x1.com"] {
            #expect(!HostAllowList.isIPLiteral(name), "\(name)")
        }
    }

    @Test func theConfigDelegatesToTheAllowList() {
        #expect(HTTPClientConfig().permits(host: "anything.test"))
        #expect(!HTTPClientConfig(allowedHosts: []).permits(host: "anything.test"))
        #expect(HTTPClientConfig(allowedHosts: ["*.a.test"]).permits(host: "b.a.test"))
    }
}
