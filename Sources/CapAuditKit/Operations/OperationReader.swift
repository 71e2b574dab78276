import Foundation

/// Reads a tool's `operations` from the catalog, reporting every mistake with file, line, column and
/// JSON path: unknown slots, parameters no slot uses, schema keys that do not fit the type, and argv
/// words that look like a shell string.
enum OperationReader {
    static let operationKeys = [
        "id", "description", "command", "argv", "parameters", "safety", "attaches", "network", "secrets",
        "timeout", "outputCap", "env", "note",
    ]
    static let parameterKeys = [
        "type", "description", "required", "default", "enum", "pattern", "minimum", "maximum", "maxItems",
        "path", "address", "allowLeadingDash",
    ]

    /// The operations, and false when any of them had a mistake.
    static func read(_ values: [JSONValue], path: String, probeCommands: [String], reader: inout JSONReader) -> ([ToolOperation], Bool) {
        var operations: [ToolOperation] = []
        var ok = true
        var seen = Set<String>()
        for (i, value) in values.enumerated() {
            let itemPath = "\(path)[\(i)]"
            guard let operation = readOperation(value, path: itemPath, probeCommands: probeCommands, reader: &reader) else {
                ok = false
                continue
            }
            if !seen.insert(operation.id).inserted {
                reader.report("duplicate operation id \(quoted(operation.id)) in this tool", at: value.member("id"), path: "\(itemPath).id")
                ok = false
                continue
            }
            operations.append(operation)
        }
        return (operations, ok)
    }

    static func readOperation(_ value: JSONValue, path: String, probeCommands: [String], reader: inout JSONReader) -> ToolOperation? {
        guard let f = reader.object(value, path: path, required: ["id", "description", "argv", "safety"], optional: operationKeys) else { return nil }
        let before = reader.problems.count
        let id = CatalogLoader.readID(f, "id", path: path, reader: &reader)
        let description = reader.string(f, "description", path: path)
        if let description, description.contains("\n") || description.count > 300 {
            reader.report("the description must be one line of at most 300 characters", at: f["description"], path: reader.join(path, "description"))
        }
        let command = reader.string(f, "command", path: path)
        if let command, !probeCommands.contains(command) {
            reader.report(
                "\(quoted(command)) is not one of this tool's probe commands (\(probeCommands.joined(separator: ", "))); an operation runs a command the scan verified",
                at: f["command"], path: reader.join(path, "command"))
        }
        let safety = reader.parsed(
            f, "safety", path: path, as: "a safety class",
            expected: "read-only, write or destructive"
        ) { SafetyClass(rawValue: $0) }
        let attaches = reader.bool(f, "attaches", path: path) ?? false
        let network = reader.string(f, "network", path: path)
        let secrets = reader.parsed(
            f, "secrets", path: path, as: "a secrets setting",
            expected: "masked (values hidden unless --reveal-secrets) or only (listed only with --reveal-secrets)"
        ) { SecretExposure(rawValue: $0) }
        let timeout = reader.int(f, "timeout", path: path, range: 1...3600).map(Double.init) ?? ToolOperation.defaultTimeout
        let outputCap = reader.int(f, "outputCap", path: path, range: 1024...(16 << 20)) ?? ToolOperation.defaultOutputCap
        let env = reader.stringMap(f, "env", path: path) ?? [:]
        for key in env.keys where key.isEmpty || key.contains("=") || key.contains("\0") {
            reader.report("\(quoted(key)) is not a valid environment variable name", at: f["env"], path: reader.join(path, "env"))
        }
        _ = reader.string(f, "note", path: path)

        var parameters: [OperationParameter] = []
        if let p = f["parameters"] {
            let parametersPath = reader.join(path, "parameters")
            if case .object(let members, _) = p {
                var names = Set<String>()
                for (name, member) in members where !name.hasPrefix("$comment") {
                    let memberPath = reader.join(parametersPath, name)
                    guard names.insert(name).inserted else {
                        reader.report("duplicate parameter \(quoted(name))", at: member, path: memberPath)
                        continue
                    }
                    guard isParameterName(name) else {
                        reader.report(
                            "\(quoted(name)) is not a valid parameter name; use lower-case letters, digits and _ (such as \"rules_file\")",
                            at: member, path: memberPath)
                        continue
                    }
                    if let parameter = readParameter(name, member, path: memberPath, reader: &reader) { parameters.append(parameter) }
                }
            } else {
                reader.report("expected an object of parameters but found \(p.typeName)", at: p, path: parametersPath)
            }
        }

        var argv: [ArgvElement] = []
        if let items = reader.array(f, "argv", path: path, nonEmpty: true) {
            for (i, item) in items.enumerated() {
                if let element = readArgvElement(item, path: "\(reader.join(path, "argv"))[\(i)]", inGroup: false, reader: &reader) {
                    argv.append(element)
                }
            }
            checkSlots(argv, items: items, parameters: parameters, path: reader.join(path, "argv"), at: f["argv"], reader: &reader)
        }
        guard reader.problems.count == before, let id, let description, let safety else { return nil }
        return ToolOperation(
            id: id, description: description, command: command, argv: argv, parameters: parameters, safety: safety,
            attaches: attaches, network: network, secrets: secrets, timeout: timeout, outputCap: outputCap, env: env)
    }

