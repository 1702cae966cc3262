import Foundation
import SitegenFuzz
import SitegenHTML
import SitegenServerCore

/// One generated malicious or malformed request, exactly as it goes on the wire.
struct HostileRequest: Sendable {
    /// What answer is right.
    enum Expectation: Sendable {
        /// Any 4xx: the request is refused.
        case refused
        /// A redirect (303 from a form post, 308 from the router) that stays on the site:
        /// `location` is a path (`/x`, never `//host` or `/\host`) and no header was injected.
        case sameSiteRedirect
    }

    var kind: String
    var bytes: [UInt8]
    var expectation: Expectation
    /// Send, then shut down the writing side: the body ends before its `content-length`.
    var truncated = false

    /// The request line, printable, for failure messages.
    var summary: String {
        let line = bytes.prefix { $0 != 0x0D && $0 != 0x0A }
        var body: [UInt8] = []
        if let end = RawHTTPClient.firstIndex(of: [13, 10, 13, 10], in: bytes[...]) { body = Array(bytes[(end + 4)...]) }
        return kind + ": " + FuzzRunner.printable(Array(line), limit: 160) + " (\(bytes.count) bytes"
            + (body.isEmpty ? ")" : ", body " + FuzzRunner.printable(body, limit: 80) + ")")
    }
}

/// A seeded corpus of hostile requests against the streaming fixture's component
/// (`Tests/Fixtures/ComponentSites/streaming`: pages, streamed pages, functions `echo`,
/// `thanks`, `explode` and `ping`, loaders `slow` and `broken`): traversal and encoding
/// tricks, oversized targets and headers, wrong methods, cross-origin posts, bad content
/// types, malformed JSON and forms, missing fields, oversized and truncated bodies,
/// forged island signatures, and header-injection attempts against redirects.
///
/// Every request has at least one defect the server must refuse (checked here with the
/// same decoders the component uses, so a mutation that happens to be valid is
/// replaced), except the redirect cases, which must redirect safely.
struct HostileCorpus {
    let port: UInt16
    /// A real, signed island URL of the site (`/_sg/island/slow?a=…&s=…`).
    let islandURL: String

    static let kinds = [
        "traversal", "malformed-target", "oversized", "function-method", "cross-origin", "content-type", "bad-json",
        "bad-form", "missing-fields", "too-large", "truncated-body", "forged-island", "redirect-injection", "static-method",
    ]

    /// Request `index` of the corpus made with `seed`.
    func request(_ index: Int, seed: UInt64) -> HostileRequest {
        var random = SeededGenerator(seed: seed, index: UInt64(index))
        let kind = Self.kinds[index % Self.kinds.count]
        switch kind {
        case "traversal": return traversal(&random)
        case "malformed-target": return malformedTarget(&random)
        case "oversized": return oversized(&random)
        case "function-method": return functionMethod(&random)
        case "cross-origin": return crossOrigin(&random)
        case "content-type": return contentType(&random)
        case "bad-json": return badJSON(&random)
        case "bad-form": return badForm(&random)
        case "missing-fields": return missingFields(&random)
        case "too-large": return tooLarge(&random)
        case "truncated-body": return truncatedBody(&random)
        case "forged-island": return forgedIsland(&random)
        case "redirect-injection": return redirectInjection(&random)
        default: return staticMethod(&random)
        }
    }

    // MARK: - Building requests

    var origin: String { "http://127.0.0.1:\(port)" }
    var sameOrigin: [(String, String)] { [("origin", origin), ("sec-fetch-site", "same-origin")] }

    /// Raw request bytes; `content-length` is added for a body unless `length` overrides it.
    func raw(_ method: String, _ target: [UInt8], _ headers: [(String, String)] = [], body: [UInt8] = [], length: Int? = nil)
        -> [UInt8]
    {
        var bytes = Array((method + " ").utf8) + target + Array(" HTTP/1.1\r\nhost: 127.0.0.1:\(port)\r\n".utf8)
        for (name, value) in headers { bytes += Array("\(name): \(value)\r\n".utf8) }
        if let length { bytes += Array("content-length: \(length)\r\n".utf8) } else if !body.isEmpty {
            bytes += Array("content-length: \(body.count)\r\n".utf8)
        }
        return bytes + Array("connection: close\r\n\r\n".utf8) + body
    }

