// The C side of the site component: what Embedded Swift expects from a libc, and the
// canonical ABI's `cabi_realloc`. malloc/free/posix_memalign come from allocator.c (free
// lists over memory.grow: freed memory is reused, so a host may keep an instance for many
// requests); memcpy, memcmp and the like from Debian's wasi-libc.
typedef unsigned long size_t;
typedef unsigned long long u64;

void *malloc(size_t);
void free(void *);
void *realloc(void *, size_t);
void *aligned_alloc(size_t, size_t);

// The first zero-initialised variable of the link: the runtime links shim.o before every
// other object, and wasm-ld puts .bss last, so this is where .bss starts; it ends at
// __data_end, where the stack begins.
static char bss_start[1];
extern char __data_end;

// The first initialised variable, aligned to a page: .data (Swift's mutable globals) then
// starts on a page of its own instead of sharing the last page of .rodata, which every
// request reads before .data is written (two faults where one does). `_initialize` writes
// it first, so the page's first access is a write.
__attribute__((aligned(4096))) static volatile char data_start[1] = {1};

// Exporting `_initialize` makes wasm-ld treat the module as a reactor; otherwise, with
// wasi-libc linked, every export is wrapped to run __wasm_call_dtors after each call.
// `wasm-tools component new` calls it once at instantiation, before anything else runs.
//
// It first writes the zeros .bss already holds. A host maps a fresh instance's memory
// lazily: a page first read and then written (the allocator's state, Swift's globals) faults
// twice, and the second fault replaces a mapping, which costs a TLB shootdown on every
// core the host runs on. Written first, the page faults once. `wasmtime serve` makes an
// instance per request, so this is per request (Benchmarks/README.md, "Why a static page…").
extern void __wasm_call_ctors(void);
__attribute__((export_name("_initialize")))
void sitegen_initialize(void) {
    // The same for the function table: wasmtime fills its entries on first use, reading an
    // entry before writing it. Slot 0 is always null (wasm-ld keeps it for the null function
    // pointer), so setting it to null writes the table's first page before anything reads it.
    __asm__ volatile("i32.const 0\n ref.null_func\n table.set __indirect_function_table\n");
    data_start[0] = 1;
    char *from = bss_start;
    __asm__("" : "+r"(from));   // an address, not the one-byte object: the fill covers all of .bss
    __builtin_memset(from, 0, (size_t)(&__data_end - from));
    __wasm_call_ctors();
}

// The canonical ABI's allocator. realloc(p, n, align, 0) frees p: the host never asks that
// (it only allocates), and the filesystem adapter fused into this instance frees with it
// (Sources/SitegenAdapters/filesystem-core.wat).
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    if (new_size == 0) {
        if (old) free(old);
        return (void *)align;
    }
    if (old) return realloc(old, new_size);  // 16-aligned (allocator.c); the ABI never asks more here
    return aligned_alloc(align, new_size);
}

// The return area of every import call (calls never overlap). A static buffer: a Swift
// global would be allocated behind a one-time initialisation in every fresh instance.
static u64 return_area[8];
void *sitegen_return_area(void) { return return_area; }

// Swift reserves the name `free`; the runtime frees host-allocated lists through this.
void sitegen_free(void *p) { free(p); }

__attribute__((import_module("wasi:random/random@0.2.0"), import_name("get-random-u64")))
u64 wasi_random_u64(void);

void arc4random_buf(void *buf, size_t n) {
    unsigned char *b = buf;
    while (n) {
        u64 r = wasi_random_u64();
        for (int i = 0; i < 8 && n; i++, n--) { *b++ = (unsigned char)r; r >>= 8; }
    }
}

__attribute__((import_module("wasi:cli/stderr@0.2.0"), import_name("get-stderr")))
int wasi_get_stderr(void);
__attribute__((import_module("wasi:io/streams@0.2.0"), import_name("[method]output-stream.blocking-write-and-flush")))
void wasi_blocking_write_and_flush(int stream, const void *bytes, size_t n, void *ret);

static int stderr_handle = -1;

void sitegen_log(const void *bytes, size_t n) {
    if (stderr_handle < 0) stderr_handle = wasi_get_stderr();
    int ret[4];
    while (n) {  // blocking-write-and-flush takes at most 4096 bytes at a time
        size_t k = n > 4096 ? 4096 : n;
        wasi_blocking_write_and_flush(stderr_handle, bytes, k, ret);
        bytes = (const char *)bytes + k;
        n -= k;
    }
}

static char line[1024];
static size_t line_length;

int putchar(int c) {
    line[line_length++] = (char)c;
    if (c == '\n' || line_length == sizeof line) { sitegen_log(line, line_length); line_length = 0; }
    return c;
}

// Defaults for a site without functions or streamed pages; the generated objects
// override them when the site has some.
__attribute__((weak)) void sitegen_site_register(void) {}
__attribute__((weak)) const unsigned char *sitegen_site_data(unsigned *length) { *length = 0; return 0; }
// A build with a linked manifest never reads one from the site's files; a preview build's
// manifest.c defines this to call the runtime's reader (ManifestSource in the build).
__attribute__((weak)) void sitegen_refresh_external_manifest(void) {}
