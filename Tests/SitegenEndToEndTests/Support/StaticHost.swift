import Foundation

/// A plain static file host for a built site — what a CDN or GitHub Pages would be —
/// that forwards only `/_sg/…` to the component (the same-origin functions route such
/// hosts offer). Pages come from the files, so their suspense boundaries are filled by
/// the deferred-island script, not by streaming.
///
/// Python's `http.server` serves the files; the forwarding is a few lines of urllib.
final class StaticHost {
    private let server: PythonServer
    var port: Int { server.port }

    init(directory: String, componentPort: UInt16) throws {
        server = try PythonServer(Self.script, arguments: [directory, String(componentPort)], name: "the static host")
    }

    func stop() { server.stop() }

    static let script = #"""
        import functools, http.server, sys, urllib.error, urllib.request
        root, upstream = sys.argv[1], int(sys.argv[2])

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args): pass
            def do_GET(self):
                if not self.path.startswith('/_sg/'):
                    return super().do_GET()
                request = urllib.request.Request('http://127.0.0.1:%d%s' % (upstream, self.path),
                                                 headers={k: v for k, v in self.headers.items() if k.lower() != 'host'})
                try:
                    response = urllib.request.urlopen(request, timeout=10)
                except urllib.error.HTTPError as error:
                    response = error
                body = response.read()
                self.send_response(response.status)
                for name, value in response.headers.items():
                    if name.lower() not in ('transfer-encoding', 'connection', 'content-length', 'date', 'server'):
                        self.send_header(name, value)
                self.send_header('content-length', str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Handler, directory=root))
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#
}

/// A small HTTP server written in Python (`python3 -u -c script arguments…`) that prints
/// its loopback port on its first line; killed with ``stop()``.
final class PythonServer {
    let process = Process()
    let port: Int

    init(_ script: String, arguments: [String] = [], name: String) throws {
        guard let python = Tools.python3 else { throw BrowserError("python3 is not installed") }
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-u", "-c", script] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try launch(process)
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw BrowserError("\(name) did not start: '\(line)'")
        }
        self.port = port
    }

    /// SIGKILL: the test runner may hand its children an ignored SIGTERM.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
