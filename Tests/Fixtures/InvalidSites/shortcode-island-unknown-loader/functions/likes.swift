// Likes: a counter per post in the host's key-value store.
import SitegenHTML
import SitegenServer

/// `POST /_sg/fn/like` with `slug=<post slug>`: adds one like.
func like(_ request: Request) throws(FunctionError) -> Response {
    let slug = try postSlug(request)
    let count = try KeyValue.open("likes").increment(slug)
    return .json(["slug": .string(slug), "count": .double(Double(count))])
}

/// The loader behind `{% suspense "likes" with { slug: page.slug } %}`.
func likes(_ arguments: Object) throws(FunctionError) -> Value {
    let slug = arguments["slug"]?.stringValue ?? ""
    // Incrementing by zero reads the counter atomically, in the store's own encoding.
    let count = try KeyValue.open("likes").increment(slug, by: 0)
    return ["count": .double(Double(count))]
}

/// A post slug from the form: lower-case letters, digits and dashes, at most 100.
func postSlug(_ request: Request) throws(FunctionError) -> String {
    let slug = try request.string("slug")
    let valid = !slug.isEmpty && slug.utf8.count <= 100
        && slug.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    guard valid else { throw .badRequest("the field 'slug' must be a post slug like 'hello-world'", field: "slug") }
    return slug
}
