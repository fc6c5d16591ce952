import ComponentModel
import Testing
import Theater

/// `ComponentLinker.definesUnknownImportsAsTraps`: imports no host provides are built
/// from their types, and trap only when called.
@Suite struct UnknownImportStubTests {
    /// Imports `wasi:sockets/tcp@0.2.9` (a resource and a method over it) and a partly
    /// provided `wasi:cli/environment@0.2.9`, re-exporting both.
    private let component = """
        (component
          (import "wasi:sockets/tcp@0.2.9" (instance $tcp
            (export "tcp-socket" (type $socket (sub resource)))
            (export "[method]tcp-socket.is-listening" (func (param "self" (borrow $socket)) (result bool)))))
          (import "wasi:cli/environment@0.2.9" (instance $env
            (export "get-arguments" (func (result (list string))))
            (export "get-launch-codes" (func (result (list string))))))
          (export "tcp" (instance $tcp))
          (export "env" (instance $env)))
        """

    private func instantiate(stubbing: Bool) throws -> ComponentInstance {
        let linker = ComponentLinker()
        linker.definesUnknownImportsAsTraps = stubbing
        var configuration = WASIConfiguration()
        configuration.arguments = ["app"]
        try WASIHost(configuration: configuration).define(in: linker)
        return try linker.instantiate(try Component(decoding: try ComponentWAT.encode(component)))
    }

    @Test func withoutTheOptionAMissingImportIsALinkError() throws {
        do {
            _ = try instantiate(stubbing: false)
            Issue.record("instantiation should fail")
        } catch let error as ComponentLinkError {
            #expect(error.message.contains("wasi:sockets/tcp@0.2.9"))
        }
    }

    @Test func stubbedFunctionsTrapNamingTheImport() throws {
        let tcp = try #require(try instantiate(stubbing: true).instance(named: "tcp"))
        let isListening = try #require(tcp.function(named: "[method]tcp-socket.is-listening"))
        do {
            _ = try isListening.call([.borrow(1)])
            Issue.record("a stub should trap")
        } catch let trap as ComponentTrap {
            #expect(trap.message == "`wasi:sockets/tcp@0.2.9#[method]tcp-socket.is-listening` is not provided by this host")
        }
    }

    @Test func stubbedResourceTypesAreFreshHostTypes() throws {
        let first = try #require(try instantiate(stubbing: true).instance(named: "tcp")?.resourceType(named: "tcp-socket"))
        let second = try #require(try instantiate(stubbing: true).instance(named: "tcp")?.resourceType(named: "tcp-socket"))
        #expect(first != second)
        #expect(first.implementation == nil)
        #expect(first.name.contains("wasi:sockets/tcp@0.2.9#tcp-socket"))
    }

    @Test func aPartlyProvidedInstanceKeepsTheHostFunctions() throws {
        let environment = try #require(try instantiate(stubbing: true).instance(named: "env"))
        #expect(try environment.function(named: "get-arguments")?.call([]) == [.list([.string("app")])])
        #expect(throws: ComponentTrap.self) { try environment.function(named: "get-launch-codes")?.call([]) }
    }
}
