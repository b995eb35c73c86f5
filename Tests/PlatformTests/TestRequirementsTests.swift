import Platform
import TestRequirements
import Testing

/// The conditions the skipping traits read: a wrong answer would skip a gate in CI, or fail
/// every run on a laptop.
@Suite struct TestRequirementsTests {
    @Test func findsProgramsOnThePathOnly() {
        #expect(TestRequirements.program("sh")?.hasSuffix("/sh") == true)
        #expect(TestRequirements.program("kb-no-such-program-\(getpid())") == nil)
        // A folder on PATH is not a program.
        #expect(TestRequirements.program("..") == nil)
    }

    @Test func aMissingCorpusIsNil() {
        #expect(TestRequirements.corpus("no-such-corpus-\(getpid()).tar.gz") == nil)
        #expect(TestRequirements.corpusPath("x.tar.gz").hasSuffix("/shared/corpora/x.tar.gz"))
    }

    @Test func strictWhereverTheSharedFolderOrCIIs() {
        #expect(TestRequirements.strict == (getenv("CI") != nil || TestRequirements.sharedFolder != nil))
        // Corpora are strict only where ../shared is: a fresh CI root without it has none.
        #expect(TestRequirements.strictCorpora == (TestRequirements.sharedFolder != nil))
        if let shared = TestRequirements.sharedFolder { #expect(shared.hasSuffix("/shared")) }
    }
}
