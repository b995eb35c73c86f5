import KnowledgeBase
import Testing

@testable import Search

@Suite struct AnalyzerTests {
    let analyzer = Analyzer()

    @Test func mapsIrregularFormsToTheirBase() {
        #expect(analyzer.term(for: "lost") == analyzer.term(for: "lose"))
        #expect(analyzer.term(for: "losing") == analyzer.term(for: "lose"))
        #expect(analyzer.term(for: "forgot") == analyzer.term(for: "forget"))
        #expect(analyzer.term(for: "stolen") == analyzer.term(for: "steal"))
    }

    @Test func meetsBritishAndAmericanSpellings() {
        #expect(analyzer.term(for: "organisation") == analyzer.term(for: "organization"))
        #expect(analyzer.term(for: "authorised") == analyzer.term(for: "authorized"))
        #expect(analyzer.term(for: "colours") == analyzer.term(for: "colors"))
        #expect(analyzer.term(for: "analysed") == analyzer.term(for: "analyzed"))
        #expect(analyzer.term(for: "centre") == analyzer.term(for: "center"))
        #expect(analyzer.term(for: "licence") == analyzer.term(for: "license"))
        // Short words are left alone: "hour" is not "hor".
        #expect(analyzer.term(for: "hours") == "hour")
    }

    @Test func stopWordsHaveNoTerm() {
        #expect(analyzer.term(for: "the") == nil)
        #expect(analyzer.term(for: "my") == nil)
        #expect(analyzer.term(for: "key") == "key")
    }

    @Test func compoundsAndNumbersAreKeptAsWritten() {
        #expect(analyzer.term(for: "node.js", isCompound: true) == "node.js")
        #expect(analyzer.term(for: "429") == "429")
    }

    @Test func readsSynonymsFromKBYAML() throws {
        let yaml = """
            lint:
              review-max-age-days: 365
            synonyms:
              sso: [single-sign-on, saml]
              invoice: receipt
            """
        let synonyms = Synonyms(groups: try Configuration(yaml: yaml, ruleIDs: nil).synonyms.groups)
        #expect(synonyms.groups == [["invoice", "receipt"], ["sso", "single-sign-on", "saml"]])
        // "single-sign-on" is three words: groups join single terms only.
        #expect(synonyms.termGroups(analyzer: analyzer) == [["invoic", "receipt"], ["saml", "sso"]])
    }

    @Test func addsTheKnowledgeBasesGroupsAfterTheBuiltInOnes() {
        let synonyms = Synonyms(builtInAnd: SynonymsConfiguration(groups: [["sso", "saml"]]))
        #expect(synonyms.groups == Synonyms.builtIn.groups + [["sso", "saml"]])
    }
}
