/// Runaway test actors: each floods the runtime with one kind of work until a limit stops it.
extension TestActors {
    /// A message flood: a request names the target actor; the actor sends it `x` 100,000
    /// times as fast as it can and responds with how many sends were refused (u32).
    static let flooder = TestActorComponent(imports: [.send], exports: [.handleRequest], body: """
        (data (i32.const 1024) "x")
        (func (export "handle-request") \(requestParams)
          (local $i i32) (local $refused i32)
          (block $done
            (loop $again
              (br_if $done (i32.ge_u (local.get $i) (i32.const 100000)))
              (call $message-server-host.send (local.get $mp) (local.get $ml) (i32.const 1024) (i32.const 1) (i32.const 512))
              (local.set $refused (i32.add (local.get $refused) (i32.load8_u (i32.const 512))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $again)))
          (call $respond_u32 \(keep) (local.get $refused)))
        """)

    /// A spawn flood: a request names a child manifest; the actor spawns it until a spawn
    /// fails (or 10,000 times) and responds with how many it started (u32).
    static let spawner = TestActorComponent(imports: [.spawn], exports: [.handleRequest], body: """
        (func (export "handle-request") \(requestParams)
          (local $started i32)
          (block $done
            (loop $again
              (br_if $done (i32.ge_u (local.get $started) (i32.const 10000)))
              (call $supervisor.spawn (local.get $mp) (local.get $ml) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 512))
              (br_if $done (i32.load8_u (i32.const 512)))
              (local.set $started (i32.add (local.get $started) (i32.const 1)))
              (br $again)))
          (call $respond_u32 \(keep) (local.get $started)))
        """)
}
