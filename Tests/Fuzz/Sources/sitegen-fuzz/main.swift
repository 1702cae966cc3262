// The long fuzz run: `swift run -c release sitegen-fuzz [targets…] [--count N] [--seed S]
// [--start I]`. See Tests/Fuzz/README.md. CI runs a short smoke of each target from
// Tests/SitegenFuzzTests instead.
import Foundation
import SitegenFuzz

var names: [String] = []
var count: UInt64 = 1_000_000
var seed: UInt64 = 1
var start: UInt64 = 0
var printInputs = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--count": count = arguments.popFirst().flatMap { UInt64($0.replacingOccurrences(of: "_", with: "")) } ?? count
    case "--seed": seed = arguments.popFirst().flatMap { UInt64($0) } ?? seed
    case "--start": start = arguments.popFirst().flatMap { UInt64($0) } ?? start
    case "--print": printInputs = true
    case "--list":
        for target in FuzzTarget.all { print(target.name.padding(toLength: 18, withPad: " ", startingAt: 0) + target.summary) }
        exit(0)
    case "-h", "--help":
        print("usage: sitegen-fuzz [target…] [--count N] [--seed S] [--start I] [--print] [--list]")
        exit(0)
    default: names.append(argument)
    }
}
let targets = names.isEmpty ? FuzzTarget.all : names.map { name in
    guard let target = FuzzTarget.named(name) else {
        FileHandle.standardError.write(Data("sitegen-fuzz: unknown target '\(name)'; see --list\n".utf8))
        exit(2)
    }
    return target
}

// A trap cannot be caught, but it can be reported: the handler writes which input was
// running (the input number is enough to regenerate it) and lets the signal kill us.
nonisolated(unsafe) var crashTarget = [CChar](repeating: 0, count: 64)
func installCrashHandler() {
    // An alternate signal stack, so a stack overflow (deep recursion) is reported too.
    var alternate = stack_t()
    alternate.ss_size = 256 * 1024
    alternate.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: alternate.ss_size, alignment: 16)
    sigaltstack(&alternate, nil)
    for signalNumber in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
        var action = sigaction()
        action.sa_flags = SA_ONSTACK
        action.__sigaction_handler.sa_handler = { number in
            var message = Array("\nsitegen-fuzz: CRASH (signal \(number)) in target ".utf8)
            message += crashTarget.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            message += Array(" at input #\(FuzzWatchdog.currentIndex); rerun it with --start and --count 1 --print\n".utf8)
            _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            signal(number, SIG_DFL)
            raise(number)
        }
        sigaction(signalNumber, &action, nil)
    }
}
installCrashHandler()

var failed = false
for target in targets {
    let name = Array(target.name.utf8CString.prefix(63))
    for (i, c) in name.enumerated() { crashTarget[i] = c }
    crashTarget[name.count] = 0
    if printInputs {
        for index in start..<(start + count) {
            let line = "#\(index): " + FuzzRunner.printable(target.input(at: index, seed: seed)) + "\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
    let runner = FuzzRunner(seed: seed)
    let report = runner.run(target, start: start, count: count) { done in
        FileHandle.standardError.write(Data("  \(target.name): \(done)\n".utf8))
    }
    FileHandle.standardOutput.write(Data((report.description + "\n").utf8))
    failed = failed || !report.failures.isEmpty
}
exit(failed ? 1 : 0)
