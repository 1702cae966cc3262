// Exercises the site component's allocator (Sources/SitegenServer/Runtime/allocator.c) on
// wasm32 under `wasmtime run`, linked as the component links it: before wasi-libc, so its
// malloc and free are the ones called. `AllocatorTests.swift` builds and runs it.
//
// Prints "ok <check>" per check passed; on a failure, "FAIL <check>: <why>" and exits 1.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *check, const char *why, long value) {
    printf("FAIL %s: %s (%ld)\n", check, why, value);
    exit(1);
}

static uint32_t state = 12345;
static uint32_t next_random(void) {  // xorshift32: the same sequence on every run
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

// Sizes as a request makes them: mostly small, some kilobytes, a few asset-sized chunks.
static size_t random_size(void) {
    uint32_t r = next_random() % 100;
    if (r < 70) return next_random() % 128;
    if (r < 95) return 128 + next_random() % 8192;
    return 65536 + next_random() % (256 * 1024);
}

static unsigned char pattern(size_t slot, size_t i) { return (unsigned char)(slot * 31 + i * 7 + 1); }

#define SLOTS 400
static unsigned char *blocks[SLOTS];
static size_t sizes[SLOTS];

static void fill(size_t slot) {
    for (size_t i = 0; i < sizes[slot]; i++) blocks[slot][i] = pattern(slot, i);
}

static void verify(const char *check, size_t slot) {
    for (size_t i = 0; i < sizes[slot]; i++) {
        if (blocks[slot][i] != pattern(slot, i)) fail(check, "a block's bytes changed while it was live", (long)slot);
    }
}

// One round of a request's worth of allocations: allocate, grow, free at random, checking
// that no live block is overwritten; frees everything at the end.
static void round_of_work(const char *check) {
    for (int op = 0; op < 6000; op++) {
        size_t slot = next_random() % SLOTS;
        if (blocks[slot]) {
            verify(check, slot);
            if (next_random() % 4 == 0) {  // grow: the old bytes must come along
                size_t old = sizes[slot];
                size_t grown = old + 1 + next_random() % 4096;
                unsigned char *p = realloc(blocks[slot], grown);
                if (!p) fail(check, "realloc returned NULL", (long)grown);
                blocks[slot] = p;
                for (size_t i = 0; i < old; i++) {
                    if (p[i] != pattern(slot, i)) fail(check, "realloc lost bytes", (long)i);
                }
                sizes[slot] = grown;
                fill(slot);
            } else {
                free(blocks[slot]);
                blocks[slot] = 0;
            }
        } else {
            sizes[slot] = random_size();
            blocks[slot] = malloc(sizes[slot]);
            if (!blocks[slot]) fail(check, "malloc returned NULL", (long)sizes[slot]);
            if ((uintptr_t)blocks[slot] % 16) fail(check, "a pointer is not 16-aligned", (long)(uintptr_t)blocks[slot]);
            fill(slot);
        }
    }
    for (size_t slot = 0; slot < SLOTS; slot++) {
        if (blocks[slot]) {
            verify(check, slot);
            free(blocks[slot]);
            blocks[slot] = 0;
        }
    }
}

int main(void) {
    round_of_work("live blocks keep their bytes");
    puts("ok live blocks keep their bytes");

    // A host that reuses an instance: the same work again must fit in the memory the first
    // round grew to (freed blocks are taken again).
    size_t pages = __builtin_wasm_memory_size(0);
    for (int round = 0; round < 20; round++) {
        state = 12345;
        round_of_work("freed memory is reused");
    }
    if (__builtin_wasm_memory_size(0) != pages) {
        fail("freed memory is reused", "memory grew by pages", (long)(__builtin_wasm_memory_size(0) - pages));
    }
    puts("ok freed memory is reused");

    for (size_t align = 32; align <= 4096; align *= 2) {
        void *p = NULL;
        if (posix_memalign(&p, align, 100) != 0 || (uintptr_t)p % align) fail("over-aligned blocks", "posix_memalign", (long)align);
        memset(p, 0xAB, 100);
        unsigned char *q = realloc(p, 10000);  // moves: the bytes come along
        if (!q || q[0] != 0xAB || q[99] != 0xAB) fail("over-aligned blocks", "realloc of an aligned block", (long)align);
        free(q);
        void *r = aligned_alloc(align, 3 * align);
        if (!r || (uintptr_t)r % align) fail("over-aligned blocks", "aligned_alloc", (long)align);
        free(r);
    }
    puts("ok over-aligned blocks");

    // calloc on memory a freed block left dirty.
    unsigned char *dirty = malloc(5000);
    memset(dirty, 0xFF, 5000);
    free(dirty);
    unsigned char *zeroed = calloc(1000, 5);
    if (!zeroed) fail("calloc zeroes reused memory", "NULL", 5000);
    for (size_t i = 0; i < 5000; i++) {
        if (zeroed[i]) fail("calloc zeroes reused memory", "a byte is not zero", (long)i);
    }
    free(zeroed);
    puts("ok calloc zeroes reused memory");

    void *a = malloc(0), *b = malloc(0);
    if (!a || !b || a == b) fail("malloc(0)", "not two distinct pointers", 0);
    free(a);
    free(b);
    // Through a volatile: the compiler may otherwise assume an unused allocation succeeds.
    void *volatile huge = malloc((size_t)1 << 31);
    if (huge != NULL) fail("too large", "malloc of 2 GiB succeeded", 0);
    huge = calloc((size_t)1 << 16, (size_t)1 << 16);
    if (huge != NULL) fail("too large", "calloc overflowed", 0);
    puts("ok too large");
    return 0;
}
