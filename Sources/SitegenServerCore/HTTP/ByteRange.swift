/// A `Range` request header (RFC 9110 section 14.2), reduced to what a static file
/// server acts on.
///
/// Only a single range is served as 206; several ranges get the whole file as 200,
/// which RFC 9110 section 14.2 allows and which spares us `multipart/byteranges`.
enum RangeRequest: Equatable {
    /// One syntactically valid range.
    case single(ByteRange)
    /// Two or more valid ranges.
    case multiple

    /// Parses a `Range` value; `nil` when it is malformed or not in `bytes`, in which
    /// case the header is ignored (RFC 9110 section 14.2: "MAY ignore").
    static func parse(_ value: [UInt8]) -> RangeRequest? {
        guard let equals = value.firstIndex(of: UInt8(ascii: "=")),
            ASCII.equalsIgnoringCase(ASCII.trimmed(value[..<equals]), "bytes")
        else { return nil }
        let specs = value[(equals + 1)...]
        var index = specs.startIndex, count = 0
        var first: ByteRange? = nil
        while let spec = ASCII.nextListElement(of: specs, from: &index) {
            guard let range = ByteRange(parsing: spec) else { return nil }
            if first == nil { first = range }
            count += 1
        }
        guard let first else { return nil }
        return count == 1 ? .single(first) : .multiple
    }
}

/// One `range-spec` of a `bytes` range.
enum ByteRange: Equatable {
    /// `first-last`, both inclusive, `first <= last`.
    case bounded(first: UInt64, last: UInt64)
    /// `first-`: from `first` to the end.
    case from(first: UInt64)
    /// `-length`: the last `length` bytes.
    case suffix(length: UInt64)

    /// Parses `a-b`, `a-` or `-n`; `nil` when malformed, including `a > b` (which RFC
    /// 9110 calls invalid, so the whole header is ignored rather than answered with 416).
    init?(parsing spec: ArraySlice<UInt8>) {
        guard let dash = spec.firstIndex(of: UInt8(ascii: "-")) else { return nil }
        let before = spec[..<dash]
        let after = spec[(dash + 1)...]
        if before.isEmpty {
            guard let length = ASCII.parseUInt64(after) else { return nil }
            self = .suffix(length: length)
        } else {
            guard let first = ASCII.parseUInt64(before) else { return nil }
            if after.isEmpty {
                self = .from(first: first)
            } else {
                guard let last = ASCII.parseUInt64(after), first <= last else { return nil }
                self = .bounded(first: first, last: last)
            }
        }
    }

    /// The bytes to send for a file of `size` bytes, or `nil` when the range is
    /// unsatisfiable (416): it starts at or past the end, or is the suffix `-0`, or the
    /// file is empty. A `last` past the end is clamped.
    func resolve(size: UInt64) -> (offset: UInt64, length: UInt64)? {
        switch self {
        case .bounded(let first, let last):
            guard first < size else { return nil }
            return (first, min(last, size - 1) - first + 1)
        case .from(let first):
            guard first < size else { return nil }
            return (first, size - first)
        case .suffix(let length):
            guard length > 0, size > 0 else { return nil }
            let clamped = min(length, size)
            return (size - clamped, clamped)
        }
    }
}
