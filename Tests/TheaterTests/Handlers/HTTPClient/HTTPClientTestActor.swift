@testable import Theater

/// `http-client.send-http` as a test actor imports it (see `HostImport`).
extension HostImport {
    /// `send-http(req: http-request) -> result<http-response, string>`: the request's nine
    /// flat values (method, uri, headers, body option), then the return area: disc at +0;
    /// `ok`: status u16 at +4, headers at +8/+12, body option (disc +16, +20/+24);
    /// `err`: the message at +4/+8.
    static let sendHTTP = HostImport(
        interface: "http-client", function: "send-http",
        componentType: #"(param "req" $http-request) (result (result $http-response (error string)))"#,
        coreType: "(param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)",
        typeDeclarations: #"(type $http-request-def (record (field "method" string) (field "uri" string) "#
            + #"(field "headers" (list (tuple string string))) (field "body" (option (list u8))))) "#
            + #"(export "http-request" (type $http-request (eq $http-request-def))) "#
            + #"(type $http-response-def (record (field "status" u16) "#
            + #"(field "headers" (list (tuple string string))) (field "body" (option (list u8))))) "#
            + #"(export "http-response" (type $http-response (eq $http-response-def)))"#)
}

/// A test actor that sends one HTTP request per actor request and answers with the outcome.
///
/// The actor request is NUL-separated fields: the method, the URI, then header names and
/// values in turn (`GET\0http://localhost:8080/ok\0Accept\0text/plain`); the request has
/// no body. The answer is `0`, the status (u16, little-endian) and the body for `ok`, or
/// `1` and the error message for `err`.
enum HTTPClientTestActor {
    static let component = TestActorComponent(imports: [.sendHTTP], exports: [.handleRequest], body: """
        \(TestActors.resultHelpers)
        (func $field_end (param $p i32) (param $end i32) (result i32)
          (block $done
            (loop $next
              (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
              (br_if $done (i32.eqz (i32.load8_u (local.get $p))))
              (local.set $p (i32.add (local.get $p) (i32.const 1)))
              (br $next)))
          (local.get $p))
        (func (export "handle-request") \(TestActors.requestParams)
          (local $end i32) (local $e i32) (local $cur i32) (local $uri i32) (local $uril i32)
          (local $hdrs i32) (local $n i32) (local $entry i32) (local $out i32) (local $blen i32)
          (local.set $end (i32.add (local.get $mp) (local.get $ml)))
          (local.set $e (call $field_end (local.get $mp) (local.get $end)))
          (local.set $uri (i32.add (local.get $e) (i32.const 1)))
          (local.set $cur (call $field_end (local.get $uri) (local.get $end)))
          (local.set $uril (i32.sub (local.get $cur) (local.get $uri)))
          (local.set $cur (i32.add (local.get $cur) (i32.const 1)))
          (local.set $hdrs (call $alloc (i32.add (i32.shl (local.get $ml) (i32.const 3)) (i32.const 16))))
          (block $done
            (loop $next
              (br_if $done (i32.ge_u (local.get $cur) (local.get $end)))
              (local.set $entry (i32.add (local.get $hdrs) (i32.shl (local.get $n) (i32.const 4))))
              (i32.store (local.get $entry) (local.get $cur))
              (local.set $e (call $field_end (local.get $cur) (local.get $end)))
              (i32.store offset=4 (local.get $entry) (i32.sub (local.get $e) (local.get $cur)))
              (local.set $cur (i32.add (local.get $e) (i32.const 1)))
              (i32.store offset=8 (local.get $entry) (local.get $cur))
              (local.set $e (call $field_end (local.get $cur) (local.get $end)))
              (if (i32.lt_u (local.get $e) (local.get $cur)) (then (local.set $e (local.get $cur))))
              (i32.store offset=12 (local.get $entry) (i32.sub (local.get $e) (local.get $cur)))
              (local.set $cur (i32.add (local.get $e) (i32.const 1)))
              (local.set $n (i32.add (local.get $n) (i32.const 1)))
              (br $next)))
          (call $http-client.send-http (local.get $mp) (i32.sub (call $field_end (local.get $mp) (local.get $end)) (local.get $mp))
                                       (local.get $uri) (local.get $uril) (local.get $hdrs) (local.get $n)
                                       (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 512))
          (if (i32.load8_u (i32.const 512)) (then
            (return (call $tagged \(TestActors.keep) (i32.const 1) (i32.load (i32.const 516)) (i32.load (i32.const 520))))))
          (if (i32.load8_u (i32.const 528)) (then (local.set $blen (i32.load (i32.const 536)))))
          (local.set $out (call $alloc (i32.add (local.get $blen) (i32.const 3))))
          (i32.store8 (local.get $out) (i32.const 0))
          (i32.store16 offset=1 (local.get $out) (i32.load16_u (i32.const 516)))
          (memory.copy (i32.add (local.get $out) (i32.const 3)) (i32.load (i32.const 532)) (local.get $blen))
          (call $respond \(TestActors.keep) (local.get $out) (i32.add (local.get $blen) (i32.const 3))))
        """)

    /// The actor request for `method uri` with `headers`.
    static func request(_ method: String, _ uri: String, headers: [(String, String)] = []) -> [UInt8] {
        var fields = [method, uri]
        for (name, value) in headers { fields += [name, value] }
        return Array(fields.joined(separator: "\u{0}").utf8)
    }
}

/// What the test actor answered: the status and body, or the error message.
enum HTTPClientAnswer: Equatable, CustomStringConvertible {
    case response(status: UInt16, body: String)
    case error(String)

    init(_ bytes: [UInt8]) {
        if bytes.first == 0, bytes.count >= 3 {
            self = .response(status: UInt16(bytes[1]) | UInt16(bytes[2]) << 8,
                             body: String(decoding: bytes.dropFirst(3), as: UTF8.self))
        } else {
            self = .error(String(decoding: bytes.dropFirst(), as: UTF8.self))
        }
    }

    /// The error message, or nil for a response.
    var errorMessage: String? {
        if case .error(let message) = self { return message }
        return nil
    }

    var description: String {
        switch self {
        case .response(let status, let body): return "\(status) \(body.prefix(200))"
        case .error(let message): return "error: \(message)"
        }
    }
}
