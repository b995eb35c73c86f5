import Testing

@testable import KnowledgeBase
