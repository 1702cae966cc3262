/// Replaces the bodies of functions that can never run with a single `unreachable`, in a
/// linked core module, so that `wasm-opt` drops what only they call.
///
/// The functions are the standard library's code for *foreign* strings: `String`s bridged
/// lazily from Objective-C's `NSString`, which hold UTF-16 or no contiguous text at all.
/// Embedded Swift has no Objective-C runtime, so no string is ever foreign (the foreign
/// discriminator comes only from `_StringObject.Nibbles.largeCocoa(providesFastUTF8: false)`,
/// which Cocoa bridging alone calls), and no index is ever marked UTF-16 (only foreign
/// paths call `_knownUTF16`, so `_slowEnsureMatchingEncoding` never runs either). Yet the
/// generic `String` code keeps a branch to each of them behind a run-time `isForeign`
/// test, and the blog's server component carried 6.7 KB of them and of what they call
/// (Benchmarks/README.md).
///
/// Should one run after all, it traps: the request fails with a 500, never with wrong
/// output. A toolchain whose standard library names them differently leaves them in place
/// (nothing matches); ``stub(_:)`` reports how many it replaced.
///
/// One function becomes empty instead: `String.makeContiguousUTF8()`, which copies a
/// foreign string into native storage and does nothing to any other (-0.7 KB).
enum UnreachableCode {
    /// Part of the site component's cache key: a component linked before this step, or
    /// with another list, is built again.
    static let version = "unreachable-code:foreign-strings-2"

    /// Whether a function, by its name in the name section, is one of the foreign-string
    /// paths: a member of the standard library's `String`, `Substring` or `_StringGuts`
    /// (mangled `$es…`, `$eSS…`, `$eSs…` in Embedded Swift) named `_foreign…` or
    /// `foreignScalarAlign`, or `_slowEnsureMatchingEncoding`.
    static func isForeignStringPath(_ name: String) -> Bool {
        guard name.hasPrefix("$es") || name.hasPrefix("$eSS") || name.hasPrefix("$eSs") else { return false }
        return name.contains("_foreign") || name.contains("18foreignScalarAlign") || name.contains("27_slowEnsureMatchingEncoding")
    }

    /// Whether a function does nothing unless a string is foreign, so that its body can
    /// be empty: `String.makeContiguousUTF8()`.
    static func isNoOpWithoutForeignStrings(_ name: String) -> Bool {
        name == "$eSS18makeContiguousUTF8yyF"
    }

    enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        var description: String {
            switch self {
            case .malformed(let what): return "the linked core module is malformed: " + what
            }
        }
    }

    /// `module` with the body of every function ``isForeignStringPath(_:)`` names replaced
    /// by `unreachable`, and of every one ``isNoOpWithoutForeignStrings(_:)`` names (if it
    /// returns nothing) emptied, and how many were replaced. Needs the module's name section
    /// (`wasm-ld` writes one unless told to strip it); without one, nothing is replaced.
    static func stub(_ module: [UInt8], where matches: (String) -> Bool = isForeignStringPath,
                     emptying empties: (String) -> Bool = isNoOpWithoutForeignStrings) throws -> (module: [UInt8], replaced: Int) {
        var reader = Reader(bytes: module)
        guard module.count >= 8, Array(module[0..<8]) == [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00] else {
            throw Failure.malformed("not a wasm core module (version 1)")
        }
        reader.offset = 8
        var sections: [(id: UInt8, header: Int, range: Range<Int>)] = []
        while reader.offset < module.count {
            let header = reader.offset
            let id = try reader.byte()
            let size = try reader.leb()
            let start = reader.offset
            guard size <= module.count - start else { throw Failure.malformed("section \(id) runs past the end") }
            sections.append((id, header, start..<(start + size)))
            reader.offset = start + size
        }

        // Function indices count imported functions first; the code section holds the rest.
        var importedFunctions = 0
        if let imports = sections.first(where: { $0.id == 2 }) {
            importedFunctions = try countImportedFunctions(module, imports.range)
        }
        let names = try functionNames(module, sections)
        guard let codeIndex = sections.firstIndex(where: { $0.id == 10 }) else { return (module, 0) }
        let stubbed = Set(names.filter { matches($0.value) }.keys.map { $0 - importedFunctions })
        var emptied = Set(names.filter { empties($0.value) }.keys.map { $0 - importedFunctions })
        if !emptied.isEmpty {
            let returning = try functionsWithResults(module, sections)
            emptied = emptied.filter { !returning.contains($0) }  // an empty body must return nothing
        }
        guard !stubbed.isEmpty || !emptied.isEmpty else { return (module, 0) }

        var code = Reader(bytes: module, offset: sections[codeIndex].range.lowerBound)
        let count = try code.leb()
        var newCode = leb(count)
        var replaced = 0
        for index in 0..<count {
            let size = try code.leb()
            guard size <= sections[codeIndex].range.upperBound - code.offset else { throw Failure.malformed("function body \(index) runs past its section") }
            if stubbed.contains(index) {
                newCode += [0x03, 0x00, 0x00, 0x0B]  // 3 bytes: no locals, unreachable, end
                replaced += 1
            } else if emptied.contains(index) {
                newCode += [0x02, 0x00, 0x0B]  // 2 bytes: no locals, end
                replaced += 1
            } else {
                newCode += leb(size) + module[code.offset..<(code.offset + size)]
            }
            code.offset += size
        }

        let section = sections[codeIndex]
        let output = Array(module[..<section.header]) + [10] + leb(newCode.count) + newCode + module[section.range.upperBound...]
        return (output, replaced)
    }

    /// The number of functions among the imports.
    private static func countImportedFunctions(_ module: [UInt8], _ range: Range<Int>) throws -> Int {
        var reader = Reader(bytes: module, offset: range.lowerBound)
        var functions = 0
        for _ in 0..<(try reader.leb()) {
            reader.offset += try reader.leb()  // module name
            reader.offset += try reader.leb()  // item name
            switch try reader.byte() {
            case 0x00: functions += 1; _ = try reader.leb()  // type index
            case 0x01: _ = try reader.byte(); try reader.limits()  // table: element type, limits
            case 0x02: try reader.limits()  // memory
            case 0x03: _ = try reader.byte(); _ = try reader.byte()  // global: value type, mutability
            case 0x04: _ = try reader.byte(); _ = try reader.leb()  // tag: attribute, type index
            case let kind: throw Failure.malformed("import kind \(kind)")
            }
        }
        return functions
    }

    /// The defined functions (numbered from 0, after the imports) whose type has results.
    private static func functionsWithResults(_ module: [UInt8], _ sections: [(id: UInt8, header: Int, range: Range<Int>)]) throws -> Set<Int> {
        guard let types = sections.first(where: { $0.id == 1 }), let functions = sections.first(where: { $0.id == 3 }) else { return [] }
        var reader = Reader(bytes: module, offset: types.range.lowerBound)
        var hasResults: [Bool] = []
        for _ in 0..<(try reader.leb()) {
            guard try reader.byte() == 0x60 else { throw Failure.malformed("a type that is not a function type") }
            try reader.valueTypes()  // parameters
            hasResults.append(try reader.valueTypes() > 0)
        }
        reader.offset = functions.range.lowerBound
        var returning = Set<Int>()
        for index in 0..<(try reader.leb()) {
            let type = try reader.leb()
            guard type < hasResults.count else { throw Failure.malformed("function \(index) has no type \(type)") }
            if hasResults[type] { returning.insert(index) }
        }
        return returning
    }

    /// Function index → name, from the `name` custom section's function names (subsection 1).
    private static func functionNames(_ module: [UInt8], _ sections: [(id: UInt8, header: Int, range: Range<Int>)]) throws -> [Int: String] {
        for section in sections where section.id == 0 {
            var reader = Reader(bytes: module, offset: section.range.lowerBound)
            let nameLength = try reader.leb()
            guard nameLength <= section.range.upperBound - reader.offset, String(decoding: module[reader.offset..<(reader.offset + nameLength)], as: UTF8.self) == "name" else { continue }
            reader.offset += nameLength
            while reader.offset < section.range.upperBound {
                let kind = try reader.byte()
                let size = try reader.leb()
                let end = reader.offset + size
                guard kind == 1 else {
                    reader.offset = end
                    continue
                }
                var names: [Int: String] = [:]
                for _ in 0..<(try reader.leb()) {
                    let index = try reader.leb()
                    let length = try reader.leb()
                    guard length <= end - reader.offset else { throw Failure.malformed("a function name runs past its subsection") }
                    names[index] = String(decoding: module[reader.offset..<(reader.offset + length)], as: UTF8.self)
                    reader.offset += length
                }
                return names
            }
        }
        return [:]
    }

    private static func leb(_ value: Int) -> [UInt8] {
        var value = UInt(value)
        var bytes: [UInt8] = []
        repeat {
            let low = UInt8(value & 0x7F)
            value >>= 7
            bytes.append(value == 0 ? low : low | 0x80)
        } while value != 0
        return bytes
    }

    /// A cursor over the module's bytes.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw Failure.malformed("unexpected end") }
            offset += 1
            return bytes[offset - 1]
        }

        /// An unsigned LEB128 of at most 5 bytes (32 bits).
        mutating func leb() throws -> Int {
            var result = 0
            var shift = 0
            while true {
                let byte = try self.byte()
                result |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
                guard shift < 35 else { throw Failure.malformed("an integer longer than 5 bytes") }
            }
        }

        /// Skips a vector of value types of one byte each (number, vector and reference
        /// types; no typed references here) and returns how many there were.
        @discardableResult
        mutating func valueTypes() throws -> Int {
            let count = try leb()
            for _ in 0..<count where ![0x7F, 0x7E, 0x7D, 0x7C, 0x7B, 0x70, 0x6F].contains(try byte()) {
                throw Failure.malformed("a value type this step does not read")
            }
            return count
        }

        mutating func limits() throws {
            let flags = try byte()
            _ = try leb()
            if flags & 1 != 0 { _ = try leb() }
        }
    }
}
