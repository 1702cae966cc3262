/// Serialises writes to a response body: chunks from concurrent tasks (loaders that
/// finish in any order) go out in the order they were sent, each write flushed so the
/// client sees it at once (chunks sent while a write is under way go out together in the
/// next); `finish()` closes the body after the last of them.
final class BodyWriter {
    let outgoing: OutgoingResponse
    let executor: Executor
    private var queue: [UInt8] = []
    private var writing = false
    private var finishing = false
    private var closed = false
    /// What to run once the queue is empty: the actions given to ``afterSent(_:)``, in
    /// order, chained into one closure (an array of closures would be one more array type
    /// in the component).
    private var whenSent: (() -> Void)?

    init(outgoing: OutgoingResponse, executor: Executor) {
        self.outgoing = outgoing
        self.executor = executor
    }

    func send(_ bytes: [UInt8]) {
        guard !closed, !bytes.isEmpty else { return }
        queue.append(contentsOf: bytes)
        pump()
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Calls `action` once the host has accepted everything sent so far (at once when it
    /// already has). Accepted bytes reach the client even if the instance traps afterwards;
    /// bytes still queued here do not.
    func afterSent(_ action: @escaping () -> Void) {
        if queue.isEmpty && !writing {
            action()
        } else if let earlier = whenSent {
            whenSent = { earlier(); action() }
        } else {
            whenSent = action
        }
    }

    func finish() {
        finishing = true
        pump()
    }

    private func pump() {
        guard !writing, !closed else { return }
        guard !queue.isEmpty else {
            if let actions = whenSent {
                whenSent = nil
                actions()
                if writing || closed || !queue.isEmpty { return }  // an action sent or finished (it pumped already)
            }
            if finishing {
                closed = true
                outgoing.finish()
            }
            return
        }
        writing = true
        let chunk = queue
        queue = []
        outgoing.stream.write(chunk, on: executor) { ok in
            self.writing = false
            if ok {
                _ = self.outgoing.stream.flush()
            } else {
                self.queue.removeAll()  // the client went away; drop the rest
            }
            self.pump()
        }
    }
}
