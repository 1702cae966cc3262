import SitegenHTML
import SitegenServerCore

/// Serves a page with suspense boundaries: the prerendered shell at once, then each
/// section as its loader finishes, in completion order, then the document's tail.
///
/// All loaders start together on the poll executor, so three 300 ms loaders take
/// ~300 ms, not ~900 ms. A loader that fails or times out gets its island's error block
/// (or the default error boundary); the page is still a 200 and the other sections fill.
final class StreamedPage {
    let shell: [UInt8]
    let sections: [SuspendedSection]
    let writer: BodyWriter
    /// Per section, by its index in ``sections``: whether it was sent, and its timeout.
    /// (Arrays, not a `Set` and a `Dictionary`: each is one more set of generic code in
    /// the component.)
    private var finished: [Bool]
    private var finishedCount = 0
    private var timers: [Scheduler.Timer?]
    private var sentRuntime = false
    private var tail: [UInt8] = []

    init(shell: [UInt8], sections: [SuspendedSection], writer: BodyWriter) {
        self.shell = shell
        self.sections = sections
        self.writer = writer
        finished = Array(repeating: false, count: sections.count)
        timers = Array(repeating: nil, count: sections.count)
    }

    /// The sections of a streamed page, read from its shell: each boundary's number,
    /// loader and arguments are in its island URL (``IslandSource``). Filled in place:
    /// `map` or `append` would bring the array's growth code along.
    static func sections(inShell shell: [UInt8]) -> [SuspendedSection] {
        // One pass: room for as many as could fit (a boundary's opening tag alone is longer
        // than 48 bytes), filled as they are found.
        let most = shell.count / 48 + 1
        var offset = 0
        return [SuspendedSection](unsafeUninitializedCapacity: most) { buffer, filled in
            while filled < most, let boundary = IslandSource.nextBoundary(in: shell, from: &offset) {
                var arguments = Object()
                do throws(JSONError) {
                    if let json = Base64URL.decode(boundary.encodedArguments), case .object(let object) = try JSON.parse(json) { arguments = object }
                } catch {
                    Log.error(Text.join("a boundary of a streamed page has arguments that are not JSON: ", error.description))
                }
                (buffer.baseAddress! + filled).initialize(to: SuspendedSection(id: boundary.id, loader: boundary.loader, arguments: arguments))
                filled += 1
            }
        }
    }

    func start() {
        FunctionRegistry.shared.ensureRegistered()
        // Split before `</body>`: the replacements go inside the body.
        let marker = Array("</body>".utf8)
        var split = shell.count
        var i = shell.count - marker.count
        while i >= 0 {
            if shell[i] == marker[0] && Array(shell[i..<(i + marker.count)]) == marker { split = i; break }
            i -= 1
        }
        writer.send(Array(shell[..<split]))
        tail = Array(shell[split...])
        if sections.isEmpty { return finishIfDone() }
        // Loaders start once the host has taken the whole shell. A loader that traps ends
        // the instance, and with it whatever is still queued in this writer: the shell
        // must be out by then, with every static part of the page and the script that
        // fetches unfinished sections from the island endpoint. (wasmtime serve took 3 MiB
        // before making the guest wait, in a test, so this waits only for larger shells
        // and slow readers.)
        writer.afterSent { self.startLoaders() }
    }

    private func startLoaders() {
        let registry = FunctionRegistry.shared
        let timeout = SiteData.current.loaderTimeoutMilliseconds
        for (index, section) in sections.enumerated() {
            guard let loader = registry.loader(named: section.loader) else {
                complete(index, .failure(.server(Text.join("no loader '", section.loader, "'"))))
                continue
            }
            timers[index] = Scheduler.after(milliseconds: timeout) {
                self.timers[index] = nil
                self.complete(index, .failure(.upstream(Text.join(Text.join("loader '", section.loader, "' timed out after ", String(timeout)), " ms"))))
            }
            // Each loader starts on its own turn, after the shell was queued.
            Scheduler.current?.spawn {
                loader(section.arguments) { result in self.complete(index, result) }
            }
        }
    }

    /// The first completion of the section at `index` wins (a late loader after its
    /// timeout is ignored).
    func complete(_ index: Int, _ result: Result<Value, FunctionError>) {
        guard !finished[index] else { return }
        finished[index] = true
        finishedCount += 1
        if let timer = timers[index] {
            timers[index] = nil
            timer.cancel()
        }
        let section = sections[index]
        var html: String
        switch result {
        case .success(let value):
            do throws(TemplateError) {
                html = try Islands.render(section, data: value)
            } catch {
                Log.error(Text.join("island '", section.loader, "' failed to render: ", error.message))
                html = Islands.renderError(section)
            }
        case .failure(let error):
            Log.error(Text.join("loader '", section.loader, "' failed: ", error.message))
            html = Islands.renderError(section)
        }
        var chunk = ""
        if !sentRuntime {
            chunk += SuspenseMarkup.runtime
            sentRuntime = true
        }
        chunk += SuspenseMarkup.replacement(section.id, html: html)
        writer.send(chunk)
        finishIfDone()
    }

    func finishIfDone() {
        guard finishedCount == sections.count else { return }
        writer.send(tail)
        writer.finish()
    }
}
