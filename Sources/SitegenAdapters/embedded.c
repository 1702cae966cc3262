// `embedded` adapter (world adapter-embedded): serves assets baked into this module's data.
// The table (sorted by path bytes) and the blob come from a per-site generated file
// (scripts/build-adapters.sh embedded, via embed-site.py). `read` returns a pointer into
// the static blob (the canonical ABI copies it out), so nothing is allocated per read
// except the `path` argument, which is freed before returning.
#include "cabi.h"

typedef struct { u32 name_off, name_len, data_off, data_len; } sg_asset;
extern const u32 sg_asset_count;
extern const sg_asset sg_assets[];
extern const u8 sg_blob[];   // path bytes and file bytes; offsets in sg_assets are into it

static int compare(const u8 *a, u32 an, const u8 *b, u32 bn) {
    u32 n = an < bn ? an : bn;
    for (u32 i = 0; i < n; i++)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return an < bn ? -1 : an > bn ? 1 : 0;
}

static const sg_asset *find(const u8 *path, u32 len) {
    u32 lo = 0, hi = sg_asset_count;
    while (lo < hi) {
        u32 mid = lo + (hi - lo) / 2;
        const sg_asset *e = &sg_assets[mid];
        int c = compare(path, len, sg_blob + e->name_off, e->name_len);
        if (c == 0) return e;
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return 0;
}

static option_bytes ret_area;

EXPORT(ASSETS_READ)
option_bytes *assets_read(u8 *path, u32 path_len, u64 offset, u32 length) {
    const sg_asset *e = find(path, path_len);
    free_list(path, path_len);
    ret_area.is_some = 0; ret_area.ptr = 0; ret_area.len = 0;
    if (e) {
        u32 start = offset < e->data_len ? (u32)offset : e->data_len;
        u32 n = e->data_len - start;
        ret_area.is_some = 1;
        ret_area.ptr = (u8 *)sg_blob + e->data_off + start;
        ret_area.len = n < length ? n : length;
    }
    return &ret_area;
}

EXPORT(ASSETS_READ_POST)
void assets_read_post(option_bytes *ret) { (void)ret; }   // the list points into static data
