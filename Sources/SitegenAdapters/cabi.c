// cabi_realloc: the canonical ABI calls it to place strings/lists into this instance's memory
// (the `path` argument of `read`; the lists wasi:filesystem returns). Same contract as
// wit-bindgen's: size 0 returns `align`, otherwise malloc/realloc. One addition, as in the
// site runtime's shim.c: realloc(p, n, align, 0) frees p (the host never asks that; the fused
// filesystem adapter, filesystem-core.wat, frees through it, and Tests/AdapterTests/site.c
// links this file).
#include "cabi.h"

EXPORT("cabi_realloc")
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    if (new_size == 0) {
        if (old && old_size) free(old);
        return (void *)align;
    }
    // dlmalloc returns 8-byte-aligned blocks on wasm32; the ABI never asks for more here
    // (strings/lists of u8, tuples of i32).
    if (align > 8) __builtin_trap();
    void *p = (old && old_size) ? realloc(old, new_size) : malloc(new_size);
    if (!p) __builtin_trap();
    return p;
}

// Exporting `_initialize` makes wasm-ld treat the module as a reactor. Without it, linking
// wasi-libc makes wasm-ld wrap every export in a "command" wrapper that runs
// __wasm_call_dtors after each call. `wasm-tools component new` calls it once at instantiation.
extern void __wasm_call_ctors(void);
EXPORT("_initialize")
void initialize(void) { __wasm_call_ctors(); }
