// Lets sitegen parse Markdown on every core with Debian's cmark-gfm (0.29.0.gfm.6).
//
// That cmark-gfm keeps the special characters of syntax extensions (`~` for
// strikethrough, `|` for tables, `:` and `w` for autolinks) in one process-wide table.
// Around the inline parsing of every document, `process_inlines` calls the exported
// `cmark_manage_extensions_special_characters(parser, 1)` to add its parser's
// extensions' characters and `(parser, 0)` to remove them again. Two documents parsed
// at once race: one parse removes the characters while another still needs them.
//
// Every parser sitegen makes attaches the same extensions, so the characters can be
// added once and left in place. This file defines the function in the executable; the
// library calls it through its PLT, so the dynamic linker binds those calls here
// (symbol interposition). The first call adds the characters through the library's own
// function (found with `dlsym(RTLD_NEXT)`); every later call, adding or removing, does
// nothing, so the table is never written again. `CMarkDocument` parses a first
// document under its lock and checks `sitegen_cmark_special_characters_pinned()`: when
// the interposition did not take (another loader, a static cmark), parsing stays
// serialised as before.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>

#include "cmark_parallel.h"

typedef void (*manage_special_characters)(void *parser, int add);

static atomic_bool pinned = false;

__attribute__((visibility("default"), used))
void cmark_manage_extensions_special_characters(void *parser, int add) {
    if (atomic_load(&pinned)) return;
    if (!add) return;
    manage_special_characters original =
        (manage_special_characters)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    if (original == NULL) return;
    original(parser, 1);
    atomic_store(&pinned, true);
}

bool sitegen_cmark_special_characters_pinned(void) {
    return atomic_load(&pinned);
}
