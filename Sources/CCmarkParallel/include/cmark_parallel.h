#ifndef SITEGEN_CMARK_PARALLEL_H
#define SITEGEN_CMARK_PARALLEL_H

#include <stdbool.h>

/// Whether cmark-gfm's process-wide table of extension special characters is now
/// managed by sitegen (see cmark_parallel.c): true once a parse went through the
/// replacement, after which documents may be parsed on many threads at once.
bool sitegen_cmark_special_characters_pinned(void);

#endif
