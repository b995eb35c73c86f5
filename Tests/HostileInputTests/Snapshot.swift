import Foundation

/// Folder listings and contents, to compare before and after a command.
enum Snapshot {
    static func names(below folder: String) -> Set<String> {
        var out: Set<String> = []
        let walker = FileManager.default.enumerator(atPath: folder)
        while let relative = walker?.nextObject() as? String { out.insert(relative) }
        return out
    }

    static func contents(below folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for relative in names(below: folder) {
            if let data = FileManager.default.contents(atPath: folder + "/" + relative) { out[relative] = data }
        }
        return out
    }

    /// Offset of the first control character a terminal acts on (C0 but newline, tab and CR;
    /// DEL; C1 as UTF-8), or nil.
    static func firstTerminalControl(in bytes: [UInt8]) -> Int? {
        for (i, b) in bytes.enumerated() {
            if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F { return i }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return i }
        }
        return nil
    }

    /// Names an interrupted atomic write would leave.
    static func looksTemporary(_ name: String) -> Bool {
        let last = (name as NSString).lastPathComponent.lowercased()
        return last.contains(".tmp") || last.contains("tmp-") || last.hasSuffix("~") || last.contains(".partial")
            || last.contains(".temp")
    }
}
