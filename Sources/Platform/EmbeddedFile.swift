/// Text files compiled into the binary with SwiftPM's `resources: [.embedInCode(…)]` (the
/// generated `PackageResources` holds each as `[UInt8]`): the browser engine in `Search`, the
/// query embedder in `Embeddings` (`WordLlamaBrowser`), the theme in `Site`. In `Platform` so
/// that each of those targets can splice its own script.
package enum EmbeddedFile {
    /// The file without its final newline: a text file ends with one, while the scripts and
    /// style sheet never did (the built site stays byte for byte what it was).
    package static func text(_ file: [UInt8]) -> [UInt8] {
        file.last == 0x0A ? Array(file.dropLast()) : file
    }

    /// `file` with the first occurrence of each placeholder replaced: how values that have
    /// their one definition in Swift (the ranking parameters, the index layout, the folding
    /// table, the word-vector table's part size) reach a script. A placeholder that is missing
    /// leaves the text as it is; the tests check that none is left over.
    package static func splice(_ file: [UInt8], _ replacements: [(placeholder: String, value: String)]) -> [UInt8] {
        var out = file
        for (placeholder, value) in replacements {
            let key = Array(placeholder.utf8)
            guard let at = firstIndex(of: key, in: out) else { continue }
            out.replaceSubrange(at..<(at + key.count), with: value.utf8)
        }
        return out
    }

    static func firstIndex(of key: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !key.isEmpty, bytes.count >= key.count else { return nil }
        var i = 0
        while i <= bytes.count - key.count {
            if bytes[i] == key[0] && bytes[i..<(i + key.count)].elementsEqual(key) { return i }
            i += 1
        }
        return nil
    }
}
