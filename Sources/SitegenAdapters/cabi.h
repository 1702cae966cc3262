// Shared canonical-ABI glue for sitegen's asset adapters (hand-written, no wit-bindgen).
// Built with clang --target=wasm32-unknown-unknown -nostdlib; malloc/free/realloc come from
// wasi-libc's libc.a (dlmalloc over memory.grow, no WASI imports).
#ifndef SITEGEN_ADAPTER_CABI_H
#define SITEGEN_ADAPTER_CABI_H

typedef unsigned long size_t;
typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef int i32;

void *malloc(size_t n);
void *realloc(void *p, size_t n);
void free(void *p);

#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

// The interface every adapter exports (wit/world.wit):
//   read: func(path: string, offset: u64, length: u32) -> option<list<u8>>
// Core export:      "sitegen:site/assets@0.1.0#read"  (i32 ptr, i32 len, i64 offset, i32 length) -> i32
// Post-return:      "cabi_post_sitegen:site/assets@0.1.0#read"  (i32 retptr)
// The i32 result points at a static 12-byte return area: u8 discriminant at +0 (0 none, 1 some),
// list pointer at +4, list length at +8.
#define ASSETS_READ "sitegen:site/assets@0.1.0#read"
#define ASSETS_READ_POST "cabi_post_sitegen:site/assets@0.1.0#read"

typedef struct {
    u8 is_some;      // +0
    u8 *ptr;         // +4
    u32 len;         // +8
} option_bytes;

_Static_assert(sizeof(option_bytes) == 12, "canonical ABI option<list<u8>> is 12 bytes");
_Static_assert(__builtin_offsetof(option_bytes, ptr) == 4, "list ptr at +4");
_Static_assert(__builtin_offsetof(option_bytes, len) == 8, "list len at +8");

// Ownership, as in wit-bindgen: a zero-length string/list may point at a non-heap address
// (cabi_realloc returns `align` for size 0), so free only when len > 0.
static inline void free_list(void *p, u32 len) { if (len) free(p); }

#endif
