import SitegenHTML

/// Splits a list page into pagers: `/posts/`, `/posts/page/2/`, … (Zola's and Hugo's layout).
struct Paginator {
    let basePath: String
    let pages: [Int]
    let perPage: Int

    var pagerCount: Int { perPage > 0 ? max(1, (pages.count + perPage - 1) / perPage) : 1 }

    /// The URL path of pager `n` (1-based).
    func path(_ n: Int) -> String { n <= 1 ? basePath : basePath + "page/" + String(n) + "/" }

    /// Page indices on pager `n`.
    func slice(_ n: Int) -> ArraySlice<Int> {
        guard perPage > 0 else { return pages[...] }
        let start = min(pages.count, (n - 1) * perPage)
        return pages[start..<min(pages.count, start + perPage)]
    }

    /// The `paginator` object for pager `n`.
    func value(_ n: Int, context: SiteContext) -> Value {
        let site = context.site
        var o = Object()
        o["pages"] = .array(slice(n).map { context.pages[$0] })
        o["current_index"] = .int(n)
        o["number_pagers"] = .int(pagerCount)
        o["paginate_by"] = .int(perPage)
        o["total_pages"] = .int(pages.count)
        o["first"] = .string(site.permalink(path(1)))
        o["last"] = .string(site.permalink(path(pagerCount)))
        o["previous"] = n > 1 ? .string(site.permalink(path(n - 1))) : .null
        o["next"] = n < pagerCount ? .string(site.permalink(path(n + 1))) : .null
        return .object(o)
    }
}
