import Foundation

/// A path with its symlinks resolved one component at a time, the way the kernel does, but through a
/// `FileReading` view: inside a `--root` view an absolute link target is taken relative to the root,
/// and a link that climbs above the root is refused instead of followed.
public enum SymlinkResolution: Sendable, Equatable {
    /// Every symlink resolved. `hops` are the paths of the links followed, in order (alternatives:
    /// `/usr/bin/x`, then `/etc/alternatives/x`, before the final `/usr/lib/x/x`). The path need not exist.
    case resolved(path: String, hops: [String])
    /// The link at `link` (target `target`) leads above the root of a confined view.
    case escapesRoot(link: String, target: String)
    /// More than 40 links: a loop.
    case tooManyLinks(path: String)

    /// The final path, when resolution succeeded.
    public var path: String? {
        if case .resolved(let path, _) = self { return path }
        return nil
    }

    /// The links followed and the final path, for matching a file against package lists.
    public var chain: [String] {
        if case .resolved(let path, let hops) = self { return hops + [path] }
        return []
    }

    static let maxLinks = 40

    static func resolve(_ path: String, in view: some FileReading) -> SymlinkResolution {
        var pending = Array(components(path).reversed())
        var current: [String] = []
        var hops: [String] = []
        var linksFollowed = 0
        var lastLink: (path: String, target: String)?
        while let component = pending.popLast() {
            if component == "." { continue }
            if component == ".." {
                if current.isEmpty {
                    if view.confinesToRoot {
                        return .escapesRoot(link: lastLink?.path ?? path, target: lastLink?.target ?? path)
                    }
                    continue
                }
                current.removeLast()
                continue
            }
            let candidate = "/" + (current + [component]).joined(separator: "/")
            guard let target = view.linkTarget(candidate) else {
                current.append(component)
                continue
            }
            linksFollowed += 1
            guard linksFollowed <= maxLinks else { return .tooManyLinks(path: path) }
            hops.append(candidate)
            lastLink = (candidate, target)
            if target.hasPrefix("/") { current = [] }
            pending.append(contentsOf: components(target).reversed())
        }
        return .resolved(path: "/" + current.joined(separator: "/"), hops: hops)
    }

    static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
