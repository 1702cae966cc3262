import Foundation

/// Runs requests through warm guest instances on worker threads, off the event loop.
///
/// Each worker owns at most one `GuestInstance` and serves one request at a time (the
/// guest is synchronous; a request waiting on a timer or an upstream blocks its worker,
/// so there are several). An instance is replaced when the module changes (`load`),
/// after `recycleAfter` requests, and after a trap; a trap becomes a 500 for that
/// request only.
final class GuestPool: @unchecked Sendable {
    struct Options: Sendable {
        /// Worker threads, so this many requests run at once.
        var workers = 4
        /// Requests an instance serves before a fresh one replaces it.
        var recycleAfter = 500
    }

    /// Counters for logs, tests and benchmarks.
    struct Statistics: Sendable {
        var requests = 0
        var instantiations = 0
        var traps = 0
    }

    private struct Job {
        var request: GuestRequest
        var responder: GuestResponder
        var completion: @Sendable (GuestOutcome) -> Void
    }

    let options: Options
    let configuration: WASIHost.Configuration
    private let condition = NSCondition()
    private var queue: [Job] = []
    private var module: GuestModule?
    private var generation = 0
    private var threadCount = 0
    private var idleWorkers = 0
    private var stopped = false
    private var stats = Statistics()

    init(configuration: WASIHost.Configuration, options: Options = Options()) {
        self.configuration = configuration
        self.options = options
    }

    /// Makes `module` the one new requests run on; instances of the old one finish
    /// their current request and are dropped.
    func load(_ module: GuestModule?) {
        condition.withLock {
            self.module = module
            generation += 1
            condition.broadcast()
        }
    }

    var currentModule: GuestModule? { condition.withLock { module } }

    var statistics: Statistics { condition.withLock { stats } }

    /// Queues a request; `completion` runs on the worker after the last response event.
    func submit(_ request: GuestRequest, responder: GuestResponder, completion: @escaping @Sendable (GuestOutcome) -> Void = { _ in }) {
        condition.withLock {
            queue.append(Job(request: request, responder: responder, completion: completion))
            if idleWorkers == 0 && threadCount < options.workers && !stopped {
                threadCount += 1
                let thread = Thread { [self] in work() }
                thread.name = "sitegen-preview-guest-\(threadCount)"
                thread.stackSize = 8 << 20
                thread.start()
            }
            condition.signal()
        }
    }

    /// Stops the workers once they finish their current request.
    func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }

    private func work() {
        var instance: GuestInstance?
        var instanceGeneration = -1
        while true {
            condition.lock()
            idleWorkers += 1
            // An idle worker replaces its instance as soon as a new module is loaded, so the
            // first request after a rebuild does not pay for instantiation.
            while queue.isEmpty && !stopped && !(module != nil && instanceGeneration != generation) { condition.wait() }
            idleWorkers -= 1
            if stopped {
                condition.unlock()
                return
            }
            let job = queue.isEmpty ? nil : queue.removeFirst()
            let module = self.module, generation = self.generation
            if job != nil { stats.requests += 1 }
            condition.unlock()

            guard let module else {
                if let job { job.completion(Self.fail(job.responder, status: 503, "no server component is loaded (the last build made none)")) }
                continue
            }
            if instance == nil || instanceGeneration != generation || instance!.requestCount >= options.recycleAfter {
                instance = nil
                instanceGeneration = generation
                do {
                    instance = try GuestInstance(module: module, configuration: configuration)
                    condition.withLock { stats.instantiations += 1 }
                } catch {
                    configuration.log("sitegen preview: cannot instantiate the server component: \(error)")
                    if let job { job.completion(Self.fail(job.responder, status: 500, "cannot instantiate the server component: \(error)")) }
                    continue
                }
            }
            guard let job, let guest = instance else { continue }
            let outcome = guest.handle(job.request, responder: job.responder)
            switch outcome {
            case .returned(headSent: true):
                break
            case .returned(headSent: false):
                _ = Self.fail(job.responder, status: 500, "the server component returned without a response")
            case .trapped(let message, let headSent):
                instance = nil
                condition.withLock { stats.traps += 1 }
                configuration.log("sitegen preview: the server component trapped on \(job.request.method) \(job.request.target): \(message)")
                if headSent { job.responder.abort() } else { _ = Self.fail(job.responder, status: 500, "the server component trapped: \(message)") }
            }
            job.completion(outcome)
        }
    }

    /// Answers with a plain-text error from the host itself.
    private static func fail(_ responder: GuestResponder, status: Int, _ message: String) -> GuestOutcome {
        let body = Array(("sitegen preview: " + message + "\n").utf8)
        responder.head(status, [("content-type", "text/plain; charset=utf-8"), ("content-length", String(body.count)), ("cache-control", "no-store")])
        responder.chunk(body)
        responder.end()
        return .returned(headSent: true)
    }
}
