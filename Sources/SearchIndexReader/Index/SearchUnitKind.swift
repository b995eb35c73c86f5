/// What a search unit is: a FAQ entry, a section of a guide, or a whole guide. Stored in the
/// index as one byte.
public enum SearchUnitKind: UInt8, Sendable, Hashable, CaseIterable {
    case faq = 0
    case section = 1
    case guide = 2

    public var name: String {
        switch self {
        case .faq: "faq"
        case .section: "section"
        case .guide: "guide"
        }
    }
}
