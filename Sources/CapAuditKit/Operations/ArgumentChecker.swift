import Foundation

/// Arguments that do not fit an operation's parameter schema (a JSON-RPC invalid-params error).
public struct ArgumentProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Checks call arguments against an operation's typed parameters: types, enum, pattern, range,
/// length, unknown and missing arguments. Policy (paths, addresses, leading dashes) is `CallGuard`'s.
public enum ArgumentChecker {
    /// The typed value of every given (or defaulted) parameter.
    public static func check(_ arguments: [String: JSONValue], for operation: ToolOperation) -> Result<[String: ParameterValue], ArgumentProblem> {
        var values: [String: ParameterValue] = [:]
        for name in arguments.keys.sorted() where operation.parameter(name) == nil {
            var message = "unknown argument \(quoted(name)) for \(operation.id)"
            let names = operation.parameters.map(\.name)
            if let near = nearest(name, in: names) {
                message += "; did you mean \(quoted(near))?"
            } else {
                message += names.isEmpty ? "; it takes no arguments" : "; it takes \(names.joined(separator: ", "))"
            }
            return .failure(ArgumentProblem(message))
        }
        for parameter in operation.parameters {
            let given = arguments[parameter.name].flatMap { value -> JSONValue? in
                if case .null = value { return nil } // JSON null means "not given"
                return value
            }
            guard let value = given else {
                if let d = parameter.defaultValue {
                    values[parameter.name] = d
                } else if parameter.required {
                    return .failure(ArgumentProblem("missing required argument \(quoted(parameter.name)): \(parameter.description)"))
                }
                continue
            }
            switch typed(value, for: parameter) {
            case .success(let v): values[parameter.name] = v
            case .failure(let p): return .failure(p)
            }
        }
        return .success(values)
    }

    /// One value checked against its parameter's type and schema constraints.
    public static func typed(_ value: JSONValue, for parameter: OperationParameter) -> Result<ParameterValue, ArgumentProblem> {
        let name = quoted(parameter.name)
        switch (parameter.type, value) {
        case (.string, .string(let s, _)):
            if let p = checkString(s, parameter) { return .failure(p) }
            if let allowed = parameter.allowed, !allowed.contains(s) {
                return .failure(ArgumentProblem("\(name) must be one of \(allowed.joined(separator: ", ")), not \(quoted(s))"))
            }
            return .success(.string(s))
        case (.integer, .number(let d, let text, _)):
            guard d == d.rounded(), abs(d) < 1e15 else { return .failure(ArgumentProblem("\(name) must be an integer, not \(text)")) }
            let i = Int(d)
            if let min = parameter.minimum, i < min { return .failure(ArgumentProblem("\(name) must be at least \(min), not \(i)")) }
            if let max = parameter.maximum, i > max { return .failure(ArgumentProblem("\(name) must be at most \(max), not \(i)")) }
            return .success(.integer(i))
        case (.boolean, .bool(let b, _)):
            return .success(.boolean(b))
        case (.array, .array(let items, _)):
            let limit = parameter.maxItems ?? 100
            guard items.count <= limit else { return .failure(ArgumentProblem("\(name) takes at most \(limit) items, not \(items.count)")) }
            var strings: [String] = []
            for item in items {
                guard case .string(let s, _) = item else { return .failure(ArgumentProblem("\(name) must be an array of strings; found \(item.typeName) in it")) }
                if let p = checkString(s, parameter) { return .failure(p) }
                strings.append(s)
            }
            return .success(.strings(strings))
        default:
            let expected = ["string": "a string", "integer": "an integer", "boolean": "true or false", "array": "an array of strings"][parameter.type.rawValue]!
            return .failure(ArgumentProblem("\(name) must be \(expected), not \(value.typeName)"))
        }
    }

    static func checkString(_ s: String, _ parameter: OperationParameter) -> ArgumentProblem? {
        let name = quoted(parameter.name)
        if s.isEmpty { return ArgumentProblem("\(name) must not be empty") }
        if s.utf8.count > OperationParameter.maxLength { return ArgumentProblem("\(name) is longer than \(OperationParameter.maxLength) bytes") }
        if s.contains("\0") { return ArgumentProblem("\(name) contains a NUL character") }
        if let pattern = parameter.pattern {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                let match = regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)),
                match.range == NSRange(s.startIndex..., in: s)
            else {
                return ArgumentProblem("\(name) must match \(pattern); \(quoted(s)) does not")
            }
        }
        return nil
    }
}
