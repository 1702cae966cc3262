// The site component's allocator: segregated free lists over `memory.grow`.
//
// It replaces wasi-libc's dlmalloc (10 KB of the component; Benchmarks/README.md, "Size of
// `server.wasm`"). A request's allocations are many, small and short-lived, and
// `wasmtime serve` makes an instance per request, so nothing here coalesces or searches:
//
// - Every size (with the header) rounds up to a class: 16 and 32 bytes, then two classes
//   per power of two (48, 64, 96, 128, 192, 256, …). Above 32 bytes a block wastes at most
//   a third of itself.
// - A freed block goes on its class's list, and the next allocation of that class takes it
//   back: free really frees, so a host that keeps an instance for many requests
//   (`--max-instance-reuse-count`) reuses memory instead of growing it.
// - Otherwise blocks come from the top of the heap, which grows by whole wasm pages.
//
// Each block starts with an 8-byte header (its class, and for an over-aligned pointer the
// distance back to the block's own), and hands out the 16-byte-aligned address after it.
// Blocks are multiples of 16 bytes and start at 8 mod 16, so every pointer is 16-aligned,
// as malloc's are on wasm32.
typedef unsigned long size_t;
typedef unsigned int u32;
typedef unsigned long uintptr_t;

extern unsigned char __heap_base;

typedef struct {
    u32 size_class;
    u32 offset;  // from the block's own pointer to the one handed out (0 unless over-aligned)
} header;

#define CLASSES 56
static void *free_lists[CLASSES];  // per class, the freed blocks' pointers, linked through their first word
static char *top;                  // where the next new block starts (8 mod 16)
static char *end;                  // the end of memory

static header *header_of(void *p) { return (header *)((char *)p - sizeof(header)); }

// The block size (header included) of each class.
static size_t class_size(u32 size_class) {
    if (size_class < 2) return 16u << size_class;
    u32 k = size_class / 2 + 4;  // size_class 2k-8 is 3·2^(k-1); 2k-7 is 2^(k+1)
    return size_class % 2 == 0 ? (size_t)3 << (k - 1) : (size_t)1 << (k + 1);
}

// The smallest class whose blocks hold `total` bytes (header included); `total` ≤ 2^31.
static u32 class_for(size_t total) {
    if (total <= 16) return 0;
    if (total <= 32) return 1;
    u32 k = 31 - (u32)__builtin_clz((u32)(total - 1));  // 2^k < total ≤ 2^(k+1), k ≥ 5
    return total <= ((size_t)3 << (k - 1)) ? 2 * (k - 4) : 2 * (k - 4) + 1;
}

void *malloc(size_t n) {
    if (n > ((size_t)1 << 30)) return 0;
    u32 size_class = class_for(n + sizeof(header));
    void *p = free_lists[size_class];
    if (p) {
        free_lists[size_class] = *(void **)p;
        return p;
    }
    if (!top) {
        top = (char *)(((uintptr_t)&__heap_base + 15) & ~(uintptr_t)15) + 8;
        end = (char *)(__builtin_wasm_memory_size(0) << 16);
    }
    size_t size = class_size(size_class);
    if (size > (size_t)(end - top)) {
        size_t pages = (size - (size_t)(end - top) + 0xFFFF) >> 16;
        if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) return 0;
        end += pages << 16;
    }
    header *h = (header *)top;
    h->size_class = size_class;
    h->offset = 0;
    top += size;
    return (char *)h + sizeof(header);
}

void free(void *p) {
    if (!p) return;
    header *h = header_of(p);
    void *own = (char *)p - h->offset;  // an over-aligned pointer's block
    u32 size_class = header_of(own)->size_class;
    *(void **)own = free_lists[size_class];
    free_lists[size_class] = own;
}

void *aligned_alloc(size_t align, size_t n) {
    if (align <= 16) return malloc(n);
    if (n > ((size_t)1 << 30) || align > ((size_t)1 << 16)) return 0;
    char *own = malloc(n + align);
    if (!own) return 0;
    char *p = (char *)(((uintptr_t)own + align - 1) & ~(uintptr_t)(align - 1));
    if (p != own) {  // 16 bytes or more past `own`: this header lies inside the block
        header *h = header_of(p);
        h->size_class = header_of(own)->size_class;
        h->offset = (u32)(p - own);
    }
    return p;
}

int posix_memalign(void **out, size_t align, size_t n) {
    void *p = aligned_alloc(align, n);
    if (!p) return 12;  // ENOMEM
    *out = p;
    return 0;
}

void *realloc(void *p, size_t n) {
    if (!p) return malloc(n);
    header *h = header_of(p);
    char *own = (char *)p - h->offset;
    size_t room = class_size(header_of(own)->size_class) - sizeof(header) - h->offset;
    if (n <= room) return p;
    void *q = malloc(n);
    if (!q) return 0;
    __builtin_memcpy(q, p, room);
    free(p);
    return q;
}

void *calloc(size_t count, size_t size) {
    if (size && count > ((size_t)1 << 30) / size) return 0;
    void *p = malloc(count * size);
    if (p) __builtin_memset(p, 0, count * size);
    return p;
}
