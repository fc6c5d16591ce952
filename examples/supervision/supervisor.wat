;; supervisor: a Theater actor that starts workers and passes messages to them, for the
;; supervision example. Written by hand as a core module following the Canonical ABI of the
;; `ntwk:theater` world `full-actor` (see ../../wit; it imports only runtime, supervisor and
;; message-server-host); `build.sh` makes it a component. What happens when a worker fails
;; is not its business: the runtime restarts workers by the supervisor handler's settings in
;; the manifest. This actor only logs what it is told.
;;
;; The state is the list of child manifests, one path per line (its manifest's init_state);
;; init spawns them in that order.
;;   handle-request(id, "children")   responds with the children's ids, one per line
;;   handle-request(id, "N:<msg>")    sends request <msg> to child N (0-9, in start order)
;;                                    and responds with its response, or "error: <why>"
;;   handle-request(id, "restart N")  restart-child, responds "restarted" or "error: <why>"
;;   handle-request(id, "stop N")     stop-child, responds "stopped" or "error: <why>"
;;   handle-send("N:<msg>")           sends <msg> to child N
;;   handle-child-error/-exit/-external-stop   log "child failed|exited|stopped: <id>"
;;
;; Memory: 256.. the export return area; 512.. 16 bytes for results of host calls;
;; 1024.. a heap freed after every export (post-return).
(module
  (import "ntwk:theater/runtime" "log" (func $log (param i32 i32)))
  (import "ntwk:theater/supervisor" "spawn" (func $spawn (param i32 i32 i32 i32 i32 i32)))
  (import "ntwk:theater/supervisor" "list-children" (func $list_children (param i32)))
  (import "ntwk:theater/supervisor" "restart-child" (func $restart_child (param i32 i32 i32)))
  (import "ntwk:theater/supervisor" "stop-child" (func $stop_child (param i32 i32 i32)))
  (import "ntwk:theater/message-server-host" "request" (func $request (param i32 i32 i32 i32 i32)))
  (import "ntwk:theater/message-server-host" "send" (func $send (param i32 i32 i32 i32 i32)))

  (memory (export "memory") 1)

  (data (i32.const 16) "children")         ;; 8
  (data (i32.const 32) "restart ")         ;; 8
  (data (i32.const 48) "stop ")            ;; 5
  (data (i32.const 64) "restarted")        ;; 9
  (data (i32.const 80) "stopped")          ;; 7
  (data (i32.const 96) "error: ")          ;; 7
  (data (i32.const 112) "no such child")   ;; 13
  (data (i32.const 128) "unknown request") ;; 15
  (data (i32.const 144) "child failed: ")  ;; 14
  (data (i32.const 160) "child exited: ")  ;; 14
  (data (i32.const 176) "child stopped: ") ;; 15

  (global $return_area i32 (i32.const 256))
  (global $host_area i32 (i32.const 512))
  (global $heap_base i32 (i32.const 1024))
  (global $heap (mut i32) (i32.const 1024))
  ;; The child id $find_child found.
  (global $child_ptr (mut i32) (i32.const 0))
  (global $child_len (mut i32) (i32.const 0))

  (func $alloc (param $size i32) (param $align i32) (result i32)
    (local $start i32) (local $end i32) (local $limit i32)
    (local.set $start
      (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
               (i32.sub (i32.const 0) (local.get $align))))
    (local.set $end (i32.add (local.get $start) (local.get $size)))
    (if (i32.lt_u (local.get $end) (local.get $start)) (then unreachable))
    (local.set $limit (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $end) (local.get $limit))
      (then
        (if (i32.eq
              (memory.grow
                (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $limit)) (i32.const 65535))
                           (i32.const 16)))
              (i32.const -1))
          (then unreachable))))
    (global.set $heap (local.get $end))
    (local.get $start))

  (func (export "cabi_realloc")
        (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (local $new i32)
    (local.set $new (call $alloc (local.get $new_size) (local.get $align)))
    (if (local.get $old)
      (then
        (memory.copy (local.get $new) (local.get $old)
          (select (local.get $old_size) (local.get $new_size)
                  (i32.lt_u (local.get $old_size) (local.get $new_size))))))
    (local.get $new))

  (func $free_all (param $result i32)
    (global.set $heap (global.get $heap_base)))

  (func $starts_with (param $a i32) (param $a_len i32) (param $b i32) (param $b_len i32) (result i32)
    (local $i i32)
    (if (i32.lt_u (local.get $a_len) (local.get $b_len)) (then (return (i32.const 0))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $b_len)))
        (if (i32.ne (i32.load8_u (i32.add (local.get $a) (local.get $i)))
                    (i32.load8_u (i32.add (local.get $b) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 1))

  (func $equal (param $a i32) (param $a_len i32) (param $b i32) (param $b_len i32) (result i32)
    (if (i32.ne (local.get $a_len) (local.get $b_len)) (then (return (i32.const 0))))
    (call $starts_with (local.get $a) (local.get $a_len) (local.get $b) (local.get $b_len)))

  ;; The digit at `ptr` as a number, or -1.
  (func $digit (param $ptr i32) (result i32)
    (local $d i32)
    (local.set $d (i32.sub (i32.load8_u (local.get $ptr)) (i32.const 48)))
    (if (result i32) (i32.gt_u (local.get $d) (i32.const 9))
      (then (i32.const -1)) (else (local.get $d))))

  ;; Finds child `index` (start order) into $child_ptr/$child_len; 0 when there is none.
  (func $find_child (param $index i32) (result i32)
    (local $list i32)
    (if (i32.lt_s (local.get $index) (i32.const 0)) (then (return (i32.const 0))))
    (call $list_children (global.get $host_area))
    (if (i32.ge_u (local.get $index) (i32.load offset=4 (global.get $host_area))) (then (return (i32.const 0))))
    (local.set $list (i32.add (i32.load (global.get $host_area)) (i32.shl (local.get $index) (i32.const 3))))
    (global.set $child_ptr (i32.load (local.get $list)))
    (global.set $child_len (i32.load offset=4 (local.get $list)))
    (i32.const 1))

  ;; `a` followed by `b` in new memory; the length is a_len + b_len.
  (func $concat (param $a i32) (param $a_len i32) (param $b i32) (param $b_len i32) (result i32)
    (local $out i32)
    (local.set $out (call $alloc (i32.add (local.get $a_len) (local.get $b_len)) (i32.const 1)))
    (memory.copy (local.get $out) (local.get $a) (local.get $a_len))
    (memory.copy (i32.add (local.get $out) (local.get $a_len)) (local.get $b) (local.get $b_len))
    (local.get $out))

  (func $log_with (param $prefix i32) (param $prefix_len i32) (param $text i32) (param $text_len i32)
    (call $log (call $concat (local.get $prefix) (local.get $prefix_len) (local.get $text) (local.get $text_len))
               (i32.add (local.get $prefix_len) (local.get $text_len))))

  (func $ok (param $has i32) (param $ptr i32) (param $len i32) (result i32)
    (i32.store8 (global.get $return_area) (i32.const 0))
    (i32.store8 offset=4 (global.get $return_area) (local.get $has))
    (i32.store offset=8 (global.get $return_area) (local.get $ptr))
    (i32.store offset=12 (global.get $return_area) (local.get $len))
    (global.get $return_area))

  (func $err (param $ptr i32) (param $len i32) (result i32)
    (i32.store8 (global.get $return_area) (i32.const 1))
    (i32.store offset=4 (global.get $return_area) (local.get $ptr))
    (i32.store offset=8 (global.get $return_area) (local.get $len))
    (global.get $return_area))

  (func $respond (param $has i32) (param $ptr i32) (param $len i32) (param $r i32) (param $r_len i32) (result i32)
    (drop (call $ok (local.get $has) (local.get $ptr) (local.get $len)))
    (i32.store8 offset=16 (global.get $return_area) (i32.const 1))
    (i32.store offset=20 (global.get $return_area) (local.get $r))
    (i32.store offset=24 (global.get $return_area) (local.get $r_len))
    (global.get $return_area))

  ;; Responds "error: " + the err string of the host call result in $host_area.
  (func $respond_host_error (param $has i32) (param $ptr i32) (param $len i32) (result i32)
    (local $msg i32) (local $msg_len i32)
    (local.set $msg (i32.load offset=4 (global.get $host_area)))
    (local.set $msg_len (i32.load offset=8 (global.get $host_area)))
    (call $respond (local.get $has) (local.get $ptr) (local.get $len)
      (call $concat (i32.const 96) (i32.const 7) (local.get $msg) (local.get $msg_len))
      (i32.add (local.get $msg_len) (i32.const 7))))

  ;; init: spawns the manifest on each non-empty line of the state, in order.
  (func (export "ntwk:theater/actor#init")
        (param $has i32) (param $ptr i32) (param $len i32) (param $id i32) (param $id_len i32) (result i32)
    (local $start i32) (local $i i32)
    (if (i32.eqz (local.get $has)) (then (return (call $ok (i32.const 0) (i32.const 0) (i32.const 0)))))
    (block $done
      (loop $line
        (br_if $done (i32.gt_u (local.get $i) (local.get $len)))
        (if (i32.or (i32.eq (local.get $i) (local.get $len))
                    (i32.eq (i32.load8_u (i32.add (local.get $ptr) (local.get $i))) (i32.const 10)))
          (then
            (if (i32.gt_u (local.get $i) (local.get $start))
              (then
                (call $spawn (i32.add (local.get $ptr) (local.get $start)) (i32.sub (local.get $i) (local.get $start))
                             (i32.const 0) (i32.const 0) (i32.const 0) (global.get $host_area))
                (if (i32.load8_u (global.get $host_area))
                  (then (return (call $err (i32.load offset=4 (global.get $host_area))
                                           (i32.load offset=8 (global.get $host_area))))))))
            (local.set $start (i32.add (local.get $i) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $line)))
    (call $ok (local.get $has) (local.get $ptr) (local.get $len)))

  (func (export "ntwk:theater/message-server-client#handle-send")
        (param $has i32) (param $ptr i32) (param $len i32) (param $msg i32) (param $msg_len i32) (result i32)
    (if (i32.ge_u (local.get $msg_len) (i32.const 2))
      (then
        (if (i32.eq (i32.load8_u offset=1 (local.get $msg)) (i32.const 58))
          (then
            (if (call $find_child (call $digit (local.get $msg)))
              (then
                (call $send (global.get $child_ptr) (global.get $child_len)
                            (i32.add (local.get $msg) (i32.const 2)) (i32.sub (local.get $msg_len) (i32.const 2))
                            (global.get $host_area))))))))
    (call $ok (local.get $has) (local.get $ptr) (local.get $len)))

  (func (export "ntwk:theater/message-server-client#handle-request")
        (param $has i32) (param $ptr i32) (param $len i32) (param $rid i32) (param $rid_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (local $list i32) (local $count i32) (local $i i32) (local $total i32) (local $out i32) (local $at i32)
    (local $entry i32)
    ;; "children": the ids, one per line
    (if (call $equal (local.get $msg) (local.get $msg_len) (i32.const 16) (i32.const 8))
      (then
        (call $list_children (global.get $host_area))
        (local.set $list (i32.load (global.get $host_area)))
        (local.set $count (i32.load offset=4 (global.get $host_area)))
        (block $sized
          (loop $size
            (br_if $sized (i32.ge_u (local.get $i) (local.get $count)))
            (local.set $total (i32.add (local.get $total)
              (i32.add (i32.load offset=4 (i32.add (local.get $list) (i32.shl (local.get $i) (i32.const 3)))) (i32.const 1))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $size)))
        (local.set $out (call $alloc (local.get $total) (i32.const 1)))
        (local.set $at (local.get $out))
        (local.set $i (i32.const 0))
        (block $copied
          (loop $copy
            (br_if $copied (i32.ge_u (local.get $i) (local.get $count)))
            (local.set $entry (i32.add (local.get $list) (i32.shl (local.get $i) (i32.const 3))))
            (memory.copy (local.get $at) (i32.load (local.get $entry)) (i32.load offset=4 (local.get $entry)))
            (local.set $at (i32.add (local.get $at) (i32.load offset=4 (local.get $entry))))
            (i32.store8 (local.get $at) (i32.const 10))
            (local.set $at (i32.add (local.get $at) (i32.const 1)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $copy)))
        ;; without the last line break
        (return (call $respond (local.get $has) (local.get $ptr) (local.get $len) (local.get $out)
                               (select (i32.sub (local.get $total) (i32.const 1)) (i32.const 0) (local.get $total))))))
    ;; "N:<msg>": a request to child N
    (if (i32.ge_u (local.get $msg_len) (i32.const 2))
      (then
        (if (i32.eq (i32.load8_u offset=1 (local.get $msg)) (i32.const 58))
          (then
            (if (i32.eqz (call $find_child (call $digit (local.get $msg))))
              (then (return (call $respond (local.get $has) (local.get $ptr) (local.get $len)
                                           (call $concat (i32.const 96) (i32.const 7) (i32.const 112) (i32.const 13))
                                           (i32.const 20)))))
            (call $request (global.get $child_ptr) (global.get $child_len)
                           (i32.add (local.get $msg) (i32.const 2)) (i32.sub (local.get $msg_len) (i32.const 2))
                           (global.get $host_area))
            (if (i32.load8_u (global.get $host_area))
              (then (return (call $respond_host_error (local.get $has) (local.get $ptr) (local.get $len)))))
            (return (call $respond (local.get $has) (local.get $ptr) (local.get $len)
                                   (i32.load offset=4 (global.get $host_area)) (i32.load offset=8 (global.get $host_area))))))))
    ;; "restart N" and "stop N"
    (if (i32.and (call $starts_with (local.get $msg) (local.get $msg_len) (i32.const 32) (i32.const 8))
                 (i32.eq (local.get $msg_len) (i32.const 9)))
      (then
        (if (i32.eqz (call $find_child (call $digit (i32.add (local.get $msg) (i32.const 8)))))
          (then (return (call $respond (local.get $has) (local.get $ptr) (local.get $len)
                                       (call $concat (i32.const 96) (i32.const 7) (i32.const 112) (i32.const 13))
                                       (i32.const 20)))))
        (call $restart_child (global.get $child_ptr) (global.get $child_len) (global.get $host_area))
        (if (i32.load8_u (global.get $host_area))
          (then (return (call $respond_host_error (local.get $has) (local.get $ptr) (local.get $len)))))
        (return (call $respond (local.get $has) (local.get $ptr) (local.get $len) (i32.const 64) (i32.const 9)))))
    (if (i32.and (call $starts_with (local.get $msg) (local.get $msg_len) (i32.const 48) (i32.const 5))
                 (i32.eq (local.get $msg_len) (i32.const 6)))
      (then
        (if (i32.eqz (call $find_child (call $digit (i32.add (local.get $msg) (i32.const 5)))))
          (then (return (call $respond (local.get $has) (local.get $ptr) (local.get $len)
                                       (call $concat (i32.const 96) (i32.const 7) (i32.const 112) (i32.const 13))
                                       (i32.const 20)))))
        (call $stop_child (global.get $child_ptr) (global.get $child_len) (global.get $host_area))
        (if (i32.load8_u (global.get $host_area))
          (then (return (call $respond_host_error (local.get $has) (local.get $ptr) (local.get $len)))))
        (return (call $respond (local.get $has) (local.get $ptr) (local.get $len) (i32.const 80) (i32.const 7)))))
    (call $respond (local.get $has) (local.get $ptr) (local.get $len) (i32.const 128) (i32.const 15)))

  (func (export "ntwk:theater/message-server-client#handle-channel-open")
        (param $has i32) (param $ptr i32) (param $len i32) (param $ch i32) (param $ch_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (drop (call $ok (local.get $has) (local.get $ptr) (local.get $len)))
    (i32.store8 offset=16 (global.get $return_area) (i32.const 0))
    (i32.store8 offset=20 (global.get $return_area) (i32.const 0))
    (global.get $return_area))

  (func (export "ntwk:theater/message-server-client#handle-channel-message")
        (param $has i32) (param $ptr i32) (param $len i32) (param $ch i32) (param $ch_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (call $ok (local.get $has) (local.get $ptr) (local.get $len)))

  (func (export "ntwk:theater/message-server-client#handle-channel-close")
        (param $has i32) (param $ptr i32) (param $len i32) (param $ch i32) (param $ch_len i32) (result i32)
    (call $ok (local.get $has) (local.get $ptr) (local.get $len)))

  ;; handle-child-error(state, (child-id, wit-actor-error { error-type, data: option<list<u8>> }))
  (func (export "ntwk:theater/supervisor-handlers#handle-child-error")
        (param $has i32) (param $ptr i32) (param $len i32) (param $id i32) (param $id_len i32)
        (param $type i32) (param $data_has i32) (param $data i32) (param $data_len i32) (result i32)
    (call $log_with (i32.const 144) (i32.const 14) (local.get $id) (local.get $id_len))
    (call $ok (local.get $has) (local.get $ptr) (local.get $len)))

  ;; handle-child-exit(state, (child-id, option<list<u8>>))
  (func (export "ntwk:theater/supervisor-handlers#handle-child-exit")
        (param $has i32) (param $ptr i32) (param $len i32) (param $id i32) (param $id_len i32)
        (param $data_has i32) (param $data i32) (param $data_len i32) (result i32)
    (call $log_with (i32.const 160) (i32.const 14) (local.get $id) (local.get $id_len))
    (call $ok (local.get $has) (local.get $ptr) (local.get $len)))

  ;; handle-child-external-stop(state, (child-id,))
  (func (export "ntwk:theater/supervisor-handlers#handle-child-external-stop")
        (param $has i32) (param $ptr i32) (param $len i32) (param $id i32) (param $id_len i32) (result i32)
    (call $log_with (i32.const 176) (i32.const 15) (local.get $id) (local.get $id_len))
    (call $ok (local.get $has) (local.get $ptr) (local.get $len)))

  (export "cabi_post_ntwk:theater/actor#init" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-send" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-request" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-channel-open" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-channel-message" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-channel-close" (func $free_all))
  (export "cabi_post_ntwk:theater/supervisor-handlers#handle-child-error" (func $free_all))
  (export "cabi_post_ntwk:theater/supervisor-handlers#handle-child-exit" (func $free_all))
  (export "cabi_post_ntwk:theater/supervisor-handlers#handle-child-external-stop" (func $free_all))
)
