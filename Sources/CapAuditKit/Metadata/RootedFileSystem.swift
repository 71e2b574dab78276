import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The filesystem of an unpacked image, chroot or mounted node root (`--root DIR`), seen from inside:
/// `/usr/bin/gh` means `DIR/usr/bin/gh`; symlinks are resolved inside DIR (an absolute target is
/// relative to DIR) and a link that climbs above DIR is refused, never followed. Nothing in DIR is
/// ever executed, so "executable" means "has an execute bit".
public struct RootedFileSystem: FileSystemView, FileReading {
    /// The root folder on the host, without a trailing slash (`/` stays `/`).
    public let root: String

    public init(root: String) {
        var r = root
        while r.count > 1 && r.hasSuffix("/") { r.removeLast() }
        self.root = r
    }

    public var confinesToRoot: Bool { true }

    /// The host path of a view path whose components are already resolved.
    func hostPath(_ viewPath: String) -> String {
        let inside = viewPath.hasPrefix("/") ? viewPath : "/" + viewPath
        return root == "/" ? inside : root + inside
    }

    /// The host path of a view path after resolving its symlinks inside the root; nil when a link
    /// escapes the root or loops.
    public func resolvedHostPath(_ viewPath: String) -> String? {
        resolve(viewPath).path.map(hostPath)
    }

    public func linkTarget(_ path: String) -> String? { HostFile.link(hostPath(path)) }

    public func readBytes(_ path: String, offset: UInt64, count: Int) -> [UInt8]? {
        guard let host = resolvedHostPath(path) else { return nil }
        return HostFile.read(host, offset: offset, count: count, noFollow: true)
    }

    public func fileSize(_ path: String) -> UInt64? {
        guard let host = resolvedHostPath(path), HostFile.link(host) == nil else { return nil }
        return HostFile.size(host)
    }

    public func folderEntries(_ path: String) -> [String]? {
        guard let host = resolvedHostPath(path), HostFile.link(host) == nil else { return nil }
        return HostFile.entries(host)
    }

    /// The folder's names for PATH lookup (listed once per folder).
    public func directoryEntries(_ path: String) -> Set<String>? {
        folderEntries(path).map(Set.init)
    }

    public func status(_ path: String) -> FileStatus? {
        guard case .resolved(let resolved, _) = resolve(path) else { return nil }
        var st = stat()
        guard lstat(hostPath(resolved), &st) == 0 else { return nil }
        let type = st.st_mode & S_IFMT
        let kind: FileStatus.Kind = type == S_IFREG ? .regular : (type == S_IFDIR ? .directory : .other)
        let isLink = lexicalParentResolved(path).flatMap(linkTarget) != nil
        return FileStatus(
            kind: kind, mode: UInt32(st.st_mode & 0o7777), isSymlink: isLink,
            identity: [UInt64(st.st_dev), UInt64(st.st_ino)])
    }

    /// The path with its parent folders resolved and its last component kept (what `lstat` looks at).
    private func lexicalParentResolved(_ path: String) -> String? {
        let parts = SymlinkResolution.components(path)
        guard let last = parts.last else { return nil }
        let parent = "/" + parts.dropLast().joined(separator: "/")
        guard let resolvedParent = resolve(parent).path else { return nil }
        return resolvedParent == "/" ? "/" + last : resolvedParent + "/" + last
    }

    public func isBrokenSymlink(_ path: String) -> Bool {
        switch resolve(path) {
        case .escapesRoot, .tooManyLinks: return true
        case .resolved(let resolved, let hops):
            var st = stat()
            return !hops.isEmpty && lstat(hostPath(resolved), &st) != 0
        }
    }

    public func isExecutableByUser(_ path: String) -> Bool {
        guard let status = status(path) else { return false }
        return status.kind == .regular && status.mode & 0o111 != 0
    }

    /// Relative PATH entries of a root scan would resolve against the root.
    public func currentDirectory() -> String { "/" }

    /// Why a path cannot be used, when a symlink on the way leaves the root or loops.
    public func refusal(_ path: String) -> String? {
        switch resolve(path) {
        case .escapesRoot(let link, let target):
            return "\(link) links to \(target), which leads outside the root \(root); capaudit does not follow it"
        case .tooManyLinks:
            return "\(path) has more than \(SymlinkResolution.maxLinks) symlinks on the way (a loop)"
        case .resolved:
            return nil
        }
    }
}
