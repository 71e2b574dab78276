import Foundation

/// Facts about `--root` scans.
public enum RootScan {
    /// Debian's default PATH for root (`/etc/login.defs` ENV_SUPATH, without the sbin folders of
    /// unprivileged users dropped): the PATH searched inside a root when `--path` is not given.
    public static let defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
}
