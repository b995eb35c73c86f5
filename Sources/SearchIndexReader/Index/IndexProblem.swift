/// A guides folder or `kb.yaml` that could not be used.
public struct IndexProblem: Error, Sendable {
    public var message: String

    public init(message: String) {
        self.message = message
    }
}
