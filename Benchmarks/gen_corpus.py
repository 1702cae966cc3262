#!/usr/bin/env python3
"""Deterministic generator of a realistic blog/docs Markdown corpus.

Usage: gen_corpus.py --pages N --out DIR [--seed S] [--force]

Origin: the project's shared bench material (bench/gen_corpus.py, which produced
the Hugo anchor in RESULTS-hugo.md). The content it writes is unchanged, byte for
byte; this copy also makes DIR a sitegen site (see write_sitegen_site): a
sitegen.toml and the `bench` theme, whose templates mirror the Hugo layouts in
Benchmarks/hugo-site/layouts, so both tools build the same corpus into the same
pages (Hugo reads DIR/content with --contentDir).

Writes a Hugo-style content tree:

  DIR/content/_index.md                 home page
  DIR/content/posts/_index.md           blog section  (~55% of pages)
  DIR/content/posts/<slug>.md
  DIR/content/docs/_index.md            docs section  (~45% of pages)
  DIR/content/docs/<topic>/_index.md    8 doc topics
  DIR/content/docs/<topic>/<slug>.md

  DIR/sitegen.toml                      sitegen config (theme "bench", tags, paginate 10)
  DIR/themes/bench/                     copied from Benchmarks/themes/bench

Every page has YAML front matter (title, date, tags drawn from a pool of 50,
draft: false, summary; docs pages also weight) and a body of ~600-1500 prose
words mixing: ATX headings (h2/h3), paragraphs with *emphasis*, **strong**,
`code`, ~~strikethrough~~, inline links, bare-URL autolinks, root-relative
links to other generated pages, footnotes, GFM tables (with alignment), task
lists, bullet/ordered lists, blockquotes, images and fenced code blocks with
language tags. Output is byte-identical for the same (pages, seed) with any
Python 3.x. Only GFM syntax is used (no Hugo shortcodes), so the same files
are valid input for cmark-gfm.
"""
import argparse
import datetime
import os
import random
import re
import shutil
import sys

TAGS = [
    "swift", "go", "rust", "python", "javascript", "typescript", "c", "cpp",
    "markdown", "html", "css", "performance", "testing", "ci", "docker",
    "kubernetes", "linux", "macos", "git", "security", "databases", "sql",
    "caching", "networking", "http", "api", "cli", "tooling", "compilers",
    "concurrency", "memory", "profiling", "benchmarks", "deployment", "cloud",
    "static-sites", "templates", "search", "accessibility", "design",
    "release-notes", "tutorial", "architecture", "observability", "logging",
    "open-source", "community", "documentation", "refactoring", "unicode",
]
assert len(TAGS) == 50

DOC_TOPICS = [
    "getting-started", "guides", "reference", "configuration",
    "templates", "deployment", "internals", "troubleshooting",
]

NOUNS = (
    "build pipeline cache template page section taxonomy renderer parser "
    "compiler module package server client request response header token "
    "node tree buffer stream index query schema migration deployment release "
    "branch commit workflow runner container image volume cluster service "
    "endpoint handler router middleware config option flag value default "
    "layout partial shortcode asset bundle stylesheet script font icon "
    "benchmark profile trace metric counter histogram latency throughput "
    "allocation heap stack thread task queue worker scheduler lock channel "
    "file directory path glob pattern regex string slice array map set "
    "error warning panic crash bug fix patch test fixture mock assertion "
    "document heading paragraph table footnote link anchor permalink slug "
    "feed sitemap menu sidebar footer navigation breadcrumb pagination"
).split()
VERBS = (
    "renders parses compiles caches resolves loads writes reads emits "
    "validates transforms splits merges sorts filters groups indexes "
    "schedules spawns joins locks releases allocates frees copies moves "
    "watches reloads rebuilds invalidates serializes decodes encodes "
    "escapes normalizes highlights measures profiles traces logs reports "
    "configures overrides extends wraps returns handles skips retries"
).split()
ADJS = (
    "fast slow incremental parallel concurrent lazy eager stale fresh "
    "deterministic reproducible minimal verbose quiet strict lenient "
    "nested flat shallow deep recursive iterative static dynamic global "
    "local private public internal external optional required default "
    "custom generic specific large small tiny huge expensive cheap "
    "robust fragile simple complex clean noisy stable experimental"
).split()
ADVS = "quickly carefully usually rarely always never often silently eagerly lazily explicitly implicitly".split()
CONNECT = [
    "However,", "In practice,", "By default,", "As a result,", "For example,",
    "In most cases,", "Unfortunately,", "On the other hand,", "Internally,",
    "Surprisingly,", "In short,", "Historically,", "Fortunately,", "Then",
]
LANGS = ["swift", "go", "rust", "python", "javascript", "bash", "yaml",
         "json", "c", "toml", "html", "sql"]