    func post(_ function: String, _ headers: [(String, String)], _ body: [UInt8]) -> [UInt8] {
        raw("POST", Array(("/_sg/fn/" + function).utf8), headers, body: body)
    }

    static let json = ("content-type", "application/json")
    static let form = ("content-type", "application/x-www-form-urlencoded")
    static let accept = ("accept", "application/json")

    // MARK: - Kinds

    static let traversalUnits = [
        "..", "%2e%2e", "%2E%2e", ".%2e", "%2e.", "..%2f", "..%2F", "..%5c", "..\\", "%c0%ae%c0%ae", "%e0%80%ae%e0%80%ae",
        "..%00", ".%00.", "%2e%2e%2f", "%252e%252e", "..;", "%u002e%u002e", ".", "%2e", "..%c0%af", "..%ef%bc%8f",
    ]
    static let traversalFiles = ["etc/passwd", "canary.txt", "proc/self/environ", "server.wasm", "../../../../etc/shadow", ""]

    func traversal(_ random: inout SeededGenerator) -> HostileRequest {
        var target = random.pick(["/", "/one/", "/_sg/", "/_sg/fn/", "/_sg/island/", "/static/", "//", "/./"])
        for _ in 0..<(1 + random.below(6)) {
            target += random.pick(Self.traversalUnits) + random.pick(["/", "%2f", "\\", "%5c", "/"])
        }
        target += random.pick(Self.traversalFiles)
        if random.oneIn(4) { target += "?" + random.pick(["x=1", "a=../../etc/passwd", "%2e%2e"]) }
        let method = random.pick(["GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"])
        return HostileRequest(kind: "traversal", bytes: raw(method, Array(target.utf8), method == "POST" ? sameOrigin + [Self.json] : [],
                                                             body: method == "POST" ? Array("{}".utf8) : []), expectation: .refused)
    }

    static let badPathPieces = ["%", "%z", "%zz", "%00", "/../", "/%2e%2e/", "%2f", "%5c", "\\", "%c0%80", "%ff", "%1b", "%7f", "/./",
                                "%C2%85", "%e2%80%ae/.."]
    static let targetTokens = utf8Bytes(["/", "//", "..", ".", "%2e", "%2f", "%5c", "%00", "%", "%ff", "?", "#", ";", "=", "&",
                                         "one", "_sg", "fn", "island", "index.html", "é", "%C3%A9", "~", "@", ":"])

    func malformedTarget(_ random: inout SeededGenerator) -> HostileRequest {
        let mutator = Mutator(seeds: utf8Bytes(["/one/", "/three/?x=1", "/_sg/fn/echo", "/order/", "/index.html"]),
                              tokens: Self.targetTokens, maxLength: 512)
        var target = random.pick(mutator.seeds)
        for _ in 0..<random.below(4) { mutator.mutate(&target, &random) }
        // Keep it a single request-target: no spaces or line breaks (those are other kinds),
        // and no `#`: the host drops a fragment, and the defect with it.
        target = target.filter { $0 != 0x20 && $0 != 0x0D && $0 != 0x0A && $0 != UInt8(ascii: "#") }
        if target.first != 0x2F { target.insert(0x2F, at: 0) }
        let pathEnd = target.firstIndex(of: UInt8(ascii: "?")) ?? target.count
        target.insert(contentsOf: Array(random.pick(Self.badPathPieces).utf8), at: 1 + random.below(pathEnd))
        return HostileRequest(kind: "malformed-target", bytes: raw(random.pick(["GET", "HEAD", "POST"]), target), expectation: .refused)
    }

    func oversized(_ random: inout SeededGenerator) -> HostileRequest {
        let path = random.pick(["/", "/one/", "/_sg/fn/echo", "/_sg/island/slow"])
        switch random.below(5) {
        case 0:
            let value = String(repeating: random.pick(["a", "%", "é", "\u{7E}"]), count: 8_300 + random.below(40_000))
            return HostileRequest(kind: "oversized", bytes: raw("GET", Array(path.utf8), [("x-big", value)]), expectation: .refused)
        case 1:
            let headers = (0..<(17 + random.below(60))).map { ("x-h\($0)", String(repeating: "b", count: 1_000)) }
            return HostileRequest(kind: "oversized", bytes: raw("GET", Array(path.utf8), headers), expectation: .refused)
        case 2:
            let target = "/" + String(repeating: random.pick(["a", "%41", "é"]), count: 2_100 + random.below(6_000))
            return HostileRequest(kind: "oversized", bytes: raw("GET", Array(target.utf8)), expectation: .refused)
        case 3:
            let target = path + "?" + String(repeating: "q", count: 8_200 + random.below(8_000))
            return HostileRequest(kind: "oversized", bytes: raw("GET", Array(target.utf8)), expectation: .refused)
        default:
            let target = "/" + String(repeating: random.pick(["a/", "b//", "_sg/"]), count: 65 + random.below(300))
            return HostileRequest(kind: "oversized", bytes: raw("GET", Array(target.utf8)), expectation: .refused)
        }
    }

