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

    /// `Tests/Support`, where `chromium_pipe.py` lives.
    static let supportFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Support").path

    static let devtoolsScript = "import sys; sys.path.insert(0, " + String(reflecting: supportFolder) + ")\n" + #"""
        import json, sys, time
        from chromium_pipe import Browser
        chromium, url, profile, marker = sys.argv[1:5]
        browser = Browser(chromium, profile)

        try:
            session = browser.open(url)
            if not browser.until(session, "document.readyState == 'complete'", 30):
                print('not loaded'); raise SystemExit
            # A second event stream, opened after the page's own: once it has its `hello`,
            # the page's stream (opened while the page loaded) is connected too. Set up again
            # if the document was replaced meanwhile (a reload for a build that finished
            # after the page was served).
            setup = ("if (!window.__sgSeen) { window.__sgSeen = []; window.__sgES = new EventSource('/_sg/preview/events'); "
                     "['hello', 'reload', 'css'].forEach(n => window.__sgES.addEventListener(n, () => window.__sgSeen.push(n))); } "
                     "document.readyState == 'complete' && window.__sgSeen.includes('hello')")
            if not browser.until(session, setup, 30):
                print('no live-reload events: ' + json.dumps(browser.evaluate(session, 'window.__sgSeen'))); raise SystemExit
            time.sleep(0.5)
            browser.evaluate(session, 'window.__sgBefore = 1')
            print('ready')
            sys.stdin.readline()
            check = "window.__sgBefore === undefined && document.readyState == 'complete' && document.body.innerText.includes(%s)" % json.dumps(marker)
            if browser.until(session, check, 90):
                print('reloaded')
            else:
                print('not reloaded: ' + json.dumps(browser.evaluate(session, "[window.__sgBefore, document.readyState, "
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
