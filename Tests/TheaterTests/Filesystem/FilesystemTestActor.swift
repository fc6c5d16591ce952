/// The `filesystem` host functions as a test actor imports them (see `HostImport`), with
/// their return-area layouts.
extension HostImport {
    /// Records the `command-result` variant mentions, declared in the import's instance.
    static let commandResultTypes = #"(type $command-success-def (record (field "stdout" string) "#
        + #"(field "stderr" string) (field "exit-code" s32))) "#
        + #"(export "command-success" (type $command-success (eq $command-success-def))) "#
        + #"(type $command-error-def (record (field "message" string))) "#
        + #"(export "command-error" (type $command-error (eq $command-error-def))) "#
        + #"(type $command-result-def (variant (case "success" $command-success) (case "error" $command-error))) "#
        + #"(export "command-result" (type $command-result (eq $command-result-def)))"#

    private static let pathParam = #"(param "path" string)"#
    private static let unitResult = "(result (result (error string)))"

    /// `read-file(path) -> result<list<u8>, string>`: disc at +0, bytes or error at +4/+8.
    static let readFile = HostImport(interface: "filesystem", function: "read-file",
                                     componentType: "\(pathParam) (result (result (list u8) (error string)))",
                                     coreType: "(param i32 i32 i32)")
    /// `write-file(path, content: string) -> result<_, string>`.
    static let writeFile = HostImport(interface: "filesystem", function: "write-file",
                                      componentType: "\(pathParam) (param \"content\" string) \(unitResult)",
                                      coreType: "(param i32 i32 i32 i32 i32)")
    /// `list-files(path) -> result<list<string>, string>`: disc at +0, the list (8-byte
    /// string entries) or the error at +4/+8.
    static let listFiles = HostImport(interface: "filesystem", function: "list-files",
                                      componentType: "\(pathParam) (result (result (list string) (error string)))",
                                      coreType: "(param i32 i32 i32)")
    /// `delete-file(path) -> result<_, string>`.
    static let deleteFile = HostImport(interface: "filesystem", function: "delete-file",
                                       componentType: "\(pathParam) \(unitResult)", coreType: "(param i32 i32 i32)")
    /// `create-dir(path) -> result<_, string>`.
    static let createDir = HostImport(interface: "filesystem", function: "create-dir",
                                      componentType: "\(pathParam) \(unitResult)", coreType: "(param i32 i32 i32)")
    /// `delete-dir(path) -> result<_, string>`.
    static let deleteDir = HostImport(interface: "filesystem", function: "delete-dir",
                                      componentType: "\(pathParam) \(unitResult)", coreType: "(param i32 i32 i32)")
    /// `path-exists(path) -> result<bool, string>`: disc at +0, the bool at +4 or the error at +4/+8.
    static let pathExists = HostImport(interface: "filesystem", function: "path-exists",
                                       componentType: "\(pathParam) (result (result bool (error string)))",
                                       coreType: "(param i32 i32 i32)")
    /// `execute-command(dir, command, args) -> result<command-result, string>`: disc at +0;
    /// `ok`: the variant's disc at +4, then `success` stdout at +8/+12, stderr at +16/+20,
    /// exit code at +24, or `error`'s message at +8/+12; `err`: the message at +4/+8.
    static let executeCommand = HostImport(interface: "filesystem", function: "execute-command",
                                           componentType: #"(param "dir" string) (param "command" string) "#
                                               + #"(param "args" (list string)) (result (result $command-result (error string)))"#,
                                           coreType: "(param i32 i32 i32 i32 i32 i32 i32)",
                                           typeDeclarations: commandResultTypes)
    /// `execute-nix-command(dir, command) -> result<command-result, string>`: as `execute-command`.
    static let executeNixCommand = HostImport(interface: "filesystem", function: "execute-nix-command",
                                              componentType: #"(param "dir" string) (param "command" string) "#
                                                  + #"(result (result $command-result (error string)))"#,
                                              coreType: "(param i32 i32 i32 i32 i32)",
                                              typeDeclarations: commandResultTypes)
}

