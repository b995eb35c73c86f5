import Testing

@testable import Lint
