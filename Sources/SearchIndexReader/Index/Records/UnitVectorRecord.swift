import Embeddings

/// A unit's WordLlama vector (`Embeddings`) in the vectors section: the unit vector of its short
/// fields (the question or heading, then its aliases and tags, or a guide's summary), which the
/// ranker fuses with BM25F so that a paraphrase sharing few words with the question still finds it.
///
/// ```
/// 0   f32        scale: component i is values[i] × scale (0: the unit has no vector)
/// 4   i8 × 256   values, the largest magnitude at ±127 (`WordLlama.quantized`)
/// ```
package struct UnitVectorRecord: IndexRecord, Equatable {
    package enum Layout {
        package static let scale = 0
        package static let values = 4
    }
    /// WordLlama's 256 dimensions (EmbeddingsTests checks the table has them).
    package static let dimensions = 256
    package static let size = 4 + dimensions

    package var scale: Float
    package var values: [Int8]

    package init(scale: Float, values: [Int8]) {
        precondition(values.count == UnitVectorRecord.dimensions)
        self.scale = scale
        self.values = values
    }

    /// The record of `vector` (a unit vector), or of no vector.
    package init(vector: [Float]?) {
        guard let vector, vector.count == UnitVectorRecord.dimensions else {
            self.init(scale: 0, values: [Int8](repeating: 0, count: UnitVectorRecord.dimensions))
            return
        }
        let (scale, values) = WordLlama.quantized(vector)
        self.init(scale: scale, values: values)
    }

    package init(reading raw: UnsafeRawBufferPointer, at offset: Int) {
        scale = Float(bitPattern: raw.littleEndianU32(at: offset + Layout.scale))
        values = (0..<UnitVectorRecord.dimensions).map {
            Int8(bitPattern: raw[offset + Layout.values + $0])
        }
    }

    package func write(to out: inout ByteBuffer) {
        out.u32(scale.bitPattern)
        for value in values { out.bytes.append(UInt8(bitPattern: value)) }
    }

    /// The cosine of `query` (a unit vector of `dimensions` floats) with the record at `offset`,
    /// read in place: the ranker's loop over thousands of units allocates nothing. 0 for a
    /// record without a vector or with a scale that is not finite (a damaged index).
    @inline(__always)
    static func cosine(_ raw: UnsafeRawBufferPointer, record offset: Int, query: UnsafeBufferPointer<Float>)
        -> Float
    {
        let scale = Float(bitPattern: raw.littleEndianU32(at: offset + Layout.scale))
        guard scale > 0, scale.isFinite else { return 0 }
        let values = (raw.baseAddress! + offset + Layout.values).assumingMemoryBound(to: Int8.self)
        return WordLlama.dot(query, values, scale: scale)
    }
}
