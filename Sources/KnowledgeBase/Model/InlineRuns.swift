/// The literal text of a guide's paragraphs and headings, piece by piece as cmark parsed it,
/// each piece with the source offset it starts at: what lint's `realistic-secret` rule joins
/// to see a key the way a reader does (`**sk_live_…**`, `sk_live_ab*cd*ef`, a link's text).
///
/// Recorded during the loader's own walk over cmark's tree (`GuideParser(inlineRuns: true)`),
/// so lint reads each guide with cmark once; faq and the search index do not ask for it and
/// do not pay for it. Offsets are bytes of `Guide.source`. The events are cmark's, resolved
/// to offsets and nothing more: how they are aligned with the source is the linter's business.
public struct InlineRuns: Sendable, Codable, Hashable {
    public enum Event: Sendable, Codable, Hashable {
        /// A paragraph or heading starts at this source offset.
        case blockStart(Int)
        /// The paragraph or heading ends.
        case blockEnd
        /// A text node (escapes and references resolved) or a code span (`isCode`, kept as
        /// written): bytes `bytes` of `literals`, its first byte at source offset `start`.
        case literal(bytes: Range<Int>, start: Int, isCode: Bool)
        /// A soft line break (a paragraph continued on the next line).
        case softBreak
        /// A hard line break.
        case lineBreak
        /// Source the reader does not see as text (a link's destination and title, an inline
        /// HTML tag) ends before this offset.
        case skip(to: Int)
    }

    /// Every literal's bytes, one after another.
    public var literals: [UInt8] = []
    public var events: [Event] = []

    public init() {}
}
