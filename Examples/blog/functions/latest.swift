// "Latest from upstream": a slow section filled by an outgoing HTTP call, so the page
// shows everything else at once and this part when the upstream answers.
import SitegenHTML
import SitegenServer

/// The loader behind `{% suspense "latest" with { url: config.extra.upstream_url } %}`:
/// GETs the URL, which answers `{"items": [{"title": …, "url": …}]}`.
func latest(_ arguments: Object, _ done: @escaping (Result<Value, FunctionError>) -> Void) {
    guard let url = arguments["url"]?.stringValue else {
        return done(.failure(.server("the latest section has no upstream url")))
    }
    HTTPClient.get(url, timeoutMilliseconds: 3000) { result in
        switch result {
        case .success(let response):
            guard response.status == 200 else { return done(.failure(.upstream("upstream answered " + String(response.status)))) }
            done(response.json())
        case .failure(let error):
            done(.failure(error))
        }
    }
}
