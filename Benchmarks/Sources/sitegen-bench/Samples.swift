#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Order statistics of a set of timings.
struct Samples {
    let values: [Double]

    init(_ values: [Double]) { self.values = values.sorted() }

    var min: Double { values.first ?? 0 }
    var max: Double { values.last ?? 0 }
    var median: Double {
        guard !values.isEmpty else { return 0 }
        let mid = values.count / 2
        return values.count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2
    }
}

extension Duration {
    /// The duration in microseconds, as a `Double`.
    var microseconds: Double {
        let c = components
        return Double(c.seconds) * 1e6 + Double(c.attoseconds) / 1e12
    }
}

/// `value` with `digits` digits after the point (no Foundation needed).
func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (value * scale).rounded()
    let negative = scaled < 0
    let magnitude = Int(scaled.magnitude)
    var s = String(magnitude / Int(scale))
    if digits > 0 {
        var fraction = String(magnitude % Int(scale))
        while fraction.count < digits { fraction = "0" + fraction }
        s += "." + fraction
    }
    return negative ? "-" + s : s
}

/// Writes `text` and a newline to standard error.
func printError(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
}
