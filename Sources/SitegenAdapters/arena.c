// malloc/realloc/free for adapters whose allocations all end with the call that made them
// (filesystem, embedded): a bump allocator that starts over whenever nothing is live.
// Every block lives from cabi_realloc or malloc until `read` returns or its post-return
// runs, so the heap is empty between calls and is reused from its start; an instance the
// host keeps for many requests does not grow. It replaces wasi-libc's dlmalloc (~10 KB of
// code) in these adapters. Adapters that keep memory across calls (kv caches a value) use
// dlmalloc.
#include "cabi.h"

extern unsigned char __heap_base;
static size_t top;    // next free byte; 0 before the first allocation
static size_t live;   // blocks allocated and not yet freed
static size_t last;   // the newest block, which realloc can grow in place

// Each block is preceded by 8 bytes holding its size, so blocks stay 8-aligned.
static size_t base(void) { return ((size_t)&__heap_base + 7) & ~(size_t)7; }

static void reserve(size_t end) {
    size_t need = (end + 65535) / 65536, have = __builtin_wasm_memory_size(0);
    if (need > have && __builtin_wasm_memory_grow(0, need - have) == (size_t)-1) __builtin_trap();
}

void *malloc(size_t n) {
    if (!top) top = base();
    size_t p = top + 8;
    if (n > (size_t)-1 - p - 8) __builtin_trap();
    top = (p + n + 7) & ~(size_t)7;
    reserve(top);
    *(size_t *)(p - 8) = n;
    live++;
    last = p;
    return (void *)p;
}

void free(void *p) {
    if (!p) return;
    if (--live == 0) top = base();
}

void *realloc(void *old, size_t n) {
    if (!old) return malloc(n);
    size_t p = (size_t)old;
    if (p == last) {   // the newest block: grow or shrink in place
        if (n > (size_t)-1 - p - 8) __builtin_trap();
        top = (p + n + 7) & ~(size_t)7;
        reserve(top);
        *(size_t *)(p - 8) = n;
        return old;
    }
    size_t size = *(size_t *)(p - 8);
    void *q = malloc(n);
    __builtin_memcpy(q, old, size < n ? size : n);
    free(old);
    return q;
}
