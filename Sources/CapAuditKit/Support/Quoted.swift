import Foundation

/// A string in double quotes with control characters escaped, safe to put in one line of an error.
public func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars.prefix(200) {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04X", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + (s.unicodeScalars.count > 200 ? "…\"" : "\"")
}
