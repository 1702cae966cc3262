// zlib (Debian zlib1g-dev) and the brotli encoder (libbrotli-dev), for the
// precompressed .gz/.br variants written at build time.
#include <zlib.h>
#include <brotli/encode.h>