DOMAINS = ["example.com", "docs.example.org", "github.com/example/sitegen",
           "blog.example.net", "developer.example.dev"]


class Gen:
    def __init__(self, rng, pages):
        self.r = rng
        self.pages = pages  # list of (url, title)

    # ---- words & inline -------------------------------------------------
    def word(self):
        x = self.r.random()
        if x < 0.45:
            return self.r.choice(NOUNS)
        if x < 0.70:
            return self.r.choice(ADJS)
        if x < 0.92:
            return self.r.choice(VERBS)
        return self.r.choice(ADVS)

    def words(self, n):
        return " ".join(self.word() for _ in range(n))

    def internal_link(self):
        url, title = self.r.choice(self.pages)
        return "[%s](%s)" % (title, url)

    def inline(self):
        """One inline element; returns (markdown, prose_word_count)."""
        x = self.r.random()
        if x < 0.22:
            n = self.r.randint(1, 3)
            return "*%s*" % self.words(n), n
        if x < 0.40:
            n = self.r.randint(1, 3)
            return "**%s**" % self.words(n), n
        if x < 0.58:
            ident = "%s_%s" % (self.r.choice(NOUNS), self.r.choice(NOUNS))
            if self.r.random() < 0.4:
                ident += "()"
            return "`%s`" % ident, 1
        if x < 0.66:
            n = self.r.randint(1, 3)
            return "~~%s~~" % self.words(n), n
        if x < 0.80:
            n = self.r.randint(2, 4)
            dom = self.r.choice(DOMAINS)
            return "[%s](https://%s/%s/%s)" % (
                self.words(n), dom, self.r.choice(NOUNS), self.r.choice(NOUNS)), n
        if x < 0.88:
            # GFM autolink extension: bare URL / www. link
            dom = self.r.choice(DOMAINS)
            if self.r.random() < 0.7:
                return "https://%s/%s" % (dom, self.r.choice(NOUNS)), 1
            return "www.%s" % dom.split("/")[0], 1
        link = self.internal_link()
        return link, len(link.split())

    def sentence(self, allow_fn, fn_state):
        n = self.r.randint(6, 18)
        parts, count = [], 0
        if self.r.random() < 0.15:
            parts.append(self.r.choice(CONNECT))
            count += len(parts[-1].split())
        while count < n:
            if self.r.random() < 0.12:
                md, c = self.inline()
                parts.append(md)
                count += c
            else:
                parts.append(self.word())
                count += 1
        s = " ".join(parts)
        s = s[0].upper() + s[1:]
        s += "?" if self.r.random() < 0.05 else "."
        if allow_fn and self.r.random() < 0.04:
            fn_state.append(self.r.randint(6, 20))
            s += "[^%d]" % len(fn_state)
        return s, count

    def paragraph(self, fn_state):
        out, total = [], 0
        for _ in range(self.r.randint(2, 6)):
            s, c = self.sentence(True, fn_state)
            out.append(s)
            total += c
        return " ".join(out), total

    # ---- blocks ---------------------------------------------------------
    def heading_text(self):
        n = self.r.randint(2, 6)
        t = self.words(n)
        return t[0].upper() + t[1:]

    def code_block(self):
        lang = self.r.choice(LANGS)
        lines = []
        ind = ""
        for i in range(self.r.randint(4, 22)):
            a, b, c = self.r.choice(NOUNS), self.r.choice(NOUNS), self.r.choice(VERBS)
            if lang in ("python",):
                l = ind + "%s = %s.%s(%r, %d)" % (a, b, c, self.r.choice(ADJS), self.r.randint(0, 999))
                if self.r.random() < 0.15 and not ind:
                    l = "def %s_%s(%s):" % (c, a, b); ind = "    "
            elif lang in ("bash",):
                l = "%s %s --%s=%s ./%s/%s" % (self.r.choice(["sitegen", "git", "make", "curl", "swift"]), c, a, self.r.choice(ADJS), b, a)
            elif lang in ("yaml",):
                l = "%s%s: %s" % ("  " * (i % 3 == 2), a, self.r.choice(ADJS + ["true", "false", "42"]))
            elif lang == "json":
                l = '  "%s": "%s",' % (a, self.r.choice(ADJS))
            elif lang == "toml":
                l = ('[%s]' % a) if i % 5 == 0 else '%s = "%s"' % (b, self.r.choice(ADJS))
            elif lang == "sql":
                l = "SELECT %s, %s FROM %s WHERE %s > %d;" % (a, b, c, a, self.r.randint(0, 99))
            elif lang == "html":
                l = '<div class="%s"><a href="/%s/">%s</a></div>' % (a, b, c)
            else:
                l = ind + "let %s = %s.%s(\"%s\", %d) // %s" % (a, b, c, self.r.choice(ADJS), self.r.randint(0, 999), self.words(3))
                if lang in ("go", "rust", "swift", "c", "javascript") and self.r.random() < 0.12:
                    l = ind + "if %s != nil {" % a if not ind else "}"
                    ind = "    " if not ind else ""
            lines.append(l)
        if lang == "json":
            lines = ["{"] + lines + ['  "end": true', "}"]
        fence = "```" if self.r.random() < 0.9 else "~~~"
        return "%s%s\n%s\n%s" % (fence, lang, "\n".join(lines), fence)

    def table(self):
        cols = self.r.randint(3, 5)
        rows = self.r.randint(3, 8)
        head = [self.heading_text() for _ in range(cols)]
        aligns = [self.r.choice([":---", ":---:", "---:", "---"]) for _ in range(cols)]
        out = ["| " + " | ".join(head) + " |", "| " + " | ".join(aligns) + " |"]
        for _ in range(rows):
            cells = []
            for c in range(cols):
                x = self.r.random()
                if x < 0.3:
                    cells.append(str(self.r.randint(0, 99999)))
                elif x < 0.45:
                    cells.append("`%s`" % self.r.choice(NOUNS))
                elif x < 0.55:
                    cells.append("**%s**" % self.r.choice(ADJS))
                else:
                    cells.append(self.words(self.r.randint(1, 4)))
            out.append("| " + " | ".join(cells) + " |")
        return "\n".join(out), rows * cols

    def task_list(self):
        out = []
        for _ in range(self.r.randint(3, 7)):
            box = "x" if self.r.random() < 0.4 else " "
            out.append("- [%s] %s" % (box, self.words(self.r.randint(3, 9))))
        return "\n".join(out)

    def bullet_list(self, fn_state):
        out = []
        ordered = self.r.random() < 0.35
        for i in range(self.r.randint(3, 7)):
            s, _ = self.sentence(False, fn_state)
            marker = "%d." % (i + 1) if ordered else "-"
            out.append("%s %s" % (marker, s))
            if not ordered and self.r.random() < 0.15:
                out.append("  - %s" % self.words(self.r.randint(3, 7)))
        return "\n".join(out)

    def blockquote(self, fn_state):
        s, c = self.paragraph(fn_state)
        lines = ["> " + s]
        if self.r.random() < 0.3:
            lines += [">", "> — %s" % self.words(2)]
        return "\n".join(lines), c

    def image(self):
        n = self.r.randint(2, 5)
        name = "%s-%s-%d.%s" % (self.r.choice(NOUNS), self.r.choice(NOUNS),
                                self.r.randint(1, 99), self.r.choice(["png", "jpg", "svg"]))
        title = ' "%s"' % self.heading_text() if self.r.random() < 0.3 else ""
        return "![%s](/images/%s%s)" % (self.words(n), name, title)

    def body(self):
        """~600-1500 prose words (whitespace tokens outside code blocks)."""
        target = self.r.randint(600, 1500)
        fn_state = []  # footnote word counts, in order of reference
        blocks = []
        wc = 0

        def add(block, prose=True):
            nonlocal wc
            blocks.append(block)
            if prose:
                wc += len(block.split())

        add(self.paragraph(fn_state)[0])
        while wc < target:
            add("## " + self.heading_text())
            for _ in range(self.r.randint(1, 3)):
                if wc >= target:
                    break
                if self.r.random() < 0.35:
                    add("### " + self.heading_text())
                for _ in range(self.r.randint(1, 3)):
                    if wc >= target:
                        break
                    add(self.paragraph(fn_state)[0])
                x = self.r.random()
                if x < 0.28:
                    add(self.code_block(), prose=False)
                elif x < 0.40:
                    add(self.table()[0])
                elif x < 0.50:
                    add(self.task_list())
                elif x < 0.66:
                    add(self.bullet_list(fn_state))
                elif x < 0.76:
                    add(self.blockquote(fn_state)[0])
                elif x < 0.84:
                    add(self.image())
        if self.r.random() < 0.5:
            rel = [self.internal_link() for _ in range(self.r.randint(2, 5))]
            blocks.append("## Related\n\n" + "\n".join("- " + l for l in rel))
        if fn_state:
            blocks.append("\n".join(
                "[^%d]: %s." % (i + 1, self.words(n).capitalize()) for i, n in enumerate(fn_state)))
        return "\n\n".join(blocks) + "\n"


