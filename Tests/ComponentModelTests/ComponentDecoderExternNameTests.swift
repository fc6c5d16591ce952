import Testing
@testable import ComponentModel

/// Extern name strings parse into plain, annotated and interface forms.
@Suite struct ComponentDecoderExternNameTests {
    @Test func plainAndAnnotatedNames() {
        #expect(ExternNameForm(parsing: "run") == .plain("run"))
        #expect(ExternNameForm(parsing: "get-HTTP-2") == .plain("get-HTTP-2"))
        #expect(ExternNameForm(parsing: "[constructor]blob") == .constructor(resource: "blob"))
        #expect(ExternNameForm(parsing: "[method]blob.read") == .method(resource: "blob", name: "read"))
        #expect(ExternNameForm(parsing: "[static]blob.merge") == .static(resource: "blob", name: "merge"))
    }

    @Test func interfaceNamesWithVersions() {
        let name = InterfaceName(parsing: "wasi:cli/environment@0.2.0")
        #expect(name?.namespaces == ["wasi"])
        #expect(name?.package == "cli")
        #expect(name?.interface == "environment")
        #expect(name?.version == "0.2.0")
        #expect(name?.description == "wasi:cli/environment@0.2.0")
        #expect(InterfaceName(parsing: "ntwk:theater/runtime")?.version == nil)
        #expect(InterfaceName(parsing: "a:b/c@1.0.0-rc.1+build.5")?.version == "1.0.0-rc.1+build.5")
        #expect(InterfaceName(parsing: "a:b/c@0.2")?.version == "0.2")
        #expect(InterfaceName(parsing: "a:b:c/d/e")?.projections == ["d", "e"])
        #expect(ExternName("wasi:io/streams@0.2.0").form == .interface(InterfaceName(parsing: "wasi:io/streams@0.2.0")!))
    }

    @Test func invalidNamesHaveNoForm() {
        for bad in ["", "Foo", "a--b", "-a", "a-", "1a", "[method]blob", "[method]blob.", "a:b", "a:B/c",
                    "a:b/c@", "a:b/c@01.0.0", "a:b/c@1.0-rc", "a:b/", ":b/c", "é", "[constructor]"] {
            #expect(ExternNameForm(parsing: bad) == nil, "\(bad) should be invalid")
        }
    }
}
