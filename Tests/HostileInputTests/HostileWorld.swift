import Foundation
import Platform

/// A throwaway folder tree for one hostile case, removed when released: `guides/` (the root the
/// commands read), `outside/` (a file beside the root that nothing may read or link), `out/`
/// (where the site goes) and `scratch/` (captured output, HOME and caches).
final class HostileWorld {
    let base: String
    var guides: String { base + "/guides" }
    var outside: String { base + "/outside" }
    var outParent: String { base + "/out" }
    var site: String { outParent + "/site" }
    var scratch: String { base + "/scratch" }
    /// Text of `outside/secret.md`: found in any output, it means a file outside the root was read.
    let outsideMarker: String

    init() throws {
        base = NSTemporaryDirectory() + "kb-hostile-\(UUID().uuidString)"
        outsideMarker = "OUTSIDE" + "-ROOT-" + UUID().uuidString
        for folder in [base, guides, outside, outParent, scratch, scratch + "/home", scratch + "/cache"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // Readable by everyone, so the unreadable-file case can run as `nobody`.
            _ = Glibc.chmod(folder, 0o777)
        }
        try write("../outside/secret.md", "# Outside the root\n\n\(outsideMarker)\n")
    }

    /// Writes `relative` below `guides/` (folders created as needed).
    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: guides + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// A file name given as raw bytes (Linux allows any byte but `/` and NUL).
    func write(rawName: [UInt8], _ text: String) throws {
        let path = Array(guides.utf8) + [UInt8(ascii: "/")] + rawName + [0]
        let fd = path.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        guard fd >= 0 else { throw WorldError("cannot create a file with a raw name") }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: guides + "/" + relative, withDestinationPath: target)
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: guides + "/" + relative, withIntermediateDirectories: true)
    }

    func chmod(_ relative: String, _ mode: mode_t) {
        _ = Glibc.chmod(guides + "/" + relative, mode)
    }

    /// A file of `size` bytes that takes no disk space (a hole), for the size limit.
    func sparse(_ relative: String, size: Int) throws {
        let fd = open(guides + "/" + relative, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw WorldError("cannot create \(relative)") }
        defer { close(fd) }
        guard ftruncate(fd, off_t(size)) == 0 else { throw WorldError("cannot size \(relative)") }
    }

    deinit {
        // Make everything removable again (chmod 000 folders), then remove.
        if let walker = FileManager.default.enumerator(atPath: base) {
            for case let relative as String in walker { _ = Glibc.chmod(base + "/" + relative, 0o755) }
        }
        try? FileManager.default.removeItem(atPath: base)
    }

    struct WorldError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
