/// An ordered list read as a step-by-step procedure: guides tell readers what to do in order,
/// and the site and terminal can show those steps as such.
public struct Procedure: Sendable, Codable, Hashable {
    /// The heading the list belongs to (nil before any heading).
    public var heading: String?
    public var anchor: String?
    public var line: Int
    public var steps: [Step]

    public struct Step: Sendable, Codable, Hashable {
        /// The step's plain text.
        public var text: String
        public var line: Int

        public init(text: String, line: Int) {
            self.text = text
            self.line = line
        }
    }

    public init(heading: String?, anchor: String?, line: Int, steps: [Step]) {
        self.heading = heading
        self.anchor = anchor
        self.line = line
        self.steps = steps
    }
}
