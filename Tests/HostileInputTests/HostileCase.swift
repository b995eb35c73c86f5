import Testing

/// One hostile input: a guides folder built at run time (nothing huge or binary is committed),
/// and what every command must say about it.
struct HostileCase: Sendable, CustomTestStringConvertible {
    /// Short, stable name: shown in test output and the measurement lines.
    var name: String
    /// What the case attacks, for the reader of a failure.
    var about: String
    /// Strings every command's stderr must contain: the file a problem is about, with its line
    /// where there is one (`bad.md:3`).
    var mustName: [String] = []
    /// Markers of guides that must each get a page of their own when the build succeeds (two
    /// guides mapping to one output page lose one of them).
    var distinctPages: [String] = []
    /// Writes the case into a fresh world's `guides/` (a clean `normal.md` is already there).
    var make: @Sendable (HostileWorld) throws -> Void

    var testDescription: String { name }
}

extension HostileWorld {
    /// The guide every case folder starts with, so each command has something real to do (the
    /// faq query finds it) beside the hostile files.
    func writeNormalGuide() throws {
        try write(
            "normal.md",
            """
            ---
            title: Rotating a key
            summary: Replace an API key without downtime.
            tags: [keys]
            ---
            # Rotating a key

            Create the new key first, then move traffic to it.

            ## FAQ

            ### How do I rotate my key?

            Create a new key, deploy it everywhere, then revoke the old one.

            """)
    }
}
