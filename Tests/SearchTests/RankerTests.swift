import KnowledgeBase
import Testing

@testable import Search
@testable import SearchIndexReader

@Suite struct RankerTests {
    let ranker = Ranker(index: TestSupport.shippedIndex)

    @Test func answersTheLostKeyQuestion() throws {
        let best = try #require(ranker.search("lose my key", limit: 3).first)
        #expect(best.id == "faq#i-lost-my-api-key-what-should-i-do")
        #expect(best.kind == .faq)
        #expect(best.path == "faq.md")
        #expect(best.answer.contains("revoke"))
    }

    /// A section's "Also asked as:" phrases are searched: a word only they hold finds it.
    @Test func findsASectionByItsAlsoAskedAsPhrase() throws {
        let folder = TestSupport.temporaryFolder("aliases")
        defer { TestSupport.remove(folder) }
        TestSupport.write(
            """
            # Errors

            ## Quota problems

            Also asked as: zorblax exceeded; out of credit

            Add credit in the billing settings.

            ## Other problems

            Zorblax is mentioned here, in the body only.
            """, to: folder + "/errors.md")
        let index = try #require(SearchIndex(bytes: IndexBuilder().build(KnowledgeBase.load(folder), key: 1)))
        let hits = Ranker(index: index).search("zorblax exceeded", limit: 3)
        #expect(hits.first?.id == "errors#quota-problems")
        #expect(hits.first?.answer.contains("Also asked as") == false)
    }

    /// The issue's own example: the printed answer is the revoke procedure, steps included.
    @Test func printsTheRevokeStepsForAKeyPushedToGitHub() throws {
        let hits = ranker.search("someone pushed our key to github", limit: AnswerSelection.depth)
        let selection = try #require(AnswerSelection(hits: hits))
        #expect(selection.answer.kind != .guide)
        #expect(selection.answer.answer.contains("1. Revoke the key"))
        #expect(!selection.seeAlso.contains { $0.id == selection.answer.id })
    }