    /// A literal word, a whole-word `{slot}`, or (at the top level) a group of them.
    static func readArgvElement(_ value: JSONValue, path: String, inGroup: Bool, reader: inout JSONReader) -> ArgvElement? {
        switch value {
        case .string(let s, _):
            if s.hasPrefix("{") && s.hasSuffix("}") && s.count > 2 {
                let name = String(s.dropFirst().dropLast())
                guard isParameterName(name) else {
                    reader.report("\(quoted(s)) is not a slot; a slot is a whole argv element such as \"{file}\"", at: value, path: path)
                    return nil
                }
                return .slot(name)
            }
            if let problem = shellProblem(s) {
                reader.report(
                    "\(quoted(s)) \(problem); write one argv element per word and a {slot} per parameter (capaudit never runs a shell)",
                    at: value, path: path)
                return nil
            }
            return .literal(s)
        case .array(let items, _):
            guard !inGroup else {
                reader.report("groups cannot be nested", at: value, path: path)
                return nil
            }
            guard !items.isEmpty else {
                reader.report("an optional group must not be empty", at: value, path: path)
                return nil
            }
            var elements: [ArgvElement] = []
            for (i, item) in items.enumerated() {
                guard let e = readArgvElement(item, path: "\(path)[\(i)]", inGroup: true, reader: &reader) else { return nil }
                elements.append(e)
            }
            let group = ArgvElement.group(elements)
            if group.slots.isEmpty {
                reader.report("an optional group needs a {slot}: it is passed only when its parameters are given", at: value, path: path)
                return nil
            }
            return group
        default:
            reader.report("expected a word, a \"{slot}\" or an optional group (an array) but found \(value.typeName)", at: value, path: path)
            return nil
        }
    }

    /// Why a literal word looks like a shell string, or nil when it is a plain word.
    static func shellProblem(_ s: String) -> String? {
        if s.isEmpty { return "is empty" }
        if s.unicodeScalars.contains(where: { CharacterSet.whitespacesAndNewlines.contains($0) || $0.value < 0x20 || $0.value == 0x7F }) {
            return "contains whitespace: it looks like a shell string"
        }
        let shellCharacters = "|;&$`<>(){}*?!'\"\\"
        if let c = s.first(where: { shellCharacters.contains($0) }) {
            return "contains '\(c)', which only means something to a shell"
        }
        return nil
    }

    /// Every slot names a parameter, every parameter has exactly one slot, and optional parameters sit in groups.
    static func checkSlots(
        _ argv: [ArgvElement], items: [JSONValue], parameters: [OperationParameter], path: String, at: JSONValue?,
        reader: inout JSONReader
    ) {
        var used: [String: Int] = [:]
        for (i, element) in argv.enumerated() {
            let location = i < items.count ? items[i] : at
            for name in element.slots {
                used[name, default: 0] += 1
                guard let parameter = parameters.first(where: { $0.name == name }) else {
                    var message = "unknown slot {\(name)}: no parameter has that name"
                    if let near = nearest(name, in: parameters.map(\.name)) {
                        message += "; did you mean {\(near)}?"
                    } else if parameters.isEmpty {
                        message += "; declare it under \"parameters\""
                    }
                    reader.report(message, at: location, path: "\(path)[\(i)]")
                    continue
                }
                if case .slot = element {
                    if parameter.type == .boolean {
                        reader.report(
                            "the boolean {\(name)} must sit in an optional group with the flag it switches on, such as [\"--recursive\", \"{\(name)}\"]",
                            at: location, path: "\(path)[\(i)]")
                    } else if !parameter.required && parameter.defaultValue == nil && parameter.type != .array {
                        reader.report(
                            "the optional {\(name)} must sit in an optional group, such as [\"--flag\", \"{\(name)}\"], or be required",
                            at: location, path: "\(path)[\(i)]")
                    }
                }
            }
        }
        for parameter in parameters {
            let count = used[parameter.name] ?? 0
            if count == 0 {
                reader.report("parameter \(quoted(parameter.name)) is not used by any {slot} of argv", at: at, path: path)
            } else if count > 1 {
                reader.report("parameter \(quoted(parameter.name)) is used by \(count) slots; each parameter fills exactly one", at: at, path: path)
            }
        }
    }

