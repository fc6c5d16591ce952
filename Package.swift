// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: theater-cli -> TheaterServer -> Theater -> ComponentModel -> WasmEngine.
// WasmEngine depends on nothing but the standard library and Foundation.
let package = Package(
    name: "Theater",
    products: [
        .library(name: "WasmEngine", targets: ["WasmEngine"]),
        .library(name: "ComponentModel", targets: ["ComponentModel"]),
        .library(name: "Theater", targets: ["Theater"]),
        .library(name: "TheaterServer", targets: ["TheaterServer"]),
        .executable(name: "theater", targets: ["theater-cli"]),
        .executable(name: "spec-tests", targets: ["spec-tests"]),
        .executable(name: "theater-bench", targets: ["theater-bench"]),
        .executable(name: "theater-actor-bench", targets: ["theater-actor-bench"]),
        .executable(name: "theater-server-bench", targets: ["theater-server-bench"]),
        .executable(name: "theater-http-bench", targets: ["theater-http-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "WasmEngine",
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .target(
            name: "ComponentModel",
            dependencies: ["WasmEngine"],
            // Async functions run on their caller's executor: an actor's calls into its
            // component stay on the actor, instead of hopping to the global pool and back.
            swiftSettings: [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]
        ),
        .target(
            name: "Theater",
            dependencies: [
                "ComponentModel", "WasmEngine",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                // The HTTP handlers: http-client on AsyncHTTPClient, http-framework on
                // Hummingbird 2 with its WebSocket module and TLS.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]
        ),
        // The management server (and its Prometheus endpoint) lives apart from the runtime.
        .target(
            name: "TheaterServer",
            dependencies: [
                "Theater",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "theater-cli",
            dependencies: [
                "Theater", "TheaterServer", "ComponentModel", "WasmEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/theater-cli"
        ),
        .executableTarget(
            name: "spec-tests",
            dependencies: ["WasmEngine", "ComponentModel"],
            path: "spec-tests",
            exclude: ["component-known-failures.txt"]
        ),
        .executableTarget(
            name: "theater-bench",
            dependencies: ["WasmEngine", "ComponentModel"],
            path: "Benchmarks/Runner"
        ),
        .executableTarget(
            name: "theater-actor-bench",
            dependencies: ["Theater"],
            path: "Benchmarks/ActorBench"
        ),
        .executableTarget(
            name: "theater-server-bench",
            dependencies: ["Theater", "TheaterServer"],
            path: "Benchmarks/ServerBench"
        ),
        .executableTarget(
            name: "theater-http-bench",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/HTTPBench"
        ),
        .testTarget(
            name: "WasmEngineTests",
            dependencies: ["WasmEngine"],
            exclude: ["Fixtures/seed.c.txt", "Fixtures/seed.wasm"]
        ),
        .testTarget(name: "ComponentModelTests", dependencies: ["ComponentModel", "WasmEngine"]),
        .testTarget(
            name: "TheaterTests",
            dependencies: [
                "Theater", "ComponentModel",
                // Real HTTP peers for the HTTP handlers' tests: a server for http-client to
                // call, clients (HTTP and WebSocket) for the servers actors run.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ]
        ),
        .testTarget(
            name: "TheaterServerTests",
            dependencies: [
                "TheaterServer", "Theater",
                // Scrapes the Prometheus endpoint over real HTTP.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(name: "TheaterCLITests", dependencies: ["theater-cli", "ComponentModel"]),
    ],
    swiftLanguageModes: [.v5]
)