def yq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(d):
    lines = ["---"]
    for k, v in d:
        if isinstance(v, list):
            lines.append("%s: [%s]" % (k, ", ".join(yq(x) for x in v)))
        elif isinstance(v, bool):
            lines.append("%s: %s" % (k, "true" if v else "false"))
        elif isinstance(v, int):
            lines.append("%s: %d" % (k, v))
        else:
            lines.append("%s: %s" % (k, yq(v)))
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def title_case(s):
    small = {"a", "an", "the", "of", "in", "for", "and", "with", "to", "on"}
    w = s.split()
    return " ".join(x if (i and x in small) else x[:1].upper() + x[1:] for i, x in enumerate(w))


TITLE_PATTERNS = [
    "how the {a} {n} {v} the {n2}",
    "understanding {a} {n} in {n2} {n3}",
    "a {a} guide to {n} {n2}",
    "why our {n} {v} {a}",
    "{n} and {n2}: notes on {a} {n3}",
    "making the {n} {a}",
    "the {n} {n2} cookbook",
    "debugging {a} {n} {n2}",
    "lessons from a {a} {n} rewrite",
    "{a} {n}, {a2} {n2}",
]


def make_title(r):
    p = r.choice(TITLE_PATTERNS)
    return title_case(p.format(a=r.choice(ADJS), a2=r.choice(ADJS), n=r.choice(NOUNS),
                               n2=r.choice(NOUNS), n3=r.choice(NOUNS), v=r.choice(VERBS)))


