/// A guides folder that could not be indexed (a bad `kb.yaml` is a `ConfigurationError`, read
/// before the index is built).
public struct IndexProblem: Error, Sendable {
    public var message: String

    public init(message: String) {
        self.message = message
    }
}
