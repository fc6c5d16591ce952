import Testing
@testable import ComponentModel

/// Realistic WASI 0.2 style sources, written for these tests from WIT.md's grammar.
enum WitSeeds {
    static let clocks = """
    /// Wall-clock and monotonic time.
    package wasi:clocks@0.2.1;

    @since(version = 0.2.0)
    interface monotonic-clock {
        @since(version = 0.2.0)
        use wasi:io/poll@0.2.1.{pollable};

        /// An instant in time, in nanoseconds.
        @since(version = 0.2.0)
        type instant = u64;
        @since(version = 0.2.0)
        type duration = u64;

        /// Read the current value of the clock.
        @since(version = 0.2.0)
        now: func() -> instant;
        @since(version = 0.2.0)
        subscribe-duration: func(when: duration) -> pollable;
    }

    @since(version = 0.2.0)
    interface wall-clock {
        /** A time and date in seconds plus nanoseconds. */
        @since(version = 0.2.0)
        record datetime {
            seconds: u64,
            /// Always below 1_000_000_000.
            nanoseconds: u32,
        }
        @since(version = 0.2.0)
        now: func() -> datetime;
        @unstable(feature = clocks-timezone)
        resolution: func() -> datetime;
    }

    @since(version = 0.2.0)
    world imports {
        @since(version = 0.2.0)
        import monotonic-clock;
        @since(version = 0.2.0)
        import wall-clock;
    }

    package wasi:io@0.2.1 {
        interface poll {
            resource pollable {
                ready: func() -> bool;
                block: func();
            }
            poll: func(in: list<borrow<pollable>>) -> list<u32>;
        }

        interface error {
            resource error {
                to-debug-string: func() -> string;
            }
        }

        interface streams {
            use error.{error};
            use poll.{pollable};

            variant stream-error {
                last-operation-failed(error),
                closed,
            }

            resource input-stream {
                read: func(len: u64) -> result<list<u8>, stream-error>;
                blocking-read: func(len: u64) -> result<list<u8>, stream-error>;
                skip: func(len: u64) -> result<u64, stream-error>;
                subscribe: func() -> pollable;
            }

            resource output-stream {
                check-write: func() -> result<u64, stream-error>;
                write: func(contents: list<u8>) -> result<_, stream-error>;
                splice: func(src: borrow<input-stream>, len: u64) -> result<u64, stream-error>;
            }
        }

        world imports {
            import streams;
            import poll;
        }
    }
    """

    static let http = """
    package local:http@0.1.0;

    use wasi:logging/logger as log;

    interface types {
        type field-key = string;
        type field-value = list<u8>;

        enum method-kind { get, head, post, put, delete, %other }

        flags header-flags { immutable, sensitive }

        variant error-code {
            dns-timeout,
            dns-error(option<string>),
            connection-refused,
            http-request-body-size(option<u64>),
            internal-error(option<string>),
        }

        resource fields {
            constructor();
            from-list: static func(entries: list<tuple<field-key, field-value>>) -> result<fields, error-code>;
            get: func(name: field-key) -> list<field-value>;
            set: func(name: field-key, value: list<field-value>) -> result<_, error-code>;
            entries: func() -> list<tuple<field-key, field-value>>;
            clone: func() -> fields;
        }

        type headers = fields;

        resource request {
            constructor(headers: headers) -> result<request, error-code>;
            method: func() -> method-kind;
            path-with-query: func() -> option<string>;
            headers: func() -> headers;
        }

        resource response {
            constructor(status: u16);
            status: func() -> u16;
        }
    }

    interface handler {
        use types.{request, response, error-code as code};
        handle: func(request: request) -> result<response, code>;
    }

    world proxy {
        import log;
        import handler;
        import store: interface {
            get: func(key: string) -> option<list<u8>>;
            set: func(key: string, value: list<u8>, ttl: option<u64>);
        }
        import now: func() -> u64;
        export handler;
        export init: func(config: list<tuple<string, string>>) -> result<_, string>;
    }

    world with-extras {
        include proxy with { now as clock-now }
        import ip: func() -> list<u8, 4>;
        export named-handler: handler;
    }

    package wasi:logging {
        interface logger {
            enum level { trace, debug, info, warn, error, critical }
            log: func(level: level, context: string, message: string);
        }
    }
    """

    static let all = [clocks, http]
}

@Suite struct WitRoundTripTests {
    @Test(arguments: WitSeeds.all.indices)
    func parsePrintParseGivesAnEqualModel(index: Int) throws {
        let first = try WitPackage.parse(source: WitSeeds.all[index], fileName: "seed.wit")
        let printed = WitPrinter.render(first)
        let second = try WitPackage.parse(source: printed, fileName: "printed.wit")
        #expect(second == first, "\(printed)")
        #expect(WitPrinter.render(second) == printed, "printing is not stable")
    }

    @Test func canonicalLayout() throws {
        let p = try WitTesting.parse("""
        package a:b;
        interface i {
        /// docs
        record r{x:u32,y:option<r2>}
        record r2 { %type: bool }
        use j.{t as u};
        f:func(a:borrow<res>,b:u)->result<_,string>;
        resource res{constructor(x:u8);m:static func();}
        }
        interface j { type t = list<u8, 16>; }
        """)
        let expected = """
        package a:b;

        interface i {
            /// docs
            record r {
                x: u32,
                y: option<r2>,
            }
            record r2 {
                %type: bool,
            }
            use j.{t as u};
            resource res {
                constructor(x: u8);
                m: static func();
            }
            f: func(a: borrow<res>, b: u) -> result<_, string>;
        }

        interface j {
            type t = list<u8, 16>;
        }

        """
        #expect(WitPrinter.render(p) == expected)
    }

    @Test func typesRenderInWitSyntax() {
        let ref = WitTypeRef(owner: .world(WitPackageName(namespace: "a", name: "b"), "w"), name: "list")
        #expect(WitPrinter.render(.result(ok: nil, err: .tuple([.u8, .own(ref)]))) == "result<_, tuple<u8, %list>>")
        #expect(WitPrinter.render(.borrow(ref)) == "borrow<%list>")
        #expect(WitPrinter.render(WitFunction(name: "f", isAsync: true, params: [WitParam(name: "own", type: .char)], result: .option(.f64)))
                == "async func(%own: char) -> option<f64>")
    }
}
