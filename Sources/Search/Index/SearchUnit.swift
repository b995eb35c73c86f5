import KnowledgeBase
import Platform
import SearchIndexReader

/// One thing search can answer with: a FAQ entry, a section of a guide, or a whole guide.
public struct SearchUnit: Sendable, Hashable {
    /// What the unit is; defined beside the index reader, which stores it.
    public typealias Kind = SearchUnitKind

    /// The four weighted fields, in index order.
    public enum Field: Int, CaseIterable, Sendable {
        /// The question or heading (for a guide, its title).
        case title = 0
        /// The title of the guide the unit belongs to.
        case guideTitle = 1
        /// The guide's aliases and tags; for a FAQ entry or section, its `Also asked as:`
        /// phrases (and the entry's tags).
        case aliases = 2
        case body = 3
    }

    public var kind: Kind
    /// `slug#anchor` for FAQ entries and sections, `slug` for guides: what `faq --show` takes.
    public var id: String
    /// The question, the heading, or the guide's title.
    public var title: String
    public var guideTitle: String
    /// Path relative to the guides root.
    public var path: String
    public var line: Int
    /// Empty for a guide.
    public var anchor: String
    /// Plain-text opening of the body, for result lists.
    public var snippet: String
    /// The Markdown to show as the answer.
    public var answer: String
    /// Text of each field, in `Field` order; aliases separated by newlines. A guide's summary
    /// joins its aliases: it is the one-line statement of what the guide is for (tldr's
    /// "Archiving utility."), the best match for an intent query.
    public var fields: [String]

    public init(
        kind: Kind, id: String, title: String, guideTitle: String, path: String, line: Int,
        anchor: String,
        snippet: String, answer: String, fields: [String]
    ) {
        self.kind = kind
        self.id = id
        self.title = title
        self.guideTitle = guideTitle
        self.path = path
        self.line = line
        self.anchor = anchor
        self.snippet = snippet
        self.answer = answer
        self.fields = fields
    }

    /// The units of a knowledge base, in guide order: each guide, then its FAQ entries, then its
    /// sections (headings below the title that are not FAQ questions, and not empty).
    public static func units(of kb: KnowledgeBase) -> [SearchUnit] {
        // Guides in chunks on all cores (tldr has 7,400), joined in order.
        let guides = kb.guides
        let size = 256
        let chunks = (guides.count + size - 1) / size
        if chunks <= 1 { return units(of: guides[...]) }
        let parts = Parallel.map(chunks) { c in units(of: guides[(c * size)..<min(guides.count, (c + 1) * size)]) }
        return Array(parts.joined())
    }

    /// True when `units(of:)` would hold a unit besides whole guides (an FAQ entry, or a
    /// section below the title with text of its own): the units that carry a WordLlama vector
    /// (`IndexBuilder`), so the index has a vectors section. Asked without building the units,
    /// which for tldr's 7,400 pages would be most of an index build.
    public static func includesEntriesOrSections(_ guides: [Guide]) -> Bool {
        guides.contains { guide in
            !guide.faqs.isEmpty || guide.sections.contains { $0.level > 1 && !$0.text.isEmpty }
        }
    }

    static func units(of guides: ArraySlice<Guide>) -> [SearchUnit] {
        var units: [SearchUnit] = []
        for guide in guides {
            let aliases = (guide.aliases + guide.tags).joined(separator: "\n")
            // The summary's URLs ("More information: <https://manned.org/tar>") name hosts and
            // paths, not what the guide is for; the body still has them.
            let summary = withoutURLs(guide.summary)
            let faqAnchors = Set(guide.faqs.map(\.anchor))
            var lead = guide.sections.filter { $0.level == 1 }.map(\.text).joined(separator: "\n")
            if lead.isEmpty { lead = guide.leadText }
            if lead.isEmpty { lead = guide.summary }
            let leadMarkdown = guide.sections.filter { $0.level == 1 }.map(\.body).joined(
                separator: "\n\n")
            units.append(
                SearchUnit(
                    kind: .guide, id: guide.slug, title: guide.title, guideTitle: "", path: guide.path,
                    line: guide.titleLine ?? 1, anchor: "",
                    snippet: snippet(guide.summary.isEmpty ? lead : guide.summary),
                    answer: leadMarkdown.isEmpty ? guide.summary : leadMarkdown,
                    fields: [
                        guide.title, "", aliases + (summary.isEmpty ? "" : "\n" + summary), lead,
                    ]))
            for entry in guide.faqs {
                units.append(
                    SearchUnit(
                        kind: .faq, id: guide.slug + "#" + entry.anchor, title: entry.question,
                        guideTitle: guide.title,
                        path: guide.path, line: entry.line, anchor: entry.anchor,
                        snippet: snippet(entry.answerText),
                        answer: entry.answer,
                        fields: [
                            entry.question, guide.title, (entry.aliases + entry.tags).joined(separator: "\n"),
                            entry.answerText,
                        ]))
            }
            for section in guide.sections where section.level > 1 && !faqAnchors.contains(section.anchor) {
                if section.text.isEmpty { continue }
                units.append(
                    SearchUnit(
                        kind: .section, id: guide.slug + "#" + section.anchor, title: section.heading,
                        guideTitle: guide.title, path: guide.path, line: section.line, anchor: section.anchor,
                        snippet: snippet(section.text), answer: section.body,
                        fields: [section.heading, guide.title, section.aliases.joined(separator: "\n"), section.text]))
            }
        }
        return units
    }

    /// The opening words of `text`, up to 150 bytes, on one line, without URLs (a result list
    /// shows the page's own words; the link is the result itself). Small enough that 7,000 of
    /// them fit the browser's index budget.
    static func snippet(_ text: String) -> String {
        let limit = 150
        var out: [UInt8] = []
        out.reserveCapacity(limit)
        var text = text
        text.withUTF8 { bytes in
            // Words one at a time, stopping at the limit: a body can be megabytes.
            var i = 0
            let n = bytes.count
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
            while i < n {
                while i < n && isSpace(bytes[i]) { i += 1 }
                let start = i
                while i < n && !isSpace(bytes[i]) { i += 1 }
                if start == i { break }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if isURL(word) { continue }
                let needed = out.isEmpty ? word.count : out.count + 1 + word.count
                if needed > limit {
                    if out.isEmpty {
                        // One huge word: cut it at a scalar boundary.
                        var cut = limit
                        while cut > 0 && word[cut] & 0xC0 == 0x80 { cut -= 1 }
                        out.append(contentsOf: word[0..<cut])
                    }
                    break
                }
                if !out.isEmpty { out.append(0x20) }
                out.append(contentsOf: word)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` without its URL words (blank-separated words that contain `://`).
    static func withoutURLs(_ text: String) -> String {
        text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
            .filter { !isURL(Array($0)) }
            .map { String(decoding: $0, as: UTF8.self) }
            .joined(separator: " ")
    }

    static func isURL<Bytes: RandomAccessCollection<UInt8>>(_ word: Bytes) -> Bool where Bytes.Index == Int {
        guard word.count > 3 else { return false }
        let base = word.startIndex
        for i in base...(base + word.count - 3)
        where word[i] == 0x3A && word[i + 1] == 0x2F && word[i + 2] == 0x2F {  // "://"
            return true
        }
        return false
    }
}
