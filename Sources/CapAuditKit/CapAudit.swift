/// Facts about capaudit itself: its version, printed by `capaudit --version` and written into every
/// report, plan and generated file.
public enum CapAudit {
    public static let version = "0.1.0"
}
