/*
 * cmark_floor: per-document Markdown->HTML floor using libcmark-gfm, the way
 * sitegen will call it (one parser per page, GFM extensions attached).
 *
 *   cmark_floor FILE...        (or: find ... -name '*.md' | cmark_floor -)
 *
 * All files are read into memory and front matter (--- ... ---) is stripped
 * BEFORE timing; the timed loop is parse + render HTML + free for every page.
 * Prints pages, input MB, HTML MB, seconds, pages/s, MB/s to stdout.
 *
 * Build: cc -O2 -o cmark_floor cmark_floor.c -lcmark-gfm-extensions -lcmark-gfm
 *
 * Origin: the project's shared bench material (bench/cmark_floor.c, used for the
 * Hugo anchor in RESULTS-hugo.md), copied unchanged so Benchmarks/run is
 * self-contained. Benchmarks/run compiles it and feeds it the corpus file list.
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { char *buf; size_t len; } doc_t;

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(1); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (fread(b, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(1); }
  fclose(f);
  b[n] = 0;
  *len = (size_t)n;
  return b;
}

/* Return offset of the body: skip a leading "---\n ... \n---\n" block. */
static size_t body_offset(const char *b, size_t len) {
  if (len < 4 || strncmp(b, "---\n", 4) != 0) return 0;
  const char *p = b + 4;
  while ((p = strstr(p, "\n---")) != NULL) {
    const char *e = p + 4;
    if (*e == '\n') return (size_t)(e + 1 - b);
    if (*e == '\0') return (size_t)(e - b);
    p = e;
  }
  return 0;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  size_t cap = 1024, n = 0;
  doc_t *docs = malloc(cap * sizeof *docs);
  char line[4096];
  for (int i = 1; i < argc; i++) {
    int from_stdin = strcmp(argv[i], "-") == 0;
    while (1) {
      const char *path;
      if (from_stdin) {
        if (!fgets(line, sizeof line, stdin)) break;
        line[strcspn(line, "\n")] = 0;
        if (!*line) continue;
        path = line;
      } else {
        path = argv[i];
      }
      if (n == cap) docs = realloc(docs, (cap *= 2) * sizeof *docs);
      size_t len;
      char *b = slurp(path, &len);
      size_t off = body_offset(b, len);
      docs[n].buf = b + off;
      docs[n].len = len - off;
      n++;
      if (!from_stdin) break;
    }
  }
  if (n == 0) { fprintf(stderr, "usage: cmark_floor FILE... | -\n"); return 2; }

  cmark_gfm_core_extensions_ensure_registered();
  /* Same set as `cmark-gfm -e table -e strikethrough -e autolink -e tasklist
   * -e footnotes`; footnotes is a parser option, not a syntax extension. */
  const char *names[] = {"table", "strikethrough", "autolink", "tasklist"};
  cmark_syntax_extension *exts[4];
  for (int e = 0; e < 4; e++)
    if (!(exts[e] = cmark_find_syntax_extension(names[e]))) {
      fprintf(stderr, "missing extension %s\n", names[e]);
      return 1;
    }
  int opts = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES;
  size_t in_bytes = 0, out_bytes = 0;

  double t0 = now();
  for (size_t i = 0; i < n; i++) {
    cmark_parser *p = cmark_parser_new(opts);
    for (int e = 0; e < 4; e++)
      cmark_parser_attach_syntax_extension(p, exts[e]);
    cmark_parser_feed(p, docs[i].buf, docs[i].len);
    cmark_node *doc = cmark_parser_finish(p);
    char *html = cmark_render_html(doc, opts, cmark_parser_get_syntax_extensions(p));
    out_bytes += strlen(html);
    in_bytes += docs[i].len;
    free(html);
    cmark_node_free(doc);
    cmark_parser_free(p);
  }
  double dt = now() - t0;
  printf("pages=%zu in_MB=%.1f html_MB=%.1f seconds=%.3f pages_per_s=%.0f MB_per_s=%.1f\n",
         n, in_bytes / 1e6, out_bytes / 1e6, dt, n / dt, in_bytes / 1e6 / dt);
  return 0;
}
