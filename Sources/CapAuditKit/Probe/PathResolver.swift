import Foundation
import Synchronization

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
        case folderNotSearchable = "folder cannot be searched by this user (permission denied)"
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
///
/// Each PATH folder is listed once per resolver (one directory read) and only the names the catalog asks
/// for that are in the listing are `stat`ed, so a scan's lookups cost folders plus tools, not their
/// product. A folder that cannot be listed (execute-only) is looked up name by name.
public struct PathResolver: Sendable {
    public var searchPath: String
    public var allowRelative: Bool
    public var fileSystem: any FileSystemView
    /// Folder listings shared by every copy of this resolver (the scan threads look up concurrently).
    private let listings: FolderListings

    public init(searchPath: String, allowRelative: Bool = false, fileSystem: any FileSystemView = LocalFileSystem()) {
        self.searchPath = searchPath
        self.allowRelative = allowRelative
        self.fileSystem = fileSystem
        self.listings = FolderListings()
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
            if let names = listings.names(in: directory, fileSystem: fileSystem), !names.contains(command) {
                candidates.append(PathCandidate(entry: entry, path: path, outcome: .absent))
                continue
            }
            var outcome = classify(path)
            // "Not there" would be a guess: a folder without search permission hides what it holds.
            if outcome == .absent, let folder = fileSystem.status(directory), folder.kind == .directory,
                !fileSystem.isExecutableByUser(directory)
            {
                outcome = .folderNotSearchable
            }
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

/// The PATH folders listed so far, each read at most once: a listing is a snapshot taken at the first
/// lookup that needs it. Folders that could not be listed are remembered as such.
final class FolderListings: Sendable {
    private let state = Mutex<[String: Set<String>?]>([:])

    /// Number of folders actually read, for tests that prove each folder is listed once.
    var foldersRead: Int { state.withLock { $0.count } }

    func names(in directory: String, fileSystem: any FileSystemView) -> Set<String>? {
        if let known = state.withLock({ $0[directory] }) { return known }
        let listed = fileSystem.directoryEntries(directory)
        return state.withLock { table in
            if let known = table[directory] { return known }
            table[directory] = .some(listed)
            return listed
        }
    }
}
