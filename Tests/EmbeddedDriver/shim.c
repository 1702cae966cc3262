// The C symbols an Embedded Swift object imports, for the wasm test driver (driver.wasm).
//
// Built with clang --target=wasm32-unknown-unknown and linked by scripts/wasm-test.sh
// together with Debian wasi-libc's libc.a, which supplies malloc/free/posix_memalign
// (dlmalloc over memory.grow; no WASI imports). What libc.a cannot supply without
// pulling in its own stdio (and more WASI imports) is written here against exactly
// two WASI preview1 imports, so `wasmtime run driver.wasm` needs nothing else:
//
//   putchar        print(): buffered, written to stdout with fd_write at each newline
//   memcmp         String ==, <, hasPrefix, ...
//   arc4random_buf the Dictionary/Set hash seed, from random_get
//
// No libc headers: the wasm32-unknown-unknown target has none.

typedef __SIZE_TYPE__ size_t;
typedef unsigned char u8;

struct ciovec {
    const u8 *buf;
    size_t len;
};

__attribute__((import_module("wasi_snapshot_preview1"), import_name("fd_write")))
int wasi_fd_write(int fd, const struct ciovec *iovs, size_t iovs_len, size_t *nwritten);

__attribute__((import_module("wasi_snapshot_preview1"), import_name("random_get")))
int wasi_random_get(u8 *buf, size_t len);

int memcmp(const void *a, const void *b, size_t n) {
    const u8 *x = a, *y = b;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
    }
    return 0;
}

void arc4random_buf(void *buf, size_t n) {
    if (wasi_random_get(buf, n) != 0) __builtin_trap();
}

static u8 out_buf[4096];
static size_t out_len;

// Writes all pending bytes to stdout (fd 1), retrying after short writes.
static void flush_stdout(void) {
    size_t done = 0;
    while (done < out_len) {
        struct ciovec iov = {out_buf + done, out_len - done};
        size_t written = 0;
        if (wasi_fd_write(1, &iov, 1, &written) != 0 || written == 0) __builtin_trap();
        done += written;
    }
    out_len = 0;
}

int putchar(int c) {
    out_buf[out_len++] = (u8)c;
    if (c == '\n' || out_len == sizeof out_buf) flush_stdout();
    return c;
}