    /// A guide ranked first is answered with its best section (whose steps are the answer), not
    /// its intro; "See also" keeps only hits close to the best score, never the same page.
    @Test func answersWithTheBestSectionOfATopRankedGuide() throws {
        let folder = TestSupport.temporaryFolder("selection")
        defer { TestSupport.remove(folder) }
        TestSupport.write(
            """
            ---
            title: Archive tool
            aliases: ["archive tool"]
            ---

            # Archive tool

            This guide covers the archive tool.

            ## Unpack an archive

            1. Run the tool with the unpack flag.
            2. Check the files.

            ## Licence

            Free software.
            """, to: folder + "/archive.md")
        TestSupport.write("# Gardening\n\nTools for a garden, not archives.\n", to: folder + "/garden.md")
        let index = try #require(SearchIndex(bytes: IndexBuilder().build(KnowledgeBase.load(folder), key: 1)))
        // By words alone the guide ranks first (its title and alias are the query); the cosine
        // would lift the section above it, and this is about what happens when it does not.
        var words = RankingParameters.standard
        words.semanticWeight = 0
        let hits = Ranker(index: index, parameters: words).search("archive tool", limit: AnswerSelection.depth)
        try #require(hits.first?.id == "archive")
        let selection = try #require(AnswerSelection(hits: hits))
        #expect(selection.answer.id == "archive#unpack-an-archive")
        #expect(selection.answer.answer.contains("2. Check the files."))
        let best = hits[0].score
        #expect(
            selection.seeAlso.allSatisfy {
                $0.score >= best * RankingParameters.standard.seeAlsoFraction(fused: hits[0].fused)
            })
        #expect(!selection.seeAlso.contains { $0.id == "archive" || $0.id == selection.answer.id })
        #expect(selection.seeAlso.count <= AnswerSelection.seeAlsoLimit)
        #expect(AnswerSelection(hits: []) == nil)
    }

    @Test func toleratesTyposInUnknownWords() throws {
        // Only the word missing from the guides is corrected; "a" is a stop word.
        let query = ranker.analyse("revokng a leaked key", forceTypos: false)
        #expect(query.words.map(\.corrected) == [true, false, false])
        #expect(query.words[0].candidates.contains { ranker.index.term($0.term) == "revok" })
        let best = try #require(ranker.search("revokng a comprimised key", limit: 1).first)
        #expect(
            best.id.hasPrefix("revoking-a-leaked-key")
                || best.id == "faq#what-should-i-do-if-my-key-might-be-compromised")
    }

    @Test func transpositionCountsAsOneEdit() {
        #expect(TypoMatcher.distance(Array("rotaet".utf8), Array("rotate".utf8), bound: 2) == 1)
        #expect(TypoMatcher.distance(Array("kye".utf8), Array("key".utf8), bound: 2) == 1)
        #expect(TypoMatcher.distance(Array("billing".utf8), Array("biling".utf8), bound: 2) == 1)
        #expect(TypoMatcher.distance(Array("abcdef".utf8), Array("uvwxyz".utf8), bound: 2) == 3)
        #expect(RankingParameters.standard.allowedEdits(forLength: 3) == 0)
        #expect(RankingParameters.standard.allowedEdits(forLength: 4) == 1)
        #expect(RankingParameters.standard.allowedEdits(forLength: 8) == 2)
    }

    /// The ranker reads its numbers from `RankingParameters`, not from constants of its own.
    @Test func ranksWithTheParametersItIsGiven() throws {
        let standard = try #require(ranker.search("how do I rotate a key", limit: 3).first)
        var flat = RankingParameters.standard
        flat.questionFAQBoost = 1
        flat.k1 = 5
        let other = try #require(
            Ranker(index: ranker.index, parameters: flat).search("how do I rotate a key", limit: 3).first)
        #expect(standard.score != other.score)
        #expect(RankingParameters() == .standard)
    }

    @Test func findsNothingForNonsenseAndSuggestsNearWords() {
        #expect(ranker.search("xyzzy plugh", limit: 5).isEmpty)
        let suggestions = Suggestions(ranker: ranker).forQuery("rotatoin skeys")
        #expect(!suggestions.isEmpty)
        for s in suggestions { #expect(!ranker.search(s, limit: 1).isEmpty, "\(s)") }
    }

    @Test func stopWordsAloneFindNothingAndDoNotDiluteAQuery() {
        #expect(ranker.search("what is it", limit: 5).isEmpty)
        let plain = ranker.search("rotate key", limit: 1).first?.id
        let wordy = ranker.search("how do I rotate my key", limit: 1).first?.id
        #expect(plain != nil)
        #expect(plain == wordy || wordy?.hasPrefix("faq#") == true)
    }

    @Test func prefersFAQEntriesForQuestions() throws {
        let query = ranker.analyse("how can I replace a key?", forceTypos: false)
        #expect(query.isQuestion)
        #expect(!ranker.analyse("replace key", forceTypos: false).isQuestion)
        let best = try #require(ranker.search("how can I replace a key?", limit: 1).first)
        #expect(best.kind == .faq)
    }

    @Test func usesSynonyms() throws {
        let best = try #require(ranker.search("misplaced my token", limit: 1).first)
        #expect(best.id == "faq#i-lost-my-api-key-what-should-i-do")
    }

    @Test func resultsAreOrderedAndLimited() {
        let hits = ranker.search("key", limit: 5)
        #expect(hits.count == 5)
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    /// A ranker over guides written to a temporary folder: `file name → Markdown`.
    func ranker(over guides: [String: String]) throws -> Ranker {
        let folder = TestSupport.temporaryFolder("ranker")
        defer { TestSupport.remove(folder) }
        for (name, text) in guides {
            if let slash = name.lastIndex(of: "/") {
                #expect(TestSupport.shell("mkdir -p '\(folder)/\(name[..<slash])'") == 0)
            }
            TestSupport.write(text, to: folder + "/" + name)
        }
        let index = try #require(SearchIndex(bytes: IndexBuilder().build(KnowledgeBase.load(folder), key: 1)))
        return Ranker(index: index)
    }

    /// Two pages with the same words: the tool the other pages mention is the one people mean.
    @Test func prefersTheToolOtherPagesMention() throws {
        let page = { (name: String) in "# \(name)\n\n> Compare two files.\n\n- Show the differences:\n\n`\(name) a b`\n"
        }
        let ranker = try ranker(over: [
            "comp.md": page("comp"), "diff.md": page("diff"),
            "patch.md": "# patch\n\n> Apply a diff to a file.\n",
            "colordiff.md": "# colordiff\n\n> Wrap diff output in colour.\n",
            "git-log.md": "# git-log\n\n> Show commits; `git log -p` adds each diff.\n",
        ])
        let hits = ranker.search("compare two files", limit: 2).map(\.path)
        #expect(hits == ["diff.md", "comp.md"])
        // Titles of several words are not names: they get no prior.
        let guide = try #require(ranker.index.unit(withID: "diff"))
        #expect(ranker.mentionPrior(unit: guide) > 1)
        #expect(Ranker(index: TestSupport.shippedIndex).mentionPrior(unit: 0) == 1)
    }

    /// The same page under several folders (tldr's platforms) is one answer: the copies step
    /// behind the next different page instead of filling the first places (without that,
    /// linux/mktemp.md scores 1.10 here and touch.md 0.66).
    @Test func aRepeatedTitleStepsBehindTheNextDifferentPage() throws {
        let mktemp = "# mktemp\n\n> Create a temporary file or folder.\n\n- Create an empty file:\n\n`mktemp`\n"
        let ranker = try ranker(over: [
            "common/mktemp.md": mktemp, "linux/mktemp.md": mktemp, "osx/mktemp.md": mktemp,
            "common/touch.md":
                "# touch\n\n> Create files and set their access times.\n\n- Create an empty file:\n\n`touch path`\n",
        ])
        let hits = ranker.search("create an empty file", limit: 4).map(\.title)
        #expect(hits.count == 4)
        #expect(hits.first == "mktemp")
        #expect(hits[1] == "touch", "the second place goes to a different page: \(hits)")
        #expect(hits.filter { $0 == "mktemp" }.count == 3, "the copies are still found")
    }

    /// A synonym bridges words, but scores no more than the word typed: the page that says
    /// "directory" beats the page that says the rarer "folder".
    @Test func synonymsScoreNoHigherThanTheTypedWord() throws {
        var guides = [
            "listing.md": "# Listing contents\n\nList what a directory holds.\n",
            "browsing.md": "# Browsing around\n\nOpen a folder and look around.\n",
        ]
        for (file, topic) in [
            ("backups.md", "Backups"), ("permissions.md", "Permissions"), ("disk-usage.md", "Disk usage"),
            ("search-paths.md", "Search paths"),
        ] {
            guides[file] = "# \(topic) explained\n\n\(topic) of a directory, in detail.\n"
        }
        let ranker = try ranker(over: guides)
        let hits = ranker.search("directory", limit: 10).map(\.path)
        let listing = try #require(hits.firstIndex(of: "listing.md"))
        let browsing = try #require(hits.firstIndex(of: "browsing.md"))
        #expect(listing < browsing)
    }
}
