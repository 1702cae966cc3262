import Foundation

/// What a page looked like when ``Chromium/watch(_:until:seconds:)`` stopped watching it.
struct WatchedPage: Decodable {
    /// Whether the condition became true in time.
    var met: Bool
    /// `document.readyState` then: "loading" means the document never finished arriving.
    var state: String
    /// Milliseconds from the start of the navigation (`performance.now()`) until the
    /// condition held, polled every 50 ms; when it never held, how long it was watched.
    var elapsed: Int
    /// `document.documentElement.outerHTML` then.
    var dom: String
}

extension Chromium {
    /// Opens `url` in headless Chromium, driven over the DevTools protocol in real time, and
    /// polls `condition` (a JavaScript expression) until it is true or `seconds` pass.
    ///
    /// `dumpDOM` waits for the document to finish loading (and its virtual time only runs
    /// then), so it cannot look at a page whose response never ends; this can. The
    /// protocol runs on `--remote-debugging-pipe` (JSON on file descriptors 3 and 4), as in
    /// the preview's reload test, from a small Python script.
    func watch(_ url: String, until condition: String, seconds: Double) throws -> WatchedPage {
        guard let python = Tools.python3 else { throw BrowserError("python3 is not installed") }
        let (status, out, stderr) = try Tools.run(python, ["-c", Self.watchScript, executable, url, profile, condition, String(seconds)],
                                                  timeout: Int(seconds) + 90)
        guard status == 0, let page = try? JSONDecoder().decode(WatchedPage.self, from: out) else {
            throw BrowserError("watching \(url) failed (\(status)): \(String(decoding: out, as: UTF8.self).suffix(1000)) \(stderr.suffix(2000))")
        }
        return page
    }

    static let watchScript = ChromiumPipe.preamble + #"""
        import json, sys, time
        from chromium_pipe import Browser
        chromium, url, profile, condition, seconds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
        browser = Browser(chromium, profile)
        try:
            started = time.time()
            session = browser.open(url)
            met = browser.until(session, "location.href != 'about:blank' && !!(%s)" % condition, seconds, every=0.05)
            # Since the navigation started (the page's clock), so Chromium's own start-up is not counted.
            elapsed = browser.evaluate(session, 'Math.round(performance.now())') if met else int((time.time() - started) * 1000)
            state = browser.evaluate(session, 'document.readyState')
            dom = browser.evaluate(session, 'document.documentElement.outerHTML')
            print(json.dumps({'met': met, 'state': state, 'elapsed': elapsed, 'dom': dom}))
        finally:
            browser.kill()
        """#
}

/// A proxy in front of the component that passes a page through but never ends the
/// response: the page's bytes go out as one chunk, and then the connection stays open
/// with no last chunk (as a proxy or load balancer may do when its upstream went away).
/// `/_sg/…` requests are forwarded normally. The browser's document then never finishes
/// loading, so `DOMContentLoaded` never fires.
final class StallingProxy {
    private let server: PythonServer
    var port: Int { server.port }

    init(componentPort: UInt16) throws {
        server = try PythonServer(Self.script, arguments: [String(componentPort)], name: "the stalling proxy")
    }

    func stop() { server.stop() }

    static let script = #"""
        import http.server, sys, time, urllib.error, urllib.request
        upstream = int(sys.argv[1])

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = 'HTTP/1.1'
            def log_message(self, *args): pass
            def do_GET(self):
                request = urllib.request.Request('http://127.0.0.1:%d%s' % (upstream, self.path), headers={'accept': 'text/html'})
                try:
                    response = urllib.request.urlopen(request, timeout=10)
                except urllib.error.HTTPError as error:
                    response = error
                body = response.read()
                self.send_response(response.status)
                for name, value in response.headers.items():
                    if name.lower() in ('content-type', 'x-sitegen-island'):
                        self.send_header(name, value)
                if self.path.startswith('/_sg/'):
                    self.send_header('content-length', str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                self.send_header('transfer-encoding', 'chunked')
                self.end_headers()
                self.wfile.write(b'%x\r\n' % len(body) + body + b'\r\n')
                self.wfile.flush()
                time.sleep(120)  # no last chunk: the response never ends

        server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        server.daemon_threads = True
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#
}

/// Puts `Tests/Support` (where `chromium_pipe.py` lives) on Python's path, ahead of a
/// script that imports it.
enum ChromiumPipe {
    static let preamble = "import sys; sys.path.insert(0, " + String(reflecting: folder) + ")\n"
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Support
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Support").path
}
