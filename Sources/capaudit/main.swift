import CapAuditCLI

// Thin entry point: everything, from parsing to the exit code, is in CapAuditCLI.
CLI.main(CLI.processArguments)
