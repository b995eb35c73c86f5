import KnowledgeBase
import Platform

/// Writes a report file atomically: a temporary file in the same folder, flushed, then renamed
/// over the target, so a CI step that reads the file never sees half a report.
public enum ReportFile {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): error: \(message)" }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        do {
            try FileOutput.writeAtomically(bytes, to: path)
        } catch {
            throw Failure(path: path, message: "cannot write: \(error.reason)")
        }
    }
}
