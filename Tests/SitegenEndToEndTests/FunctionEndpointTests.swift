import Foundation
import Testing

/// `POST /_sg/fn/<name>` on `wasmtime serve`: the three body encodings, progressive
/// enhancement (a plain form post gets a 303), the CSRF check, and typed errors with a
/// body that says what is wrong. Functions of `Tests/Fixtures/ComponentSites/streaming`:
/// `echo` (needs an integer `n` and a `word`), `thanks` (redirects), `explode` (a server
/// error) and `ping` (public: no origin check).
@Suite("Server function endpoints", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct FunctionEndpointTests {
    static let json = ("content-type", "application/json")
    static let form = ("content-type", "application/x-www-form-urlencoded")

    /// The headers a same-origin `fetch` sends.
    static func sameOrigin(_ server: ServerProcess) -> [(String, String)] {
        [("origin", "http://127.0.0.1:\(server.port)"), ("sec-fetch-site", "same-origin")]
    }

    static func post(_ server: ServerProcess, _ name: String, _ headers: [(String, String)], _ body: String) throws -> HTTPResponse {
        try server.request("POST", "/_sg/fn/" + name, headers, body: Array(body.utf8))
    }

    /// The response body as a JSON object.
    static func object(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    @Test("JSON, url-encoded and multipart bodies reach the function")
    func encodings() throws {
        let site = try StreamingSite.built()
        try withWasmtime(site) { server in
            let origin = Self.sameOrigin(server)
            let boundary = "----sitegen7MA4YWxk"
            let multipart = "--\(boundary)\r\ncontent-disposition: form-data; name=\"n\"\r\n\r\n3\r\n"
                + "--\(boundary)\r\ncontent-disposition: form-data; name=\"word\"\r\n\r\nmulti part\r\n--\(boundary)--\r\n"
            let cases: [(String, (String, String), String, Int)] = [
                ("json", Self.json, #"{"n": 1, "word": "hi"}"#, 1),
                ("url-encoded", Self.form, "n=2&word=caf%C3%A9+au+lait", 2),
                ("multipart", ("content-type", "multipart/form-data; boundary=\(boundary)"), multipart, 3),
            ]
            for (label, type, body, n) in cases {
                // `accept: application/json` is how a fetch call asks for JSON instead of a 303.
                let response = try Self.post(server, "echo", origin + [type, ("accept", "application/json")], body)
                let answer = Self.object(response)
                #expect(response.status == 200, "\(label): \(response.summary) \(response.text)")
                #expect(response.header("content-type") == "application/json", "\(label)")
                #expect(response.header("cache-control") == "no-store", "\(label)")
                #expect(answer["n"] as? Int == n, "\(label): \(response.text)")
                #expect(["hi", "café au lait", "multi part"].contains(answer["word"] as? String ?? ""), "\(label): \(response.text)")
            }
        }
    }

    @Test("a form post without JavaScript gets a 303 back to its page, or where the function says")
    func progressiveEnhancement() throws {
        let site = try StreamingSite.built()
        try withWasmtime(site) { server in
            let page = "http://127.0.0.1:\(server.port)/one/"
            // What a browser sends for <form method=post> on /one/.
            let browser = [("origin", "http://127.0.0.1:\(server.port)"), ("referer", page), Self.form,
                           ("accept", "text/html,application/xhtml+xml")]
            let back = try Self.post(server, "echo", browser, "n=1&word=hi")
            #expect(back.status == 303, "\(back.summary)")
            #expect(back.header("location") == "/one/", "\(back.summary)")
            #expect(back.body.isEmpty)

            let chosen = try Self.post(server, "thanks", browser, "")
            #expect(chosen.status == 303 && chosen.header("location") == "/one/?thanks=1", "\(chosen.summary)")

            // A referer on another site is not followed: the post comes back to the home page.
            var foreign = browser
            foreign[1] = ("referer", "https://evil.example/phish")
            let home = try Self.post(server, "echo", foreign, "n=1&word=hi")
            #expect(home.status == 303 && home.header("location") == "/", "\(home.summary)")

            // A form with bad input gets a small HTML page naming the problem, not JSON.
            let bad = try Self.post(server, "echo", browser, "n=many&word=hi")
            #expect(bad.status == 400, "\(bad.summary)")
            #expect(bad.header("content-type") == "text/html; charset=utf-8", "\(bad.summary)")
            #expect(bad.text.contains("the field &#39;n&#39; must be an integer") || bad.text.contains("the field 'n' must be an integer"),
                    "\(bad.text)")
        }
    }

    @Test("cross-origin and unattributed posts are refused with 403; public functions are not")
    func csrf() throws {
        let site = try StreamingSite.built()
        try withWasmtime(site) { server in
            let refused: [(String, [(String, String)])] = [
                ("a foreign Origin", [("origin", "https://evil.example")]),
                ("a foreign Origin on another port", [("origin", "http://127.0.0.1:1")]),
                ("Sec-Fetch-Site: cross-site", [("sec-fetch-site", "cross-site")]),
                ("Origin: null", [("origin", "null")]),
                ("neither Origin nor Sec-Fetch-Site", []),
            ]
            for (label, headers) in refused {
                let response = try Self.post(server, "echo", headers + [Self.json], #"{"n": 1, "word": "hi"}"#)
                #expect(response.status == 403, "\(label): \(response.summary) \(response.text)")
                #expect(response.header("content-type") == "application/json", "\(label)")
                #expect((Self.object(response)["error"] as? String)?.isEmpty == false, "\(label): \(response.text)")
            }
            let ping = try Self.post(server, "ping", [("origin", "https://elsewhere.example"), Self.json], "{}")
            #expect(ping.status == 200 && Self.object(ping)["pong"] as? Bool == true, "\(ping.summary) \(ping.text)")
        }
    }

    @Test("malformed and unacceptable requests get a 4xx whose body names the problem")
    func typedErrors() throws {
        let site = try StreamingSite.built()
        try withWasmtime(site) { server in
            let origin = Self.sameOrigin(server)
            // (label, function, headers, body, status, text the error must contain, field)
            let cases: [(String, String, [(String, String)], String, Int, String, String?)] = [
                ("malformed JSON", "echo", [Self.json], #"{"n": 1, "word": "#, 400, "malformed", nil),
                ("JSON that is not an object", "echo", [Self.json], "[1, 2]", 400, "must be an object", nil),
                ("a missing field", "echo", [Self.json], #"{"word": "hi"}"#, 400, "'n' is missing", "n"),
                ("a mistyped field", "echo", [Self.json], #"{"n": "many", "word": "hi"}"#, 400, "'n' must be an integer", "n"),
                ("a bad percent escape", "echo", [Self.form], "n=1&word=%zz", 400, "invalid percent escape", nil),
                ("multipart without a boundary", "echo", [("content-type", "multipart/form-data")], "x", 400, "multipart boundary is missing", nil),
                ("an unsupported content type", "echo", [("content-type", "text/plain")], "n=1", 415, "unsupported content type", nil),
                ("an unknown function", "ecko", [Self.json], "{}", 404, "did you mean 'echo'", nil),
            ]
            for (label, name, headers, body, status, message, field) in cases {
                let response = try Self.post(server, name, origin + headers + [("accept", "application/json")], body)
                let answer = Self.object(response)
                let context = Comment(rawValue: "\(label): \(response.summary) \(response.text)")
                #expect(response.status == status, context)
                #expect(response.header("content-type") == "application/json", context)
                let error = answer["error"] as? String ?? ""
                #expect(!error.isEmpty && error.contains(message), context)
                if let field { #expect(answer["field"] as? String == field, context) }
            }

            let get = try server.get("/_sg/fn/echo")
            #expect(get.status == 405 && get.header("allow") == "POST", "\(get.summary)")

            // Over the 64 KiB cap ([server] max_body_bytes' default).
            let big = "n=1&word=" + String(repeating: "a", count: 70 * 1024)
            let tooLarge = try Self.post(server, "echo", origin + [Self.form, ("accept", "application/json")], big)
            #expect(tooLarge.status == 413, "\(tooLarge.summary) \(tooLarge.text)")
        }
    }

    @Test("a failing function is a 500 with an error id; the details only reach the log")
    func serverError() throws {
        let site = try StreamingSite.built()
        try withWasmtime(site) { server in
            let response = try Self.post(server, "explode", Self.sameOrigin(server) + [Self.json], "{}")
            let answer = Self.object(response)
            #expect(response.status == 500, "\(response.summary)")
            let id = try #require(answer["id"] as? String, "\(response.text)")
            #expect(!response.text.contains("secret detail"), "\(response.text)")
            #expect(server.log.contains("secret detail 4242") && server.log.contains(id), Comment(rawValue: server.logComment))
            // The instance that failed does not take the server down.
            #expect(try server.get("/").status == 200)
        }
    }
}
