/// A poll-based executor: the component's replacement for an async runtime, which
/// Embedded Swift on wasm32 does not have.
///
/// Work is a set of continuations. A task that must wait (a full output stream, a
/// timer, an outgoing HTTP response) registers the WASI pollable it waits on with the
/// closure to run when it is ready, and returns. `run()` runs every ready continuation,
/// then calls `wasi:io/poll.poll` once over all pending pollables and resumes the ones
/// the host reports ready, until nothing is left. One `poll` call serves any number of
/// concurrent tasks, which is what lets suspended sections stream out of order.
final class Executor {
    /// A continuation and the pollable it waits on (none, -1, once it is ready). Ready and
    /// waiting ones share the type: each element type of an array brings its own copy of
    /// the array code into the component.
    private typealias Task = (pollable: Int32, resume: () -> Void)
    private var ready: [Task] = []
    private var waiting: [Task] = []

    /// Schedules `task` to run on the next turn.
    func spawn(_ task: @escaping () -> Void) {
        ready.append((-1, task))
    }

    /// Runs `resume` once `pollable` is ready; the executor drops the pollable.
    func wait(on pollable: Int32, _ resume: @escaping () -> Void) {
        waiting.append((pollable, resume))
    }

    /// Stops waiting on `pollable` (a timer no longer needed) and drops it.
    func cancel(_ pollable: Int32) {
        guard let index = waiting.firstIndex(where: { $0.pollable == pollable }) else { return }
        waiting.remove(at: index)
        wasiPollableDrop(pollable)
    }

    /// Runs until no task is ready or waiting.
    func run() {
        while true {
            while !ready.isEmpty {
                let batch = ready
                ready.removeAll()
                for task in batch { task.resume() }
            }
            if waiting.isEmpty { return }
            // The pollables in the layout `poll` takes, in a plain buffer: an `[Int32]` would
            // be one more array type in the component.
            let handles = UnsafeMutablePointer<Int32>.allocate(capacity: waiting.count)
            for i in 0..<waiting.count { handles[i] = waiting[i].pollable }
            wasiPoll(handles, Int32(waiting.count), ABI.returnArea)
            handles.deallocate()
            var readyIndices: [Int] = []
            let pointer = ABI.i32(0), count = ABI.i32(4)
            if count > 0, let base = UnsafeMutableRawPointer(bitPattern: Int(pointer)) {
                for i in 0..<Int(count) { readyIndices.append(Int(base.load(fromByteOffset: i * 4, as: UInt32.self))) }
                cFree(base)
            }
            var resumed: [Task] = []
            var stillWaiting: [Task] = []
            for (i, waiter) in waiting.enumerated() {
                if readyIndices.contains(i) {
                    wasiPollableDrop(waiter.pollable)
                    resumed.append((-1, waiter.resume))
                } else {
                    stillWaiting.append(waiter)
                }
            }
            waiting = stillWaiting
            ready.append(contentsOf: resumed)
        }
    }
}
