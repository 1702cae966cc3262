import SitegenHighlight

// Generated from the highlighter's output and then read line by line; when a lexer
// changes on purpose, re-read the new output before replacing an expectation.

extension LanguageCase {
    /// Swift, Rust, Go, C, C++, JavaScript, TypeScript, TSX and Python.
    static let cFamily: [LanguageCase] = [
        LanguageCase(
            "swift",
            code: #"""
                @MainActor struct Greeter: View {
                    let name = "Hi \(user.name)" // greet
                    func greet(times: Int = 2) -> String { #"raw"# }
                }
                """#,
            html: #"""
                <span class="tok-meta">@MainActor</span> <span class="tok-kw">struct</span> <span class="tok-type">Greeter</span><span class="tok-punc">:</span> <span class="tok-type">View</span> <span class="tok-punc">{</span>
                    <span class="tok-kw">let</span> name <span class="tok-op">=</span> <span class="tok-str">"Hi </span><span class="tok-punc">\(</span>user<span class="tok-punc">.</span><span class="tok-attr">name</span><span class="tok-punc">)</span><span class="tok-str">"</span> <span class="tok-com">// greet</span>
                    <span class="tok-kw">func</span> <span class="tok-fn">greet</span><span class="tok-punc">(</span>times<span class="tok-punc">:</span> <span class="tok-type">Int</span> <span class="tok-op">=</span> <span class="tok-num">2</span><span class="tok-punc">)</span> <span class="tok-op">-&gt;</span> <span class="tok-type">String</span> <span class="tok-punc">{</span> <span class="tok-str">#"raw"#</span> <span class="tok-punc">}</span>
                <span class="tok-punc">}</span>
                """#),
        LanguageCase(
            "rust",
            code: #"""
                #[derive(Debug)]
                fn first<'a>(items: &'a [u8]) -> Option<u8> {
                    let s = r#"raw "x""#; /* block */
                    println!("{}", items.len()); Some(0x1F)
                }
                """#,
            html: #"""
                <span class="tok-meta">#[derive(Debug)]</span>
                <span class="tok-kw">fn</span> <span class="tok-fn">first</span><span class="tok-op">&lt;</span><span class="tok-attr">'a</span><span class="tok-op">&gt;</span><span class="tok-punc">(</span>items<span class="tok-punc">:</span> <span class="tok-op">&amp;</span><span class="tok-attr">'a</span> <span class="tok-punc">[</span><span class="tok-type">u8</span><span class="tok-punc">])</span> <span class="tok-op">-&gt;</span> <span class="tok-type">Option</span><span class="tok-op">&lt;</span><span class="tok-type">u8</span><span class="tok-op">&gt;</span> <span class="tok-punc">{</span>
                    <span class="tok-kw">let</span> s <span class="tok-op">=</span> <span class="tok-str">r#"raw "x""#</span><span class="tok-punc">;</span> <span class="tok-com">/* block */</span>
                    <span class="tok-fn">println!</span><span class="tok-punc">(</span><span class="tok-str">"{}"</span><span class="tok-punc">,</span> items<span class="tok-punc">.</span><span class="tok-fn">len</span><span class="tok-punc">());</span> <span class="tok-builtin">Some</span><span class="tok-punc">(</span><span class="tok-num">0x1F</span><span class="tok-punc">)</span>
                <span class="tok-punc">}</span>
                """#),
        LanguageCase(
            "go",
            code: #"""
                package main

                func (s *Server) Run(addr string) error {
                	raw := `C:\path`
                	return fmt.Errorf("bad %q", len(raw))
                }
                """#,
            html: #"""
                <span class="tok-kw">package</span> main

                <span class="tok-kw">func</span> <span class="tok-punc">(</span>s <span class="tok-op">*</span>Server<span class="tok-punc">)</span> <span class="tok-fn">Run</span><span class="tok-punc">(</span>addr <span class="tok-type">string</span><span class="tok-punc">)</span> <span class="tok-type">error</span> <span class="tok-punc">{</span>
                	raw <span class="tok-op">:=</span> <span class="tok-str">`C:\path`</span>
                	<span class="tok-kw">return</span> fmt<span class="tok-punc">.</span><span class="tok-fn">Errorf</span><span class="tok-punc">(</span><span class="tok-str">"bad %q"</span><span class="tok-punc">,</span> <span class="tok-builtin">len</span><span class="tok-punc">(</span>raw<span class="tok-punc">))</span>
                <span class="tok-punc">}</span>
                """#),
        LanguageCase(
            "c",
            code: #"""
                #include <stdio.h>
                #define MAX_LINE 80
                int main(void) {
                    char c = '\n'; /* newline */
                    return printf("%d\n", MAX_LINE);
                }
                """#,
            html: #"""
                <span class="tok-meta">#include</span> <span class="tok-str">&lt;stdio.h&gt;</span>
                <span class="tok-meta">#define</span> <span class="tok-const">MAX_LINE</span> <span class="tok-num">80</span>
                <span class="tok-type">int</span> <span class="tok-fn">main</span><span class="tok-punc">(</span><span class="tok-type">void</span><span class="tok-punc">) {</span>
                    <span class="tok-type">char</span> c <span class="tok-op">=</span> <span class="tok-str">'\n'</span><span class="tok-punc">;</span> <span class="tok-com">/* newline */</span>
                    <span class="tok-kw">return</span> <span class="tok-builtin">printf</span><span class="tok-punc">(</span><span class="tok-str">"%d\n"</span><span class="tok-punc">,</span> <span class="tok-const">MAX_LINE</span><span class="tok-punc">);</span>
                <span class="tok-punc">}</span>
                """#),
        LanguageCase(
            "cpp",
            code: #"""
                template <typename T> class Box {
                public:
                    auto get() const noexcept -> T { return value; }
                };
                auto s = R"(a "raw" string)"; long n = 1'000'000;
                """#,
            html: #"""
                <span class="tok-kw">template</span> <span class="tok-op">&lt;</span><span class="tok-kw">typename</span> <span class="tok-type">T</span><span class="tok-op">&gt;</span> <span class="tok-kw">class</span> <span class="tok-type">Box</span> <span class="tok-punc">{</span>
                <span class="tok-kw">public</span><span class="tok-punc">:</span>
                    <span class="tok-type">auto</span> <span class="tok-fn">get</span><span class="tok-punc">()</span> <span class="tok-kw">const noexcept</span> <span class="tok-op">-&gt;</span> T <span class="tok-punc">{</span> <span class="tok-kw">return</span> value<span class="tok-punc">; }</span>
                <span class="tok-punc">};</span>
                <span class="tok-type">auto</span> s <span class="tok-op">=</span> <span class="tok-str">R"(a "raw" string)"</span><span class="tok-punc">;</span> <span class="tok-type">long</span> n <span class="tok-op">=</span> <span class="tok-num">1'000'000</span><span class="tok-punc">;</span>
                """#),
        LanguageCase(
            "js",
            code: #"""
                import { load } from "./site.js";
                const re = /^v(\d+)$/i, half = total / 2;
                export default function App({ pages }) {
                  return <ul className="list">{pages.map((p) => `#${p.id}`)}</ul>;
                }
                """#,
            html: #"""
                <span class="tok-kw">import</span> <span class="tok-punc">{</span> load <span class="tok-punc">}</span> <span class="tok-kw">from</span> <span class="tok-str">"./site.js"</span><span class="tok-punc">;</span>
                <span class="tok-kw">const</span> re <span class="tok-op">=</span> <span class="tok-str">/^v(\d+)$/i</span><span class="tok-punc">,</span> half <span class="tok-op">=</span> total <span class="tok-op">/</span> <span class="tok-num">2</span><span class="tok-punc">;</span>
                <span class="tok-kw">export default function</span> <span class="tok-fn">App</span><span class="tok-punc">({</span> pages <span class="tok-punc">}) {</span>
                  <span class="tok-kw">return</span> <span class="tok-punc">&lt;</span><span class="tok-tag">ul</span> <span class="tok-attr">className</span><span class="tok-op">=</span><span class="tok-str">"list"</span><span class="tok-punc">&gt;{</span>pages<span class="tok-punc">.</span><span class="tok-fn">map</span><span class="tok-punc">((</span>p<span class="tok-punc">)</span> <span class="tok-op">=&gt;</span> <span class="tok-str">`#</span><span class="tok-punc">${</span>p<span class="tok-punc">.</span><span class="tok-attr">id</span><span class="tok-punc">}</span><span class="tok-str">`</span><span class="tok-punc">)}&lt;/</span><span class="tok-tag">ul</span><span class="tok-punc">&gt;;</span>
                <span class="tok-punc">}</span>
                """#),
        LanguageCase(
            "ts",
            code: #"""
                interface Page { title: string; draft?: boolean }
                type Id = string | number;
                class Store<T> implements Iterable<T> { private items: T[] = []; }
                """#,
            html: #"""
                <span class="tok-kw">interface</span> <span class="tok-type">Page</span> <span class="tok-punc">{</span> title<span class="tok-punc">:</span> <span class="tok-type">string</span><span class="tok-punc">;</span> draft<span class="tok-op">?</span><span class="tok-punc">:</span> <span class="tok-type">boolean</span> <span class="tok-punc">}</span>
                <span class="tok-kw">type</span> <span class="tok-type">Id</span> <span class="tok-op">=</span> <span class="tok-type">string</span> <span class="tok-op">|</span> <span class="tok-type">number</span><span class="tok-punc">;</span>
                <span class="tok-kw">class</span> <span class="tok-type">Store</span><span class="tok-op">&lt;</span><span class="tok-type">T</span><span class="tok-op">&gt;</span> <span class="tok-kw">implements</span> <span class="tok-type">Iterable</span><span class="tok-op">&lt;</span><span class="tok-type">T</span><span class="tok-op">&gt;</span> <span class="tok-punc">{</span> <span class="tok-kw">private</span> items<span class="tok-punc">:</span> <span class="tok-type">T</span><span class="tok-punc">[]</span> <span class="tok-op">=</span> <span class="tok-punc">[]; }</span>
                """#),
        LanguageCase(
            "tsx",
            code: #"""
                const Card = ({ title }: Props) => <h2 data-x={1}>{title}</h2>;
                """#,
            html: #"""
                <span class="tok-kw">const</span> <span class="tok-type">Card</span> <span class="tok-op">=</span> <span class="tok-punc">({</span> title <span class="tok-punc">}:</span> <span class="tok-type">Props</span><span class="tok-punc">)</span> <span class="tok-op">=&gt;</span> <span class="tok-punc">&lt;</span><span class="tok-tag">h2</span> <span class="tok-attr">data-x</span><span class="tok-op">=</span><span class="tok-punc">{</span><span class="tok-num">1</span><span class="tok-punc">}&gt;{</span>title<span class="tok-punc">}&lt;/</span><span class="tok-tag">h2</span><span class="tok-punc">&gt;;</span>
                """#),
        LanguageCase(
            "python",
            code: #"""
                @dataclass(frozen=True)
                class Page(Base):
                    def render(self, depth: int = 0) -> str:
                        """Render."""
                        return f"{self.title!r}: {depth + 1}" if depth else None  # done
                """#,
            html: #"""
                <span class="tok-meta">@dataclass</span><span class="tok-punc">(</span>frozen<span class="tok-op">=</span><span class="tok-const">True</span><span class="tok-punc">)</span>
                <span class="tok-kw">class</span> <span class="tok-type">Page</span><span class="tok-punc">(</span><span class="tok-type">Base</span><span class="tok-punc">):</span>
                    <span class="tok-kw">def</span> <span class="tok-fn">render</span><span class="tok-punc">(</span><span class="tok-builtin">self</span><span class="tok-punc">,</span> depth<span class="tok-punc">:</span> <span class="tok-builtin">int</span> <span class="tok-op">=</span> <span class="tok-num">0</span><span class="tok-punc">)</span> <span class="tok-op">-&gt;</span> <span class="tok-builtin">str</span><span class="tok-punc">:</span>
                        <span class="tok-str">"""Render."""</span>
                        <span class="tok-kw">return</span> <span class="tok-str">f"</span><span class="tok-punc">{</span><span class="tok-builtin">self</span><span class="tok-punc">.</span><span class="tok-attr">title</span><span class="tok-op">!</span>r<span class="tok-punc">}</span><span class="tok-str">: </span><span class="tok-punc">{</span>depth <span class="tok-op">+</span> <span class="tok-num">1</span><span class="tok-punc">}</span><span class="tok-str">"</span> <span class="tok-kw">if</span> depth <span class="tok-kw">else</span> <span class="tok-const">None</span>  <span class="tok-com"># done</span>
                """#),
    ]
}
