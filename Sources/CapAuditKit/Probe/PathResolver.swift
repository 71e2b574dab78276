import Foundation

/// One PATH entry tried for one command, and what was there.
public struct PathCandidate: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        case match = "executable"
        case absent = "not there"
        case directory = "a directory"
        case notExecutable = "not executable by this user"
        case notRegular = "not a regular file"
        case brokenSymlink = "a broken symlink"
        case relativeEntrySkipped = "relative PATH entry skipped"
        case sameFile = "the same file as an earlier match"
    }
    /// The PATH entry as written (empty for an empty entry).
    public var entry: String
    public var path: String
    public var outcome: Outcome

    public init(entry: String, path: String, outcome: Outcome) {
        self.entry = entry
        self.path = path
        self.outcome = outcome
    }
}

/// The result of looking a command up on PATH: every match in PATH order; the first is used, the
/// others are shadowed.
public struct PathLookup: Sendable, Equatable {
    public var command: String
    public var candidates: [PathCandidate]

    public init(command: String, candidates: [PathCandidate]) {
        self.command = command
        self.candidates = candidates
    }

    public var matches: [String] { candidates.filter { $0.outcome == .match }.map(\.path) }
    public var resolved: String? { matches.first }
    public var shadowed: [String] { Array(matches.dropFirst()) }
}

/// In-process PATH lookup with POSIX `command -v` semantics: PATH order, regular files executable
/// by this user, symlinks followed, directories skipped. No shell, no `which`.
///
/// Relative entries (empty, `.`, `bin`) resolve against the current folder, where a checked-out
/// pull request could plant a binary; they are skipped unless `allowRelative` is set.
public struct PathResolver: Sendable {
    public var searchPath: String
    public var allowRelative: Bool
    public var fileSystem: any FileSystemView

    public init(searchPath: String, allowRelative: Bool = false, fileSystem: any FileSystemView = LocalFileSystem()) {
        self.searchPath = searchPath
        self.allowRelative = allowRelative
        self.fileSystem = fileSystem
    }

    /// PATH split as POSIX does: an empty string is one empty entry; `a::b` has an empty middle entry.
    public var entries: [String] {
        searchPath.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    }

    /// Entries that would resolve against the current folder.
    public var relativeEntries: [String] {
        var seen = Set<String>()
        return entries.filter { !$0.hasPrefix("/") && seen.insert($0).inserted }
    }

    public func lookup(_ command: String) -> PathLookup {
        var candidates: [PathCandidate] = []
        var seenDirectories = Set<String>()
        var seenFiles = Set<[UInt64]>()
        for entry in entries {
            let isRelative = !entry.hasPrefix("/")
            let directory = entry.isEmpty ? "." : entry
            let path = directory.hasSuffix("/") ? directory + command : directory + "/" + command
            if isRelative && !allowRelative {
                candidates.append(PathCandidate(entry: entry, path: path, outcome: .relativeEntrySkipped))
                continue
            }
            // A directory listed twice is searched once; its copy would only repeat the first match.
            guard seenDirectories.insert(directory).inserted else { continue }
            var outcome = classify(path)
            // A second path to the same file (a merged /usr's /bin) hides nothing: not a shadowed copy.
            if outcome == .match, let identity = fileSystem.status(path)?.identity, !seenFiles.insert(identity).inserted {
                outcome = .sameFile
            }
            candidates.append(PathCandidate(entry: entry, path: path, outcome: outcome))
        }
        return PathLookup(command: command, candidates: candidates)
    }

    private func classify(_ path: String) -> PathCandidate.Outcome {
        guard let status = fileSystem.status(path) else {
            return fileSystem.isBrokenSymlink(path) ? .brokenSymlink : .absent
        }
        switch status.kind {
        case .directory: return .directory
        case .other: return .notRegular
        case .regular: return fileSystem.isExecutableByUser(path) ? .match : .notExecutable
        }
    }
}
