import CapAuditKit

extension ParsedArguments {
    /// The value of `option` turned into a `T` by `parse`, nil when the option is not given; a value
    /// `parse` refuses is a usage error that says what was `expected`.
    func value<T>(_ option: String, expected: String, _ parse: (String) -> T?) throws(UsageError) -> T? {
        guard let text = value(option) else { return nil }
        guard let parsed = parse(text) else {
            throw UsageError.invalidValue(option: option, value: text, expected: expected, command: command)
        }
        return parsed
    }
}
