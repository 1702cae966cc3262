;; The `filesystem` backend as a core adapter: fused into the site component's own core
;; instance by `wasm-tools component new --adapt sitegen:site/assets@0.1.0=…` instead of
;; composed beside it as a component (`filesystem.c`, which stays the stand-alone form).
;;
;; Why: `wasmtime serve` instantiates the whole composition for every request. A composed
;; adapter brings its own linear memory and table, each mapped, faulted in and reset per
;; request; fused, the adapter shares the site's memory and the server answers a static page
;; about 30% faster (Benchmarks/README.md, "The filesystem backend, fused"). Relinking stays
;; a bytecode step: this file is assembled once per sitegen version (`wasm-tools parse`).
;;
;; Contract with the site (the core signature the site imports for
;; `read: func(path: string, offset: u64, length: u32) -> option<list<u8>>`):
;;   read(path_ptr, path_len, offset: i64, length, ret_ptr)
;; `path` is the site's own string, read in place and never freed here. At `ret_ptr`: u8 0/1
;; (none/some), list pointer at +4, length at +8. The list comes from the site's
;; `cabi_realloc`, so the site owns and frees it, as it does a list the canonical ABI lowers.
;;
;; Written in WebAssembly text because an adapter that imports its memory must not own any of
;; it: no data segments, no shadow stack. State lives in globals; the one scratch area for
;; import results is allocated from the site's heap on first use.
(module
  (import "env" "memory" (memory 0))
  ;; The site's allocator. realloc(ptr, old, align, 0) frees ptr (sitegen's shim.c).
  (import "__main_module__" "cabi_realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))
  ;; get-directories: func() -> list<tuple<descriptor, string>>   (12-byte elements)
  (import "wasi:filesystem/preopens@0.2.0" "get-directories" (func $get_directories (param i32)))
  ;; open-at(self, path-flags, path, open-flags, descriptor-flags) -> result<descriptor, error-code>
  (import "wasi:filesystem/types@0.2.0" "[method]descriptor.open-at"
    (func $open_at (param i32 i32 i32 i32 i32 i32 i32)))
  ;; read(self, length: u64, offset: u64) -> result<tuple<list<u8>, bool>, error-code>
  (import "wasi:filesystem/types@0.2.0" "[method]descriptor.read" (func $fs_read (param i32 i64 i64 i32)))
  (import "wasi:filesystem/types@0.2.0" "[resource-drop]descriptor" (func $drop (param i32)))

  (global $root (mut i32) (i32.const -1))   ;; the preopen served from
  (global $scratch (mut i32) (i32.const 0)) ;; 16 bytes for import results; 0 before the first call

  ;; The canonical ABI allocates what the host returns (read's bytes, preopen names) here:
  ;; in the site's heap.
  (func (export "cabi_import_realloc") (param i32 i32 i32 i32) (result i32)
    (call $realloc (local.get 0) (local.get 1) (local.get 2) (local.get 3)))

  (func $free (param $ptr i32) (param $len i32)
    (if (local.get $len)
      (then (drop (call $realloc (local.get $ptr) (local.get $len) (i32.const 1) (i32.const 0))))))

  ;; Picks the preopen named "/site", else the first; drops the others.
  (func $find_root (local $list i32) (local $count i32) (local $i i32) (local $entry i32) (local $pick i32)
    (global.set $scratch (call $realloc (i32.const 0) (i32.const 0) (i32.const 8) (i32.const 16)))
    (call $get_directories (global.get $scratch))
    (local.set $list (i32.load (global.get $scratch)))
    (local.set $count (i32.load offset=4 (global.get $scratch)))
    (block $found
      (loop $search
        (br_if $found (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $entry (i32.add (local.get $list) (i32.mul (local.get $i) (i32.const 12))))
        ;; the name's bytes are read only when it has 5 of them
        (if (i32.eq (i32.load offset=8 (local.get $entry)) (i32.const 5))
          (then
            (if (i32.and
                  (i32.eq (i32.load (i32.load offset=4 (local.get $entry))) (i32.const 0x7469732f)) ;; "/sit"
                  (i32.eq (i32.load8_u offset=4 (i32.load offset=4 (local.get $entry))) (i32.const 0x65))) ;; "e"
              (then (local.set $pick (local.get $i)) (br $found)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $search)))
    (local.set $i (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $entry (i32.add (local.get $list) (i32.mul (local.get $i) (i32.const 12))))
        (if (i32.eq (local.get $i) (local.get $pick))
          (then (global.set $root (i32.load (local.get $entry))))
          (else (call $drop (i32.load (local.get $entry)))))
        (call $free (i32.load offset=4 (local.get $entry)) (i32.load offset=8 (local.get $entry)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (call $free (local.get $list) (i32.mul (local.get $count) (i32.const 12))))

  ;; As path.h's asset_path_ok: not empty, no leading '/', no '\' or NUL, no ".." segment.
  ;; The site's router refuses such paths before they get here, and wasi:filesystem confines
  ;; open-at to the preopen; this is defence in depth.
  (func $path_ok (param $s i32) (param $n i32) (result i32) (local $i i32) (local $seg i32) (local $c i32)
    (if (i32.eqz (local.get $n)) (then (return (i32.const 0))))
    (if (i32.eq (i32.load8_u (local.get $s)) (i32.const 0x2f)) (then (return (i32.const 0))))
    (loop $each
      (local.set $c (if (result i32) (i32.lt_u (local.get $i) (local.get $n))
        (then (i32.load8_u (i32.add (local.get $s) (local.get $i))))
        (else (i32.const 0x2f))))
      (if (i32.eq (local.get $c) (i32.const 0x2f))
        (then
          (if (i32.and
                (i32.eq (i32.sub (local.get $i) (local.get $seg)) (i32.const 2))
                (i32.eq (i32.load16_u (i32.add (local.get $s) (local.get $seg))) (i32.const 0x2e2e)))
            (then (return (i32.const 0))))
          (local.set $seg (i32.add (local.get $i) (i32.const 1))))
        (else
          (if (i32.or (i32.eq (local.get $c) (i32.const 0x5c)) (i32.eqz (local.get $c)))
            (then (return (i32.const 0))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $each (i32.le_u (local.get $i) (local.get $n))))
    (i32.const 1))

  ;; Up to `length` bytes of `path` from `offset`: open-at, read (again while a read comes
  ;; back short without end of file: wasmtime reports the end only on an empty read), drop.
  (func (export "read") (param $path i32) (param $path_len i32) (param $offset i64) (param $length i32) (param $ret i32)
    (local $s i32) (local $file i32) (local $buffer i32) (local $got i32) (local $more i32) (local $grown i32)
    (i32.store8 (local.get $ret) (i32.const 0))
    (if (i32.eqz (global.get $scratch)) (then (call $find_root)))
    (if (i32.lt_s (global.get $root) (i32.const 0)) (then (return)))
    (if (i32.eqz (call $path_ok (local.get $path) (local.get $path_len))) (then (return)))
    (local.set $s (global.get $scratch))
    ;; path-flags 0 (no symlink-follow), open-flags 0, descriptor-flags read
    (call $open_at (global.get $root) (i32.const 0) (local.get $path) (local.get $path_len)
      (i32.const 0) (i32.const 1) (local.get $s))
    (if (i32.load8_u (local.get $s)) (then (return)))
    (local.set $file (i32.load offset=4 (local.get $s)))
    (call $fs_read (local.get $file) (i64.extend_i32_u (local.get $length)) (local.get $offset) (local.get $s))
    (if (i32.load8_u (local.get $s)) (then (call $drop (local.get $file)) (return))) ;; e.g. a directory
    (local.set $buffer (i32.load offset=4 (local.get $s)))
    (local.set $got (i32.load offset=8 (local.get $s)))
    (block $complete
      (loop $short
        ;; stop at `length`, at end of file, or after an empty read
        (br_if $complete (i32.ge_u (local.get $got) (local.get $length)))
        (br_if $complete (i32.load8_u offset=12 (local.get $s)))
        (br_if $complete (i32.eqz (i32.load offset=8 (local.get $s))))
        (call $fs_read (local.get $file) (i64.extend_i32_u (i32.sub (local.get $length) (local.get $got)))
          (i64.add (local.get $offset) (i64.extend_i32_u (local.get $got))) (local.get $s))
        (if (i32.load8_u (local.get $s))
          (then (call $free (local.get $buffer) (local.get $got)) (call $drop (local.get $file)) (return)))
        (local.set $more (i32.load offset=8 (local.get $s)))
        (if (local.get $more)
          (then
            (local.set $grown (call $realloc (local.get $buffer) (local.get $got) (i32.const 1)
              (i32.add (local.get $got) (local.get $more))))
            (memory.copy (i32.add (local.get $grown) (local.get $got)) (i32.load offset=4 (local.get $s)) (local.get $more))
            (call $free (i32.load offset=4 (local.get $s)) (local.get $more))
            (local.set $buffer (local.get $grown))
            (local.set $got (i32.add (local.get $got) (local.get $more)))))
        (br $short)))
    (call $drop (local.get $file))
    (i32.store8 (local.get $ret) (i32.const 1))
    (i32.store offset=4 (local.get $ret) (local.get $buffer))
    (i32.store offset=8 (local.get $ret) (local.get $got)))
)
