import Foundation
import SitegenHTML

#if canImport(Glibc)
import Glibc
#endif

/// The wording of output-writing diagnostics. Tests call these factories rather than
/// repeating the strings.
extension Diagnostic {
    /// One error per kind of failure (`errno`), naming the first file it hit in path order.
    ///
    /// A full disk fails every write after the first, so listing each file would bury
    /// the one line that matters; the others are counted in a note.
    /// - Parameters:
    ///   - failures: what `OutputDirectory` recorded, in any order.
    ///   - output: the output folder as the user named it (`dist`).
    static func outputFailures(_ failures: [OutputFile.Failure], output: String) -> [Diagnostic] {
        var byCode: [Int32: [OutputFile.Failure]] = [:]
        for failure in failures { byCode[failure.source == nil ? failure.code : -failure.code, default: []].append(failure) }
        return byCode.keys.sorted().map { key in
            let group = byCode[key]!.sorted { $0.path < $1.path }
            return cannotWrite(group[0], output: output, others: group.count - 1)
        }
    }

    /// A file of the output that could not be written (or whose source could not be read).
    static func cannotWrite(_ failure: OutputFile.Failure, output: String, others: Int = 0) -> Diagnostic {
        let target = output + "/" + failure.path
        var notes: [String] = []
        if others > 0 {
            notes.append(String(others) + " other file" + (others == 1 ? "" : "s") + " failed the same way")
        }
        if let source = failure.source {
            return Diagnostic(.error, "cannot read '" + source + "' to copy it to '" + target + "': " + failure.reason,
                              fix: "check that the file exists and is readable, then build again", notes: notes)
        }
        let fix: String
        switch failure.code {
        case ENOSPC, EDQUOT:
            fix = "free some space on the disk that holds '" + output + "' (or build elsewhere with --output), then build again"
        case EFBIG:
            fix = "raise the file size limit (ulimit -f) or build elsewhere with --output, then build again"
        case EACCES, EPERM, EROFS:
            fix = "make '" + output + "' and its parent folder writable, then build again"
        default:
            fix = "check the file system that holds '" + output + "', then build again"
        }
        return Diagnostic(.error, "cannot write '" + target + "': " + failure.reason, fix: fix, notes: notes)
    }
}