def slugify(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


SITEGEN_TOML = """\
# Written by Benchmarks/gen_corpus.py: the sitegen side of the Hugo comparison.
# Mirrors Benchmarks/hugo-site/config.toml (title, base URL, menu, 10 per pager).
title = "Sitegen Benchmark Site"
base_url = "https://bench.example.org/"
language = "en"
theme = "bench"
taxonomies = [{ name = "tags" }]
paginate = 10

# Hugo writes one RSS feed per list page (home, sections, tags), so sitegen writes
# RSS only. Hugo's feeds are unlimited; sitegen's hold the newest 20 entries.
[feeds]
atom = false
rss = true
limit = 20

[[menu.main]]
name = "Blog"
url = "/posts/"
weight = 1

[[menu.main]]
name = "Docs"
url = "/docs/"
weight = 2

[[menu.main]]
name = "Tags"
url = "/tags/"
weight = 3
"""


def write_sitegen_site(out):
    """Makes OUT a sitegen site: sitegen.toml plus a copy of Benchmarks/themes/bench.

    Rewritten on every run (cheap), so template edits reach existing corpora."""
    theme_src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "themes", "bench")
    theme_dst = os.path.join(out, "themes", "bench")
    if os.path.exists(theme_dst):
        shutil.rmtree(theme_dst)
    shutil.copytree(theme_src, theme_dst)
    with open(os.path.join(out, "sitegen.toml"), "w", encoding="utf-8") as f:
        f.write(SITEGEN_TOML)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--force", action="store_true", help="remove DIR/content first if it exists")
    ap.add_argument("--site-only", action="store_true",
                    help="only (re)write DIR/sitegen.toml and DIR/themes/bench, not the content")
    a = ap.parse_args(argv)
    if a.pages < 1:
        ap.error("--pages must be >= 1")
    os.makedirs(a.out, exist_ok=True)
    write_sitegen_site(a.out)
    if a.site_only:
        return
    content = os.path.join(a.out, "content")
    if os.path.exists(content):
        if not a.force:
            ap.error("%s exists (use --force to replace)" % content)
        shutil.rmtree(content)

    r = random.Random("sitegen-corpus-%d" % a.seed)
    epoch = datetime.date(2014, 1, 1)
    span = (datetime.date(2024, 12, 31) - epoch).days

    # Plan all pages first so bodies can link to any of them.
    plan, used = [], set()
    for i in range(a.pages):
        if r.random() < 0.55:
            section = "posts"
        else:
            section = "docs/" + r.choice(DOC_TOPICS)
        title = make_title(r)
        slug = slugify(title)
        if slug in used:
            slug = "%s-%d" % (slug, i)
        used.add(slug)
        date = epoch + datetime.timedelta(days=r.randint(0, span))
        ts = "%sT%02d:%02d:00Z" % (date.isoformat(), r.randint(0, 23), r.randint(0, 59))
        tags = r.sample(TAGS, r.randint(2, 5))
        plan.append((section, slug, title, ts, tags))
    links = [("/%s/%s/" % (s, slug), t) for s, slug, t, _, _ in plan]

    g = Gen(r, links)
    total_bytes = 0

    def write(rel, text):
        nonlocal total_bytes
        path = os.path.join(content, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        total_bytes += len(data)

    write("_index.md", front_matter([("title", "Sitegen Benchmark Site")]) +
          "Welcome to the benchmark corpus. See the [blog](/posts/) and the [docs](/docs/).\n")
    write("posts/_index.md", front_matter([("title", "Blog")]) + "All blog posts.\n")
    write("docs/_index.md", front_matter([("title", "Documentation")]) + "All documentation.\n")
    for j, t in enumerate(DOC_TOPICS):
        write("docs/%s/_index.md" % t,
              front_matter([("title", title_case(t.replace("-", " "))), ("weight", j + 1)]) +
              "Documentation about %s.\n" % t.replace("-", " "))

    for section, slug, title, ts, tags in plan:
        summary = g.sentence(False, [])[0]
        fm = [("title", title), ("date", ts), ("tags", tags), ("draft", False),
              ("summary", summary)]
        if section != "posts":
            fm.append(("weight", r.randint(1, 100)))
        write("%s/%s.md" % (section, slug), front_matter(fm) + g.body())

    sys.stderr.write("wrote %d pages (+%d section indexes), %.1f MB, to %s\n" % (
        a.pages, 3 + len(DOC_TOPICS), total_bytes / 1e6, content))


if __name__ == "__main__":
    main()
