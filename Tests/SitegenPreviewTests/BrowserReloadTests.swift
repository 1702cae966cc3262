import Foundation
import Testing
@testable import SitegenPreview

/// What a person sees in preview: a page open in headless Chromium reloads on its own
/// after its source file is saved, and shows the new text.
///
/// Chromium is driven over the DevTools protocol on `--remote-debugging-pipe` (JSON
/// messages on file descriptors 3 and 4, no WebSocket needed) by a small Python script:
/// it opens the page, marks the live document (`window.__sgBefore`), waits until the
/// live-reload event stream is connected, says `ready`, waits
/// for the test to save the file, then polls until the document is a new one (the mark
/// is gone: it reloaded) that contains the edit.
extension PreviewServerTests {
    @Test("a page open in Chromium reloads by itself after its Markdown is saved",
          .enabled(if: Tools.chromium != nil && Tools.python3 != nil, "needs chromium and python3"))
    func browserReloads() throws {
        let fixture = try fixture
        let marker = "Reloaded in Chromium \(UUID().uuidString.prefix(8))"
        let profile = fixture.root + "/chromium-" + UUID().uuidString.prefix(8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tools.python3!)
        process.arguments = ["-u", "-c", Self.devtoolsScript, Tools.chromium!, "http://127.0.0.1:\(fixture.port)/about/", profile, marker]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        let lines = LineReader(output.fileHandleForReading)
        let ready = lines.next(timeout: 60)
        try #require(ready == "ready", "the page did not open: \(ready ?? "no answer")")
        try fixture.edit("content/about.md") { $0 + "\n\n" + marker + "\n" }
        input.fileHandleForWriting.write(Data("edited\n".utf8))
        let verdict = lines.next(timeout: 120)
        #expect(verdict == "reloaded", "Chromium did not reload with the edit: \(verdict ?? "no answer")\n\(fixture.log.text.suffix(2000))")
    }

    static let devtoolsScript = #"""
        import fcntl, json, os, subprocess, sys, time
        chromium, url, profile, marker = sys.argv[1:5]
        def high(fd):  # out of the way of 3 and 4, which Chromium reads and writes
            moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10); os.close(fd); return moved
        to_chrome = [high(fd) for fd in os.pipe()]
        from_chrome = [high(fd) for fd in os.pipe()]
        os.dup2(to_chrome[0], 3); os.dup2(from_chrome[1], 4)
        browser = subprocess.Popen([chromium, '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
                                    '--remote-debugging-pipe', '--user-data-dir=' + profile, 'about:blank'],
                                   pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(3); os.close(4)
        write, read = to_chrome[1], from_chrome[0]
        buffer, ids = b'', [0]

        def call(method, params=None, session=None):
            ids[0] += 1
            message = {'id': ids[0], 'method': method, 'params': params or {}}
            if session: message['sessionId'] = session
            os.write(write, json.dumps(message).encode() + b'\0')
            global buffer
            while True:
                while b'\0' not in buffer:
                    chunk = os.read(read, 65536)
                    if not chunk: raise SystemExit('chromium closed the pipe')
                    buffer += chunk
                raw, buffer = buffer.split(b'\0', 1)
                reply = json.loads(raw)
                if reply.get('id') == ids[0]:
                    return reply.get('result', {})

        def evaluate(session, expression):
            result = call('Runtime.evaluate', {'expression': expression, 'returnByValue': True}, session)
            return result.get('result', {}).get('value')

        def until(session, expression, seconds):
            deadline = time.time() + seconds
            while time.time() < deadline:
                try:
                    if evaluate(session, expression): return True
                except Exception:
                    pass
                time.sleep(0.1)
            return False

        try:
            target = call('Target.createTarget', {'url': url})['targetId']
            session = call('Target.attachToTarget', {'targetId': target, 'flatten': True})['sessionId']
            if not until(session, "document.readyState == 'complete'", 30):
                print('not loaded'); raise SystemExit
            # A second event stream, opened after the page's own: once it has its `hello`,
            # the page's stream (opened while the page loaded) is connected too. Set up again
            # if the document was replaced meanwhile (a reload for a build that finished
            # after the page was served).
            setup = ("if (!window.__sgSeen) { window.__sgSeen = []; window.__sgES = new EventSource('/_sg/preview/events'); "
                     "['hello', 'reload', 'css'].forEach(n => window.__sgES.addEventListener(n, () => window.__sgSeen.push(n))); } "
                     "document.readyState == 'complete' && window.__sgSeen.includes('hello')")
            if not until(session, setup, 30):
                print('no live-reload events: ' + json.dumps(evaluate(session, 'window.__sgSeen'))); raise SystemExit
            time.sleep(0.5)
            evaluate(session, 'window.__sgBefore = 1')
            print('ready')
            sys.stdin.readline()
            check = "window.__sgBefore === undefined && document.readyState == 'complete' && document.body.innerText.includes(%s)" % json.dumps(marker)
            if until(session, check, 90):
                print('reloaded')
            else:
                print('not reloaded: ' + json.dumps(evaluate(session, "[window.__sgBefore, document.readyState, "
                      "!!document.querySelector('script[data-sitegen-preview]'), window.__sgSeen, window.__sgES && window.__sgES.readyState]")))
        finally:
            browser.kill()
        """#
}

/// Lines from a pipe, each awaited with a time limit.
final class LineReader: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) { self.handle = handle }

    func next(timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer = Data(buffer[(newline + 1)...])
                return line
            }
            var poller = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) >= 0 else { return nil }
            if poller.revents != 0 {
                let chunk = handle.availableData
                if chunk.isEmpty { return nil }
                buffer.append(chunk)
            }
        }
        return nil
    }
}
