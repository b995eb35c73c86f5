import Platform

/// What a static site needs to embed queries in the browser as `WordLlama` does here: the
/// JavaScript port (`Browser/wordllama.js`, compiled in with SwiftPM's `embedInCode`, which
/// generates `PackageResources`) and the table cut into the parts that script loads on demand
/// (`WordLlamaTable.browserParts`).
public enum WordLlamaBrowser {
    /// The text of `Browser/wordllama.js`, which defines `KBWordLlama.open(loadPart)`, with the
    /// rows per vector part (`WordLlamaTable.browserVectorPartRows`, its one definition) written
    /// in, and without the file's final newline.
    public static let script: [UInt8] = EmbeddedFile.splice(
        EmbeddedFile.text(PackageResources.wordllama_js),
        [("__VECTOR_PART_ROWS__", String(WordLlamaTable.browserVectorPartRows))])

    /// The built-in table's parts, in the order `KBWordLlama.open` numbers them: 0 the header
    /// and row scales, 1 the tokenizer, then `WordLlamaTable.browserVectorPartRows` rows each.
    public static var parts: [UnsafeRawBufferPointer] { WordLlama.builtIn.table.browserParts }
}
