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

    /// `vector` as int8 values and one scale (`values[i] * scale ≈ vector[i]`), the largest
    /// magnitude mapped to 127, as the table stores its rows: a unit vector in 4 + 256 bytes
    /// instead of 1,024 (the search index stores units' vectors so).
    public static func quantized(_ vector: [Float]) -> (scale: Float, values: [Int8]) {
        var largest: Float = 0
        for value in vector where value.isFinite { largest = max(largest, abs(value)) }
        guard largest > 0 else { return (0, [Int8](repeating: 0, count: vector.count)) }
        let scale = largest / 127
        return (scale, vector.map { Int8(($0.isFinite ? $0 / scale : 0).rounded().clamped(to: -127...127)) })
    }

    /// The dot product of `query` with the int8 `values` times `scale` (`quantized`): the
    /// cosine when both were unit vectors.
    @inline(__always)
    public static func dot(_ query: UnsafeBufferPointer<Float>, _ values: UnsafePointer<Int8>, scale: Float) -> Float {
        var sum: Float = 0
        for index in 0..<query.count { sum += query[index] * Float(values[index]) }
        return sum * scale
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

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self {
        min(max(self, range.lowerBound), range.upperBound)
    }
}