    static let functions = ["echo", "thanks", "explode", "ping", "nope", "ech0", "ECHO", "echo.json", "é"]

    func functionMethod(_ random: inout SeededGenerator) -> HostileRequest {
        let method = random.pick(["GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "post", "Post"])
        let target = "/_sg/fn/" + random.pick(Self.functions) + (random.oneIn(3) ? "?n=1&word=x" : "")
        return HostileRequest(kind: "function-method", bytes: raw(method, Array(target.utf8), sameOrigin + [Self.json],
                                                                   body: Array(#"{"n":1,"word":"x"}"#.utf8)), expectation: .refused)
    }

    func crossOrigin(_ random: inout SeededGenerator) -> HostileRequest {
        let headers: [(String, String)] = random.pick([
            [("origin", "https://evil.example")],
            [("origin", "null")],
            [("origin", "http://127.0.0.1:\(port).evil.example")],
            [("origin", "http://evil.example/127.0.0.1:\(port)")],
            [("origin", "http://127.0.0.1:\(port &+ 1)")],
            [("sec-fetch-site", "cross-site")],
            [("sec-fetch-site", "same-site"), ("origin", origin)],
            [("sec-fetch-site", "cross-site"), ("origin", origin)],
            [("origin", "127.0.0.1:\(port)")],
            [("referer", origin + "/one/")],
            [],
        ])
        let function = random.pick(["echo", "thanks", "explode"])
        let (type, body) = random.oneIn(2) ? (Self.json, #"{"n":1,"word":"x"}"#) : (Self.form, "n=1&word=x")
        return HostileRequest(kind: "cross-origin", bytes: post(function, headers + [type], Array(body.utf8)), expectation: .refused)
    }

    func contentType(_ random: inout SeededGenerator) -> HostileRequest {
        var type = random.pick(["text/plain", "application/xml", "application/json5", "multipart/mixed; boundary=x", "text/html",
                                "application/x-www-form-urlencodedX", "application/javascript", "image/png", "*/*", "json",
                                "application/json\u{0B}", "application/%6Aosn"])
        if random.oneIn(4) { type = String(decoding: (0..<(1 + random.below(30))).map { _ in UInt8(0x21 + random.below(94)) }, as: UTF8.self) }
        if BodyKindMirror(type).isSupported { type = "x-" + type }
        return HostileRequest(kind: "content-type", bytes: post(random.pick(["echo", "ping", "thanks", "explode"]),
                                                                sameOrigin + [("content-type", type)], Array(#"{"n":1,"word":"x"}"#.utf8)),
                              expectation: .refused)
    }

    static let jsonMutator = Mutator(
        seeds: utf8Bytes([#"{"n":1,"word":"x"}"#, #"{"n": 2, "word": "<script>alert(1)</script>", "extra": [1, {"a": null}]}"#]),
        tokens: utf8Bytes(["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "nul", "tru", "1e999", "-", "0x1", "'", "NaN",
                           "\u{0}", "\u{FEFF}", "//", "/*"]),
        maxLength: 2048)

    func badJSON(_ random: inout SeededGenerator) -> HostileRequest {
        var body = random.pick(Self.jsonMutator.seeds)
        repeat { Self.jsonMutator.mutate(&body, &random) } while (try? JSON.parse(body))?.objectValue != nil
        if random.oneIn(8) { body = Array(String(repeating: "[", count: 600 + random.below(5_000)).utf8) }
        let function = random.pick(["echo", "ping", "thanks", "explode"])
        return HostileRequest(kind: "bad-json", bytes: post(function, sameOrigin + [Self.json, Self.accept], body), expectation: .refused)
    }

    func badForm(_ random: inout SeededGenerator) -> HostileRequest {
        let function = random.pick(["echo", "ping", "thanks", "explode"])
        if random.oneIn(2) {
            let mutator = Mutator(seeds: utf8Bytes(["n=1&word=x", "n=2&word=caf%C3%A9+au+lait"]),
                                  tokens: utf8Bytes(["%", "%z", "%zz", "%ff", "%C3", "=", "&", "+", "%00", "%2"]), maxLength: 1024)
            var body = random.pick(mutator.seeds)
            repeat { mutator.mutate(&body, &random) } while (try? FormDecoder.urlEncoded(body)) != nil
            return HostileRequest(kind: "bad-form", bytes: post(function, sameOrigin + [Self.form], body), expectation: .refused)
        }
        let boundary = "b0und4ry"
        let good = "--\(boundary)\r\ncontent-disposition: form-data; name=\"n\"\r\n\r\n1\r\n--\(boundary)\r\n"
            + "content-disposition: form-data; name=\"word\"\r\n\r\nx\r\n--\(boundary)--\r\n"
        let mutator = Mutator(seeds: [Array(good.utf8)], tokens: utf8Bytes(["--", "\r\n", "--\(boundary)", "\r\n\r\n", "\u{FF}", ";"]),
                              maxLength: 2048)
        var body = Array(good.utf8)
        var type = "multipart/form-data; boundary=" + boundary
        switch random.below(4) {
        case 0: type = "multipart/form-data"
        case 1: type = "multipart/form-data; boundary=" + String(repeating: "x", count: 71)
        default:
            repeat { mutator.mutate(&body, &random) } while (try? FormDecoder.multipart(body, boundary: boundary)) != nil
        }
        return HostileRequest(kind: "bad-form", bytes: post(function, sameOrigin + [("content-type", type)], body), expectation: .refused)
    }

    func missingFields(_ random: inout SeededGenerator) -> HostileRequest {
        let bodies: [(String, String, String)] = [
            ("json", "{}", ""), ("json", #"{"n":"one","word":"x"}"#, ""), ("json", #"{"n":1.5,"word":"x"}"#, ""),
            ("json", #"{"n":1}"#, ""), ("json", #"{"word":"x"}"#, ""), ("json", #"{"n":1,"word":[7]}"#, ""),
            ("json", #"{"n":99999999999999999999,"word":"x"}"#, ""), ("json", #"{"n":null,"word":null}"#, ""),
            ("form", "n=&word=x", ""), ("form", "n=1", ""), ("form", "word=x", ""), ("form", "n=0x10&word=x", ""),
            ("form", "n=1e3&word=x", ""), ("form", "N=1&WORD=x", ""),
        ]
        let (kind, body, _) = random.pick(bodies)
        let type = kind == "json" ? Self.json : Self.form
        return HostileRequest(kind: "missing-fields", bytes: post("echo", sameOrigin + [type, Self.accept], Array(body.utf8)),
                              expectation: .refused)
    }

    func tooLarge(_ random: inout SeededGenerator) -> HostileRequest {
        let function = random.pick(["echo", "ping", "thanks"])
        if random.oneIn(2) {
            // Declared too large: refused before reading.
            let length = 64 * 1024 + 1 + random.below(100 * 1024 * 1024)
            return HostileRequest(kind: "too-large", bytes: raw("POST", Array(("/_sg/fn/" + function).utf8), sameOrigin + [Self.json],
                                                                body: Array("{}".utf8), length: length), expectation: .refused, truncated: true)
        }
        // Really too large: 64 KB + up to 192 KB of a JSON string.
        let body = Array((#"{"n":1,"word":""# + String(repeating: "x", count: 64 * 1024 + random.below(192 * 1024)) + #""}"#).utf8)
        return HostileRequest(kind: "too-large", bytes: post(function, sameOrigin + [Self.json], body), expectation: .refused)
    }

    func truncatedBody(_ random: inout SeededGenerator) -> HostileRequest {
        let body = Array(#"{"n":1,"word":"truncated"}"#.utf8)
        let sent = random.below(body.count)
        let length = body.count + 1 + random.below(1_000)
        return HostileRequest(kind: "truncated-body", bytes: raw("POST", Array(("/_sg/fn/" + random.pick(["echo", "ping"])).utf8),
                                                                 sameOrigin + [Self.json], body: Array(body.prefix(sent)), length: length),
                              expectation: .refused, truncated: true)
    }

    static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    static let hexDigits = Array("0123456789abcdef".utf8)

    func forgedIsland(_ random: inout SeededGenerator) -> HostileRequest {
        let parts = islandURL.components(separatedBy: "&s=")
        var arguments = Array(parts[0].components(separatedBy: "?a=")[1].utf8)
        var signature = Array(parts[1].utf8)
        var loader = "slow"
        switch random.below(7) {
        case 0:  // one hex digit of the signature changed
            let i = random.below(signature.count)
            signature[i] = random.pick(Self.hexDigits.filter { $0 != signature[i] })
        case 1:  // one character of the arguments changed
            let i = random.below(arguments.count)
            arguments[i] = random.pick(Self.base64Alphabet.filter { $0 != arguments[i] })
        case 2: signature = Array(signature.prefix(random.below(signature.count)))
        case 3: loader = random.pick(["broken", "nope", "slow2", "Slow", "%73low", "slow%00", "../fn/echo"])
        case 4:  // arguments the build never signed, with the page's signature
            arguments = Array(Base64URL.encode(Array(#"{"label":"<img src=x onerror=alert(1)>","ms":1}"#.utf8)).utf8)
        case 5: signature = Array(String(repeating: "0", count: 64).utf8)
        default: signature = signature + Array("00".utf8)
        }
        var target = "/_sg/island/" + loader + "?a=" + String(decoding: arguments, as: UTF8.self)
        if !random.oneIn(6) { target += "&s=" + String(decoding: signature, as: UTF8.self) }
        let method = random.oneIn(5) ? random.pick(["POST", "PUT", "DELETE"]) : "GET"
        return HostileRequest(kind: "forged-island", bytes: raw(method, Array(target.utf8)), expectation: .refused)
    }

    func redirectInjection(_ random: inout SeededGenerator) -> HostileRequest {
        if random.oneIn(3) {
            // The router's 308 for a folder keeps the query: it must stay encoded and on the site.
            let query = random.pick(["%0d%0aSet-Cookie:%20a=b", "//evil.example", "\\evil", "x=%E2%80%A8", "a=b%0aLocation:%20//evil",
                                     "é=ü", "x=\u{7F}"]).utf8.filter { $0 > 0x20 && $0 != 0x7F }
            let target = Array(random.pick(["/one", "/three", "/order"]).utf8) + [UInt8(ascii: "?")] + query
            return HostileRequest(kind: "redirect-injection", bytes: raw("GET", target), expectation: .sameSiteRedirect)
        }
        // A valid plain form post: the 303 goes back to the referring page, if it is ours.
        let referer = random.pick([
            origin + "//evil.example/", origin + "///evil.example", origin + "/\\evil.example", origin + "/one/%0d%0aSet-Cookie:%20a=b",
            origin + "/%2F%2Fevil.example", "https://evil.example/", "//evil.example/", "javascript:alert(1)",
            "http://127.0.0.1:\(port)@evil.example/", "http://evil.example\\@127.0.0.1:\(port)/", origin + "/one/?next=//evil.example",
            origin, origin + "?", origin + "/\u{E9}\u{2028}", "",
        ])
        let headers = [("origin", origin), ("referer", referer), Self.form]
        return HostileRequest(kind: "redirect-injection", bytes: post("echo", headers, Array("n=1&word=x".utf8)),
                              expectation: .sameSiteRedirect)
    }

    func staticMethod(_ random: inout SeededGenerator) -> HostileRequest {
        let method = random.pick(["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "get", "X"])
        let target = random.pick(["/", "/one/", "/three/", "/index.html", "/missing", "/one"])
        return HostileRequest(kind: "static-method", bytes: raw(method, Array(target.utf8), [Self.form], body: Array("a=1".utf8)),
                              expectation: .refused)
    }
}

/// The component's content-type classification (`BodyKind` in SitegenServer, which tests
/// cannot import), to keep generated "bad content types" really unsupported.
struct BodyKindMirror {
    let isSupported: Bool
    init(_ contentType: String) {
        let type = String(contentType.split(separator: ";", omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: .init(charactersIn: " \t")).lowercased()
        isSupported = ["application/x-www-form-urlencoded", "multipart/form-data", "application/json", ""].contains(type)
    }
}