/// A test actor that performs one filesystem call per request and answers with its result.
///
/// A request is an operation byte, the path's length (u32, little-endian), the path, then
/// the operation's other argument:
/// - `r` read-file, `l` list-files, `d` delete-file, `m` create-dir, `x` delete-dir,
///   `e` path-exists: no more;
/// - `w` write-file: the content;
/// - `c` execute-command: the command and then each argument, each ending with a NUL byte;
/// - `n` execute-nix-command: the command.
///
/// The response is a tag byte, 0 for `ok` and 1 for `err` followed by the error message.
/// After 0 comes: the bytes (`r`), the names each followed by `\n` (`l`), one byte 0/1
/// (`e`), nothing (`w`, `d`, `m`, `x`); for `c` and `n` the variant's tag, then for
/// `success` the exit code (s32), the stdout length (u32), stdout and stderr, for `error`
/// the message.
enum FilesystemTestActor {
    static let component = TestActorComponent(
        imports: [.readFile, .writeFile, .listFiles, .deleteFile, .createDir, .deleteDir, .pathExists,
                  .executeCommand, .executeNixCommand],
        exports: [.handleRequest], body: """
        \(TestActors.resultHelpers)
        (func $names (param $d i32) (param $p i32) (param $l i32) (result i32)
          (local $list i32) (local $count i32) (local $i i32) (local $e i32) (local $size i32) (local $out i32) (local $at i32)
          (local.set $list (i32.load (i32.const 516)))
          (local.set $count (i32.load (i32.const 520)))
          (local.set $size (i32.const 1))
          (block $sized (loop $measure
            (br_if $sized (i32.ge_u (local.get $i) (local.get $count)))
            (local.set $e (i32.add (local.get $list) (i32.shl (local.get $i) (i32.const 3))))
            (local.set $size (i32.add (local.get $size) (i32.add (i32.const 1) (i32.load offset=4 (local.get $e)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $measure)))
          (local.set $out (call $alloc (local.get $size)))
          (i32.store8 (local.get $out) (i32.const 0))
          (local.set $at (i32.add (local.get $out) (i32.const 1)))
          (local.set $i (i32.const 0))
          (block $written (loop $write
            (br_if $written (i32.ge_u (local.get $i) (local.get $count)))
            (local.set $e (i32.add (local.get $list) (i32.shl (local.get $i) (i32.const 3))))
            (memory.copy (local.get $at) (i32.load (local.get $e)) (i32.load offset=4 (local.get $e)))
            (local.set $at (i32.add (local.get $at) (i32.load offset=4 (local.get $e))))
            (i32.store8 (local.get $at) (i32.const 10))
            (local.set $at (i32.add (local.get $at) (i32.const 1)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $write)))
          (call $respond (local.get $d) (local.get $p) (local.get $l) (local.get $out) (local.get $size)))
        (func $command_result (param $d i32) (param $p i32) (param $l i32) (result i32)
          (local $out i32) (local $outlen i32) (local $errlen i32) (local $size i32)
          (if (i32.load8_u (i32.const 512)) (then
            (return (call $respond_result (local.get $d) (local.get $p) (local.get $l) (i32.const 512)))))
          (if (i32.load8_u (i32.const 516)) (then
            (local.set $size (i32.load (i32.const 524)))
            (local.set $out (call $alloc (i32.add (local.get $size) (i32.const 2))))
            (i32.store8 (local.get $out) (i32.const 0))
            (i32.store8 offset=1 (local.get $out) (i32.const 1))
            (memory.copy (i32.add (local.get $out) (i32.const 2)) (i32.load (i32.const 520)) (local.get $size))
            (return (call $respond (local.get $d) (local.get $p) (local.get $l) (local.get $out)
                                   (i32.add (local.get $size) (i32.const 2))))))
          (local.set $outlen (i32.load (i32.const 524)))
          (local.set $errlen (i32.load (i32.const 532)))
          (local.set $size (i32.add (i32.const 10) (i32.add (local.get $outlen) (local.get $errlen))))
          (local.set $out (call $alloc (local.get $size)))
          (i32.store8 (local.get $out) (i32.const 0))
          (i32.store8 offset=1 (local.get $out) (i32.const 0))
          (i32.store offset=2 (local.get $out) (i32.load (i32.const 536)))
          (i32.store offset=6 (local.get $out) (local.get $outlen))
          (memory.copy (i32.add (local.get $out) (i32.const 10)) (i32.load (i32.const 520)) (local.get $outlen))
          (memory.copy (i32.add (i32.add (local.get $out) (i32.const 10)) (local.get $outlen))
                       (i32.load (i32.const 528)) (local.get $errlen))
          (call $respond (local.get $d) (local.get $p) (local.get $l) (local.get $out) (local.get $size)))
        (func (export "handle-request") \(TestActors.requestParams)
          (local $op i32) (local $path i32) (local $plen i32) (local $extra i32) (local $elen i32)
          (local $end i32) (local $at i32) (local $start i32) (local $args i32) (local $count i32)
          (local $command i32) (local $clen i32)
          (local.set $op (i32.load8_u (local.get $mp)))
          (local.set $plen (i32.load offset=1 (local.get $mp)))
          (local.set $path (i32.add (local.get $mp) (i32.const 5)))
          (local.set $extra (i32.add (local.get $path) (local.get $plen)))
          (local.set $elen (i32.sub (i32.sub (local.get $ml) (i32.const 5)) (local.get $plen)))
          (if (i32.eq (local.get $op) (i32.const 114)) (then
            (call $filesystem.read-file (local.get $path) (local.get $plen) (i32.const 512))
            (return (call $respond_result \(TestActors.keep) (i32.const 512)))))
          (if (i32.eq (local.get $op) (i32.const 119)) (then
            (call $filesystem.write-file (local.get $path) (local.get $plen) (local.get $extra) (local.get $elen) (i32.const 512))
            (return (call $respond_unit \(TestActors.keep) (i32.const 512)))))
          (if (i32.eq (local.get $op) (i32.const 108)) (then
            (call $filesystem.list-files (local.get $path) (local.get $plen) (i32.const 512))
            (if (i32.load8_u (i32.const 512)) (then (return (call $respond_result \(TestActors.keep) (i32.const 512)))))
            (return (call $names \(TestActors.keep)))))
          (if (i32.eq (local.get $op) (i32.const 100)) (then
            (call $filesystem.delete-file (local.get $path) (local.get $plen) (i32.const 512))
            (return (call $respond_unit \(TestActors.keep) (i32.const 512)))))
          (if (i32.eq (local.get $op) (i32.const 109)) (then
            (call $filesystem.create-dir (local.get $path) (local.get $plen) (i32.const 512))
            (return (call $respond_unit \(TestActors.keep) (i32.const 512)))))
          (if (i32.eq (local.get $op) (i32.const 120)) (then
            (call $filesystem.delete-dir (local.get $path) (local.get $plen) (i32.const 512))
            (return (call $respond_unit \(TestActors.keep) (i32.const 512)))))
          (if (i32.eq (local.get $op) (i32.const 101)) (then
            (call $filesystem.path-exists (local.get $path) (local.get $plen) (i32.const 512))
            (if (i32.load8_u (i32.const 512)) (then (return (call $respond_result \(TestActors.keep) (i32.const 512)))))
            (return (call $tagged \(TestActors.keep) (i32.const 0) (i32.const 516) (i32.const 1)))))
          (if (i32.eq (local.get $op) (i32.const 110)) (then
            (call $filesystem.execute-nix-command (local.get $path) (local.get $plen) (local.get $extra) (local.get $elen)
                                                  (i32.const 512))
            (return (call $command_result \(TestActors.keep)))))
          ;; execute-command: split the NUL-terminated items; the first is the command.
          (local.set $end (i32.add (local.get $extra) (local.get $elen)))
          (local.set $args (call $alloc (i32.shl (local.get $elen) (i32.const 3))))
          (local.set $at (local.get $extra))
          (local.set $start (local.get $extra))
          (block $split (loop $scan
            (br_if $split (i32.ge_u (local.get $at) (local.get $end)))
            (if (i32.eqz (i32.load8_u (local.get $at))) (then
              (i32.store (i32.add (local.get $args) (i32.shl (local.get $count) (i32.const 3))) (local.get $start))
              (i32.store offset=4 (i32.add (local.get $args) (i32.shl (local.get $count) (i32.const 3)))
                         (i32.sub (local.get $at) (local.get $start)))
              (local.set $count (i32.add (local.get $count) (i32.const 1)))
              (local.set $start (i32.add (local.get $at) (i32.const 1)))))
            (local.set $at (i32.add (local.get $at) (i32.const 1)))
            (br $scan)))
          (if (i32.eqz (local.get $count)) (then (unreachable)))
          (call $filesystem.execute-command (local.get $path) (local.get $plen)
                                            (i32.load (local.get $args)) (i32.load offset=4 (local.get $args))
                                            (i32.add (local.get $args) (i32.const 8)) (i32.sub (local.get $count) (i32.const 1))
                                            (i32.const 512))
          (call $command_result \(TestActors.keep)))
        """)
}
