/// WordLlama's static text embeddings: a text's vector is the mean of its tokens' vectors,
/// normalised to length 1, and two texts are as close as the cosine of their vectors (the dot
/// product of the unit vectors). No model runs: a query costs a tokenization and a few hundred
/// additions per token (EmbeddingsTests measures it).
public struct WordLlama: Sendable {
    /// The vectors and tokenizer compiled into the binary.
    public static let builtIn = WordLlama(table: .builtIn)

    public let tokenizer: SentencePieceTokenizer
    public var table: WordLlamaTable { tokenizer.table }
    /// The length of every vector (256).
    public var dimensions: Int { tokenizer.table.dimensions }

    public init(table: WordLlamaTable) {
        tokenizer = SentencePieceTokenizer(table: table)
    }

    /// The unit vector of `text`, or nil when it has no tokens (an empty text).
    public func embed(_ text: String) -> [Float]? {
        embed(tokens: tokenizer.encode(text))
    }

    /// The unit vector of UTF-8 `bytes`, or nil when they have no tokens.
    public func embed(_ bytes: UnsafeBufferPointer<UInt8>) -> [Float]? {
        embed(tokens: tokenizer.encode(bytes))
    }

    /// The normalised mean of the vectors of `tokens` (ids below `table.tokenCount`), or nil
    /// when there are none or they cancel out.
    public func embed(tokens: [UInt16]) -> [Float]? {
        guard !tokens.isEmpty else { return nil }
        let table = self.table
        var sum = [Float](repeating: 0, count: table.dimensions)
        sum.withUnsafeMutableBufferPointer { sum in
            for token in tokens where Int(token) < table.tokenCount {
                table.accumulate(token, into: sum.baseAddress!)
            }
        }
        // The mean's 1/n cancels in the normalisation, so the sum is normalised directly.
        return Self.normalized(sum)
    }

    /// `vector` scaled to length 1, or nil for the zero vector.
    public static func normalized(_ vector: [Float]) -> [Float]? {
        var squares: Float = 0
        for value in vector { squares += value * value }
        guard squares > 0, squares.isFinite else { return nil }
        let scale = 1 / squares.squareRoot()
        return vector.map { $0 * scale }
    }

    /// The cosine of two vectors of the same length (their dot product when both are unit
    /// vectors, as `embed` returns them); 0 when either is zero.
    public static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "vectors of different lengths")
        var dot: Float = 0
        var normA: Float = 0
        var normB: Float = 0
        for index in a.indices {
            dot += a[index] * b[index]
            normA += a[index] * a[index]
            normB += b[index] * b[index]
        }
        guard normA > 0, normB > 0 else { return 0 }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }
}
