import SitegenHighlight

// Generated from the highlighter's output and then read line by line; when a lexer
// changes on purpose, re-read the new output before replacing an expectation.

extension LanguageCase {
    /// Shell, console sessions, data formats, markup, CSS, SQL, diffs and templates.
    static let dataAndMarkup: [LanguageCase] = [
        LanguageCase(
            "sh",
            code: #"""
                #!/bin/sh
                set -eu
                export OUT="${DIST:-dist}/site"
                for f in content/*.md; do
                  sitegen check "$f" --strict 2>&1 | grep -v '^ok' > "$OUT.log"
                done
                cat <<EOF
                built $(date)
                EOF
                """#,
            html: #"""
                <span class="tok-com">#!/bin/sh</span>
                <span class="tok-builtin">set</span> <span class="tok-attr">-eu</span>
                <span class="tok-builtin">export</span> <span class="tok-var">OUT</span><span class="tok-op">=</span><span class="tok-str">"</span><span class="tok-var">${DIST:-dist}</span><span class="tok-str">/site"</span>
                <span class="tok-kw">for</span> f <span class="tok-kw">in</span> content/*.md<span class="tok-op">;</span> <span class="tok-kw">do</span>
                  <span class="tok-fn">sitegen</span> check <span class="tok-str">"</span><span class="tok-var">$f</span><span class="tok-str">"</span> <span class="tok-attr">--strict</span> <span class="tok-num">2</span><span class="tok-op">&gt;&amp;</span><span class="tok-num">1</span> <span class="tok-op">|</span> <span class="tok-fn">grep</span> <span class="tok-attr">-v</span> <span class="tok-str">'^ok'</span> <span class="tok-op">&gt;</span> <span class="tok-str">"</span><span class="tok-var">$OUT</span><span class="tok-str">.log"</span>
                <span class="tok-kw">done</span>
                <span class="tok-fn">cat</span> <span class="tok-op">&lt;&lt;</span><span class="tok-str">EOF</span>
                <span class="tok-str">built $(date)
                EOF</span>
                """#),
        LanguageCase(
            "console",
            code: #"""
                $ sitegen build --drafts
                Building site... done in 120 ms
                # then serve it
                $ sitegen preview \
                    --port 8080
                """#,
            html: #"""
                <span class="tok-meta">$</span> <span class="tok-fn">sitegen</span> build <span class="tok-attr">--drafts</span>
                Building site... done in 120 ms
                <span class="tok-com"># then serve it</span>
                <span class="tok-meta">$</span> <span class="tok-fn">sitegen</span> preview \
                    <span class="tok-attr">--port</span> <span class="tok-num">8080</span>
                """#),
        LanguageCase(
            "json",
            code: #"""
                {
                  "name": "sitegen",
                  "version": 2,
                  "tags": ["ssg", null, true, -1.5e3]
                }
                """#,
            html: #"""
                <span class="tok-punc">{</span>
                  <span class="tok-attr">"name"</span><span class="tok-punc">:</span> <span class="tok-str">"sitegen"</span><span class="tok-punc">,</span>
                  <span class="tok-attr">"version"</span><span class="tok-punc">:</span> <span class="tok-num">2</span><span class="tok-punc">,</span>
                  <span class="tok-attr">"tags"</span><span class="tok-punc">: [</span><span class="tok-str">"ssg"</span><span class="tok-punc">,</span> <span class="tok-const">null</span><span class="tok-punc">,</span> <span class="tok-const">true</span><span class="tok-punc">,</span> <span class="tok-num">-1.5e3</span><span class="tok-punc">]</span>
                <span class="tok-punc">}</span>
                """#),
        LanguageCase(
            "toml",
            code: #"""
                # Site configuration
                title = "My blog"
                base_url = 'https://example.com'

                [markdown]
                highlight = true
                published = 2024-05-27T07:32:00Z
                menu = [ { name = "Home", weight = 1 } ]
                """#,
            html: #"""
                <span class="tok-com"># Site configuration</span>
                <span class="tok-attr">title</span> <span class="tok-op">=</span> <span class="tok-str">"My blog"</span>
                <span class="tok-attr">base_url</span> <span class="tok-op">=</span> <span class="tok-str">'https://example.com'</span>

                <span class="tok-punc">[</span><span class="tok-type">markdown</span><span class="tok-punc">]</span>
                <span class="tok-attr">highlight</span> <span class="tok-op">=</span> <span class="tok-const">true</span>
                <span class="tok-attr">published</span> <span class="tok-op">=</span> <span class="tok-num">2024-05-27T07:32:00Z</span>
                <span class="tok-attr">menu</span> <span class="tok-op">=</span> <span class="tok-punc">[ {</span> <span class="tok-attr">name</span> <span class="tok-op">=</span> <span class="tok-str">"Home"</span><span class="tok-punc">,</span> <span class="tok-attr">weight</span> <span class="tok-op">=</span> <span class="tok-num">1</span> <span class="tok-punc">} ]</span>
                """#),
        LanguageCase(
            "yaml",
            code: #"""
                ---
                title: "Hello, world"
                draft: false   # not yet
                tags: [swift, web]
                weight: 10
                defaults: &base
                  layout: page
                summary: |
                  Two lines
                  of text.
                """#,
            html: #"""
                <span class="tok-meta">---</span>
                <span class="tok-attr">title</span><span class="tok-punc">:</span> <span class="tok-str">"Hello, world"</span>
                <span class="tok-attr">draft</span><span class="tok-punc">:</span> <span class="tok-const">false</span>   <span class="tok-com"># not yet</span>
                <span class="tok-attr">tags</span><span class="tok-punc">: [</span><span class="tok-str">swift</span><span class="tok-punc">,</span> <span class="tok-str">web</span><span class="tok-punc">]</span>
                <span class="tok-attr">weight</span><span class="tok-punc">:</span> <span class="tok-num">10</span>
                <span class="tok-attr">defaults</span><span class="tok-punc">:</span> <span class="tok-var">&amp;base</span>
                  <span class="tok-attr">layout</span><span class="tok-punc">:</span> <span class="tok-str">page</span>
                <span class="tok-attr">summary</span><span class="tok-punc">:</span> <span class="tok-op">|</span>
                  <span class="tok-str">Two lines</span>
                  <span class="tok-str">of text.</span>
                """#),
        LanguageCase(
            "html",
            code: #"""
                <!DOCTYPE html>
                <!-- nav -->
                <a href="/" class=active>Home &amp; more</a>
                <script>if (a < b) alert(1)</script>
                <br/>
                """#,
            html: #"""
                <span class="tok-meta">&lt;!DOCTYPE html&gt;</span>
                <span class="tok-com">&lt;!-- nav --&gt;</span>
                <span class="tok-punc">&lt;</span><span class="tok-tag">a</span> <span class="tok-attr">href</span><span class="tok-op">=</span><span class="tok-str">"/"</span> <span class="tok-attr">class</span><span class="tok-op">=</span><span class="tok-str">active</span><span class="tok-punc">&gt;</span>Home <span class="tok-const">&amp;amp;</span> more<span class="tok-punc">&lt;/</span><span class="tok-tag">a</span><span class="tok-punc">&gt;</span>
                <span class="tok-punc">&lt;</span><span class="tok-tag">script</span><span class="tok-punc">&gt;</span>if (a &lt; b) alert(1)<span class="tok-punc">&lt;/</span><span class="tok-tag">script</span><span class="tok-punc">&gt;</span>
                <span class="tok-punc">&lt;</span><span class="tok-tag">br</span><span class="tok-punc">/&gt;</span>
                """#),
        LanguageCase(
            "xml",
            code: #"""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title><![CDATA[Blog & news]]></title>
                </feed>
                """#,
            html: #"""
                <span class="tok-meta">&lt;?xml version="1.0" encoding="utf-8"?&gt;</span>
                <span class="tok-punc">&lt;</span><span class="tok-tag">feed</span> <span class="tok-attr">xmlns</span><span class="tok-op">=</span><span class="tok-str">"http://www.w3.org/2005/Atom"</span><span class="tok-punc">&gt;</span>
                  <span class="tok-punc">&lt;</span><span class="tok-tag">title</span><span class="tok-punc">&gt;</span><span class="tok-str">&lt;![CDATA[Blog &amp; news]]&gt;</span><span class="tok-punc">&lt;/</span><span class="tok-tag">title</span><span class="tok-punc">&gt;</span>
                <span class="tok-punc">&lt;/</span><span class="tok-tag">feed</span><span class="tok-punc">&gt;</span>
                """#),
        LanguageCase(
            "css",
            code: #"""
                @media (prefers-color-scheme: dark) {
                  :root { --bg: #111418; }
                }
                .site-nav > a:hover, #main::before {
                  margin: 0 auto 1.5rem;
                  color: var(--accent) !important;
                }
                """#,
            html: #"""
                <span class="tok-kw">@media</span> <span class="tok-punc">(</span><span class="tok-attr">prefers-color-scheme</span><span class="tok-punc">:</span> <span class="tok-const">dark</span><span class="tok-punc">) {</span>
                  <span class="tok-builtin">:root</span> <span class="tok-punc">{</span> <span class="tok-var">--bg</span><span class="tok-punc">:</span> <span class="tok-const">#111418</span><span class="tok-punc">; }</span>
                <span class="tok-punc">}</span>
                <span class="tok-type">.site-nav</span> <span class="tok-op">&gt;</span> <span class="tok-tag">a</span><span class="tok-builtin">:hover</span><span class="tok-punc">,</span> <span class="tok-type">#main</span><span class="tok-builtin">::before</span> <span class="tok-punc">{</span>
                  <span class="tok-attr">margin</span><span class="tok-punc">:</span> <span class="tok-num">0</span> <span class="tok-const">auto</span> <span class="tok-num">1.5rem</span><span class="tok-punc">;</span>
                  <span class="tok-attr">color</span><span class="tok-punc">:</span> <span class="tok-fn">var</span><span class="tok-punc">(</span><span class="tok-var">--accent</span><span class="tok-punc">)</span> <span class="tok-kw">!important</span><span class="tok-punc">;</span>
                <span class="tok-punc">}</span>
                """#),
        LanguageCase(
            "sql",
            code: #"""
                -- latest posts
                SELECT id, COUNT(*) AS n FROM posts
                WHERE title LIKE 'It''s%' AND created_at > $1
                GROUP BY id LIMIT 10;
                """#,
            html: #"""
                <span class="tok-com">-- latest posts</span>
                <span class="tok-kw">SELECT</span> id<span class="tok-punc">,</span> <span class="tok-builtin">COUNT</span><span class="tok-punc">(</span><span class="tok-op">*</span><span class="tok-punc">)</span> <span class="tok-kw">AS</span> n <span class="tok-kw">FROM</span> posts
                <span class="tok-kw">WHERE</span> title <span class="tok-kw">LIKE</span> <span class="tok-str">'It''s%'</span> <span class="tok-kw">AND</span> created_at <span class="tok-op">&gt;</span> <span class="tok-var">$1</span>
                <span class="tok-kw">GROUP BY</span> id <span class="tok-kw">LIMIT</span> <span class="tok-num">10</span><span class="tok-punc">;</span>
                """#),
        LanguageCase(
            "diff",
            code: #"""
                diff --git a/sitegen.toml b/sitegen.toml
                --- a/sitegen.toml
                +++ b/sitegen.toml
                @@ -1,2 +1,2 @@ [markdown]
                -highlight = false
                +highlight = true
                 title = "Blog"
                \ No newline at end of file
                """#,
            html: #"""
                <span class="tok-meta">diff --git a/sitegen.toml b/sitegen.toml</span>
                <span class="tok-meta">--- a/sitegen.toml</span>
                <span class="tok-meta">+++ b/sitegen.toml</span>
                <span class="tok-meta">@@ -1,2 +1,2 @@ [markdown]</span>
                <span class="tok-del">-highlight = false</span>
                <span class="tok-ins">+highlight = true</span>
                 title = "Blog"
                <span class="tok-com">\ No newline at end of file</span>
                """#),
        LanguageCase(
            "jinja",
            code: #"""
                {% extends "base.html" %}
                {# the page body #}
                {% block content %}
                <h1 class="{{ page.extra.class | default(value='title') }}">{{ page.title }}</h1>
                {% for tag in page.taxonomies.tags -%}<a href="{{ get_taxonomy_url(kind='tags', name=tag) }}">{{ tag }}</a>{%- endfor %}
                {% endblock %}
                """#,
            html: #"""
                <span class="tok-meta">{%</span> <span class="tok-kw">extends</span> <span class="tok-str">"base.html"</span> <span class="tok-meta">%}</span>
                <span class="tok-com">{# the page body #}</span>
                <span class="tok-meta">{%</span> <span class="tok-kw">block</span> <span class="tok-var">content</span> <span class="tok-meta">%}</span>
                <span class="tok-punc">&lt;</span><span class="tok-tag">h1</span> <span class="tok-attr">class</span><span class="tok-op">=</span><span class="tok-str">"</span><span class="tok-meta">{{</span> <span class="tok-var">page</span><span class="tok-punc">.</span><span class="tok-attr">extra</span><span class="tok-punc">.</span><span class="tok-attr">class</span> <span class="tok-op">|</span> <span class="tok-fn">default</span><span class="tok-punc">(</span><span class="tok-var">value</span><span class="tok-op">=</span><span class="tok-str">'title'</span><span class="tok-punc">)</span> <span class="tok-meta">}}</span><span class="tok-str">"</span><span class="tok-punc">&gt;</span><span class="tok-meta">{{</span> <span class="tok-var">page</span><span class="tok-punc">.</span><span class="tok-attr">title</span> <span class="tok-meta">}}</span><span class="tok-punc">&lt;/</span><span class="tok-tag">h1</span><span class="tok-punc">&gt;</span>
                <span class="tok-meta">{%</span> <span class="tok-kw">for</span> <span class="tok-var">tag</span> <span class="tok-kw">in</span> <span class="tok-var">page</span><span class="tok-punc">.</span><span class="tok-attr">taxonomies</span><span class="tok-punc">.</span><span class="tok-attr">tags</span> <span class="tok-meta">-%}</span><span class="tok-punc">&lt;</span><span class="tok-tag">a</span> <span class="tok-attr">href</span><span class="tok-op">=</span><span class="tok-str">"</span><span class="tok-meta">{{</span> <span class="tok-fn">get_taxonomy_url</span><span class="tok-punc">(</span><span class="tok-var">kind</span><span class="tok-op">=</span><span class="tok-str">'tags'</span><span class="tok-punc">,</span> <span class="tok-var">name</span><span class="tok-op">=</span><span class="tok-var">tag</span><span class="tok-punc">)</span> <span class="tok-meta">}}</span><span class="tok-str">"</span><span class="tok-punc">&gt;</span><span class="tok-meta">{{</span> <span class="tok-var">tag</span> <span class="tok-meta">}}</span><span class="tok-punc">&lt;/</span><span class="tok-tag">a</span><span class="tok-punc">&gt;</span><span class="tok-meta">{%-</span> <span class="tok-kw">endfor</span> <span class="tok-meta">%}</span>
                <span class="tok-meta">{%</span> <span class="tok-kw">endblock</span> <span class="tok-meta">%}</span>
                """#),
    ]
}
