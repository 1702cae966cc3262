// Comments: a JSON list per post in the key-value store. Text is stored as written
// and escaped when the island template renders it.
import SitegenHTML
import SitegenServer

/// `POST /_sg/fn/comment` with `slug`, `name` and `text`.
func comment(_ request: Request) throws(FunctionError) -> Response {
    let slug = try postSlug(request)
    let name = try request.text("name", limit: 60)
    let text = try request.text("text", limit: 2000)
    let bucket = try KeyValue.open("comments")
    var list = try bucket.json(slug)?.arrayValue ?? []
    if list.count >= 500 { throw FunctionError(status: 409, message: "this post has too many comments") }
    list.append(["name": .string(name), "text": .string(text)])
    try bucket.set(slug, json: .array(list))
    return .json(["slug": .string(slug), "count": .int(list.count)])
}

/// The loader behind `{% suspense "comments" with { slug: page.slug } %}`.
func comments(_ arguments: Object) throws(FunctionError) -> Value {
    let slug = arguments["slug"]?.stringValue ?? ""
    let list = try KeyValue.open("comments").json(slug)?.arrayValue ?? []
    return ["comments": .array(list)]
}