    static func readParameter(_ name: String, _ value: JSONValue, path: String, reader: inout JSONReader) -> OperationParameter? {
        guard let f = reader.object(value, path: path, required: ["type", "description"], optional: parameterKeys) else { return nil }
        let before = reader.problems.count
        let type = reader.parsed(
            f, "type", path: path, as: "a parameter type",
            expected: "string, integer, boolean or array (of strings)"
        ) { ParameterType(rawValue: $0) }
        let description = reader.string(f, "description", path: path)
        let required = reader.bool(f, "required", path: path) ?? false
        let allowed = reader.strings(f, "enum", path: path, nonEmpty: true)
        let pattern = reader.string(f, "pattern", path: path)
        if let pattern, (try? NSRegularExpression(pattern: pattern)) == nil {
            reader.report("invalid regular expression \(quoted(pattern))", at: f["pattern"], path: reader.join(path, "pattern"))
        }
        let minimum = reader.int(f, "minimum", path: path, range: Int.min / 2...Int.max / 2)
        let maximum = reader.int(f, "maximum", path: path, range: Int.min / 2...Int.max / 2)
        let maxItems = reader.int(f, "maxItems", path: path, range: 1...1000)
        let pathKind = reader.parsed(
            f, "path", path: path, as: "a path kind",
            expected: "file, directory or file-or-directory"
        ) { PathKind(rawValue: $0) }
        let address = reader.parsed(
            f, "address", path: path, as: "an address kind",
            expected: "url, host or host-port"
        ) { AddressKind(rawValue: $0) }
        let allowLeadingDash = reader.bool(f, "allowLeadingDash", path: path) ?? false

        if let type {
            func misplaced(_ key: String, _ fits: String) {
                if f[key] != nil { reader.report("\"\(key)\" applies only to \(fits) parameters, not \(type.rawValue)", at: f[key], path: reader.join(path, key)) }
            }
            if type != .string { misplaced("enum", "string"); misplaced("address", "string") }
            if type != .string && type != .array {
                misplaced("pattern", "string and array"); misplaced("path", "string and array"); misplaced("allowLeadingDash", "string and array")
            }
            if type != .integer { misplaced("minimum", "integer"); misplaced("maximum", "integer") }
            if type != .array { misplaced("maxItems", "array") }
        }
        if pathKind != nil && address != nil {
            reader.report("a parameter is a path or an address, not both", at: f["address"], path: reader.join(path, "address"))
        }
        if let minimum, let maximum, minimum > maximum {
            reader.report("minimum \(minimum) is above maximum \(maximum)", at: f["minimum"], path: reader.join(path, "minimum"))
        }
        var defaultValue: ParameterValue?
        if let d = f["default"], let type {
            let parameter = OperationParameter(
                name: name, type: type, description: description ?? "", allowed: allowed, pattern: pattern,
                minimum: minimum, maximum: maximum, maxItems: maxItems, allowLeadingDash: allowLeadingDash)
            switch ArgumentChecker.typed(d, for: parameter) {
            case .success(let v): defaultValue = v
            case .failure(let problem): reader.report("the default does not fit the parameter: \(problem.message)", at: d, path: reader.join(path, "default"))
            }
            if pathKind != nil || address != nil {
                reader.report("a path or address parameter cannot have a default: the caller names it", at: d, path: reader.join(path, "default"))
            }
        }
        guard reader.problems.count == before, let type, let description else { return nil }
        return OperationParameter(
            name: name, type: type, description: description, required: required, defaultValue: defaultValue,
            allowed: allowed, pattern: pattern, minimum: minimum, maximum: maximum, maxItems: maxItems,
            path: pathKind, address: address, allowLeadingDash: allowLeadingDash)
    }

    static func isParameterName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first), s.count <= 64 else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
