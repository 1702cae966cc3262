import Foundation
import SitegenContent

/// The files of a new site (`sitegen new site NAME`): config, a home page, a first post,
/// an about page, and an island with its server function, on the default theme.
///
/// ```swift
/// try SiteScaffold(title: "My Notes").write(to: "my-notes")
/// // sitegen build --source my-notes
/// ```
public struct SiteScaffold {
    /// The site's title (`config.title`).
    public var title: String
    /// Written into the first post's date and into `base_url`'s comment.
    public var date: String

    /// Creates a scaffold; `date` defaults to today (UTC).
    public init(title: String, date: String = PageScaffold.today()) {
        self.title = title
        self.date = date
    }

    /// Problems `write(to:)` refuses to go past.
    public enum Problem: Error, Equatable {
        case folderNotEmpty(String)
        case cannotWrite(String)
    }

    /// Writes every file under `folder`, which must be missing or empty.
    public func write(to folder: String) throws(Problem) {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: folder), !existing.filter({ !$0.hasPrefix(".") }).isEmpty {
            throw .folderNotEmpty(folder)
        }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let full = folder + "/" + path
            do {
                try manager.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: full))
            } catch {
                throw .cannotWrite(full)
            }
        }
    }

    /// Relative path → contents.
    public var files: [String: String] {
        [
            "sitegen.toml": config,
            ".gitignore": "dist/\n.sitegen/\n",
            "content/_index.md": """
                ---
                title: \(yamlString(title))
                description: A new site made with sitegen.
                ---

                Welcome! This page is `content/_index.md`. The newest posts are listed below;
                start with [the first one](posts/hello-world.md).

                """,
            "content/about.md": """
                ---
                title: About
                ---

                Write about yourself or the project here (`content/about.md`).

                """,
            "content/posts/_index.md": """
                ---
                title: Posts
                description: Everything written here, newest first.
                ---

                """,
            "content/posts/hello-world.md": firstPost,
            "functions/likes.swift": likesFunction,
            "templates/islands/likes.html": """
                {#- What the `likes` loader returned, rendered into the boundary when the page is served. -#}
                <span class="likes-count">{{ data.count }} {% if data.count == 1 %}like{% else %}likes{% endif %}</span>

                """,
            "templates/partials/page-islands.html": """
                {#- The default theme includes this partial under every page. Posts get a like button:
                    the form posts to the server function `like`; the count is a suspense boundary that
                    the server component fills in while the page streams. Both work without JavaScript. -#}
                {%- if page.section == "posts" %}
                <form class="like-form" method="post" action="/_sg/fn/like">
                  <input type="hidden" name="slug" value="{{ page.slug }}">
                  <button type="submit" class="button">♥ Like</button>
                  {% suspense "likes" with { slug: page.slug } %}<span class="likes-count">…</span>{% endsuspense %}
                </form>
                {%- endif %}

                """,
            "static/.gitkeep": "",
        ]
    }

    var config: String {
        """
        # The site's settings: https://sitegen.dev/docs/configuration/
        title = \(tomlString(title))
        # Where the site will live; links in feeds and the sitemap use it.
        base_url = "https://example.com"
        description = "A new site made with sitegen."
        language = "en"
        # The default theme comes with sitegen; copy it to themes/default to change it.
        theme = "default"
        taxonomies = [{ name = "tags" }]
        paginate = 10

        [feeds]
        atom = true
        rss = true

        [markdown]
        smart_punctuation = true

        [[menu.main]]
        name = "Posts"
        url = "/posts/"
        weight = 10

        [[menu.main]]
        name = "About"
        url = "/about/"
        weight = 20

        [extra]
        author = "You"

        """
    }

    var firstPost: String {
        """
        ---
        title: Hello, world
        description: The first post of \(yamlString(title)).
        date: \(date)
        tags: [welcome]
        ---

        This is your first post: `content/posts/hello-world.md`. Edit it, then run
        `sitegen preview` to see the change in the browser.

        {{< note title="Shortcodes" >}}
        This box is the `note` shortcode. The default theme also has `warning`, `figure`
        and `video`; add your own in `templates/shortcodes/`.
        {{< /note >}}

        <!-- more -->

        ## An island

        The like button below this post is an *island*: a server function in
        `functions/likes.swift` counts the likes, and `templates/islands/likes.html` shows
        the count. Markdown can place one too; this one shows the count again:
        {{< island name="likes" slug="hello-world" >}}…{{< /island >}}

        Run `sitegen new page posts/my-second-post.md` for the next post.

        """
    }

    var likesFunction: String {
        """
        // Likes: a counter per post in the host's key-value store.
        // Server functions are Embedded Swift: typed throws, no Foundation.
        import SitegenHTML
        import SitegenServer

        /// `POST /_sg/fn/like` with `slug=<post slug>`: adds one like.
        func like(_ request: Request) throws(FunctionError) -> Response {
            let slug = try request.string("slug")
            guard !slug.isEmpty, slug.utf8.count <= 100 else {
                throw .badRequest("the field 'slug' must be a post slug like 'hello-world'", field: "slug")
            }
            let count = try KeyValue.open("likes").increment(slug)
            return .json(["slug": .string(slug), "count": .double(Double(count))])
        }

        /// The loader behind `{% suspense "likes" with { slug: page.slug } %}` and
        /// `{{< island name="likes" slug="…" >}}`.
        func likes(_ arguments: Object) throws(FunctionError) -> Value {
            let slug = arguments["slug"]?.stringValue ?? ""
            let count = try KeyValue.open("likes").increment(slug, by: 0)
            return ["count": .double(Double(count))]
        }

        """
    }

    private func tomlString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private func yamlString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
