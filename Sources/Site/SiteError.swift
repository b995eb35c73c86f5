/// Why a build stopped, for a person: names the file (and line) when there is one.
public struct SiteError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// 2 for usage and I/O problems, 1 for problems in the guides.
    public var exitCode: Int32

    public init(message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}
