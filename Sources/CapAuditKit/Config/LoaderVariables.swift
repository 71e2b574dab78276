import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Environment variables a catalog or config may not set for a probe: they make the dynamic loader,
/// libc or an interpreter load code of the file's choosing into the probed binary. `LD_` names are
/// matched against the list ld.so(8) documents (plus any `LD_` name containing PRELOAD, AUDIT or
/// LIBRARY), not by prefix alone: LaunchDarkly's CLI reads `LD_ANALYTICS_OPT_OUT`, which the loader ignores.
public enum LoaderVariables {
    static let loader: Set<String> = [
        "LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "LD_BIND_NOW", "LD_BIND_NOT", "LD_DEBUG", "LD_DEBUG_OUTPUT",
        "LD_DYNAMIC_WEAK", "LD_HWCAP_MASK", "LD_ORIGIN_PATH", "LD_PROFILE", "LD_PROFILE_OUTPUT", "LD_SHOW_AUXV",
        "LD_USE_LOAD_BIAS", "LD_VERBOSE", "LD_WARN", "LD_TRACE_LOADED_OBJECTS", "LD_TRACE_PRELINKING", "LD_POINTER_GUARD",
        "LD_ASSUME_KERNEL", "LD_LIBRARY_VERSION", "LD_PREFER_MAP_32BIT_EXEC", "LD_RUN_PATH",
    ]
    static let exact: Set<String> = [
        "GCONV_PATH", "GETCONF_DIR", "HOSTALIASES", "LOCALDOMAIN", "LOCPATH", "MALLOC_TRACE", "NIS_PATH", "NLSPATH",
        "RESOLV_HOST_CONF", "RES_OPTIONS", "TZDIR", "BASH_ENV", "ENV", "PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME",
        "PERL5LIB", "PERL5OPT", "PERLLIB", "RUBYOPT", "RUBYLIB", "NODE_OPTIONS", "NODE_PATH", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
    ]

    /// True for the loader's `LD_*` variables, `DYLD_*`, `GLIBC_TUNABLES` and the names above.
    public static func isRefused(_ name: String) -> Bool {
        if loader.contains(name) || exact.contains(name) || name.hasPrefix("DYLD_") || name.hasPrefix("GLIBC_") { return true }
        return name.hasPrefix("LD_") && ["PRELOAD", "AUDIT", "LIBRARY"].contains { name.contains($0) }
    }
}
