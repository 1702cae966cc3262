import Foundation

/// Runs tools the screenshot test needs: headless Chromium, a static file server and a
/// PNG decoder, all as subprocesses (python3 for the last two; no PIL needed).
enum Tools {
    /// The first of `names` on PATH.
    static func find(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in names where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
                return directory + "/" + name
            }
        }
        return nil
    }

    static let chromium = find(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"])
    static let python3 = find(["python3"])

    /// Runs a command to completion (killed after `timeout` seconds); returns status, stdout, stderr.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], timeout: Int = 90) throws -> (Int32, Data, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["--kill-after=5", String(timeout), executable] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs, so neither can fill up and block it.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, outData, String(decoding: errData, as: UTF8.self))
    }
}

/// `python3 -m http.server` on 127.0.0.1, on a port the OS picks, serving `directory`
/// (which may be created after the server starts). Stopped with ``stop()``.
final class StaticServer {
    let process = Process()
    let port: Int

    init(directory: String) throws {
        guard let python = Tools.python3 else { throw BrowserError("python3 is not installed") }
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-u", "-m", "http.server", "--bind", "127.0.0.1", "0", "-d", directory]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // "Serving HTTP on 127.0.0.1 port 39871 (http://127.0.0.1:39871/) ..."
        var text = ""
        var port: Int?
        while port == nil {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: "port "), let end = text[range.upperBound...].firstIndex(of: " ") {
                port = Int(text[range.upperBound..<end])
            }
        }
        guard let port else {
            process.terminate()
            throw BrowserError("http.server did not start: \(text)")
        }
        self.port = port
    }

    /// SIGKILL: the test runner may hand its children an ignored SIGTERM, which
    /// http.server then never sees (so `terminate()` would leave it running).
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

struct BrowserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Headless Chromium with its own throwaway profile.
struct Chromium {
    let executable: String
    let profile: String

    private var common: [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-extensions", "--user-data-dir=" + profile]
    }

    /// Saves a PNG of `url` at the given window size.
    func screenshot(_ url: String, to path: String, width: Int, height: Int) throws {
        try? FileManager.default.removeItem(atPath: path)
        let (status, _, stderr) = try Tools.run(executable, common + ["--screenshot=" + path, "--window-size=\(width),\(height)", url])
        guard status == 0, FileManager.default.fileExists(atPath: path) else {
            throw BrowserError("chromium --screenshot failed (\(status)): \(stderr.suffix(2000))")
        }
    }

    /// The DOM after load, serialized.
    /// - Parameter budget: with a value, Chromium runs the page's scripts (and waits for
    ///   their fetches) for up to this many milliseconds of virtual time before dumping.
    func dumpDOM(_ url: String, budget milliseconds: Int? = nil) throws -> String {
        let wait = milliseconds.map { ["--virtual-time-budget=\($0)"] } ?? []
        let (status, out, stderr) = try Tools.run(executable, common + wait + ["--dump-dom", url])
        guard status == 0, !out.isEmpty else { throw BrowserError("chromium --dump-dom failed (\(status)): \(stderr.suffix(2000))") }
        return String(decoding: out, as: UTF8.self)
    }
}

/// What a screenshot looks like, decoded by a small pure-Python PNG reader.
struct PNGSummary: Decodable {
    var width: Int
    var height: Int
    /// Distinct RGB colours in the image.
    var colors: Int
    /// Per row: its most common colour and the share of the row it covers.
    var rows: [Row]

    struct Row: Decodable {
        var color: [Int]
        var share: Double
        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            color = try c.decode([Int].self)
            share = try c.decode(Double.self)
        }
    }

    static func decode(_ path: String) throws -> PNGSummary {
        guard let python = Tools.python3 else { throw BrowserError("python3 is not installed") }
        let (status, out, stderr) = try Tools.run(python, ["-c", script, path])
        guard status == 0 else { throw BrowserError("PNG decoding failed: \(stderr)") }
        return try JSONDecoder().decode(PNGSummary.self, from: out)
    }

    /// Non-interlaced 8-bit RGB/RGBA (what Chromium writes): zlib-inflate the IDAT chunks,
    /// undo the per-row filters, and summarise.
    static let script = #"""
        import json, struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
        pos, idat = 8, b''
        while pos < len(data):
            n, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + n]
            if kind == b'IHDR':
                w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
                assert depth == 8 and ctype in (2, 6) and interlace == 0, 'unsupported PNG %d/%d/%d' % (depth, ctype, interlace)
                bpp = 3 if ctype == 2 else 4
            elif kind == b'IDAT':
                idat += body
            pos += 12 + n
        raw, stride, prev = zlib.decompress(idat), w * bpp, bytearray(w * bpp)
        colors, rows = set(), []
        for y in range(h):
            f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
                if f == 1: line[i] = (line[i] + a) & 255
                elif f == 2: line[i] = (line[i] + b) & 255
                elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            counts = {}
            for x in range(w):
                px = bytes(line[x * bpp:x * bpp + 3])
                counts[px] = counts.get(px, 0) + 1
            colors.update(counts)
            top = max(counts, key=counts.get)
            rows.append([list(top), round(counts[top] / w, 3)])
            prev = line
        print(json.dumps({'width': w, 'height': h, 'colors': len(colors), 'rows': rows}))
        """#
}
