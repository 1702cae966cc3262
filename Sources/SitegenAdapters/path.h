// Asset-path check shared by every adapter: no empty path, no leading '/', no '\\' or NUL, no ".." segment
// ("a..b.txt" is fine). The site component checks too; this is defence in depth, and for
// the cdn adapter it keeps a path from climbing out of the base URL's prefix.
#ifndef SITEGEN_ADAPTER_PATH_H
#define SITEGEN_ADAPTER_PATH_H
#include "cabi.h"

static inline int asset_path_ok(const u8 *s, u32 n) {
    if (n == 0 || s[0] == '/') return 0;
    u32 seg = 0;  // start of the current segment
    for (u32 i = 0; i <= n; i++) {
        if (i == n || s[i] == '/') {
            if (i - seg == 2 && s[seg] == '.' && s[seg + 1] == '.') return 0;
            seg = i + 1;
        } else if (s[i] == '\\' || s[i] == 0) {
            return 0;
        }
    }
    return 1;
}

#endif
