import Platform
import TestRequirements
import Testing

@testable import SearchIndexReader

/// The content key decides whether `faq` may answer from its cached index without reading a
/// guide, so every change a reader would notice must change it, whichever way the list of files
/// was obtained: by reading the folders, or from the listing stored beside the index.
@Suite struct ContentKeyTests {
    /// A small guides folder: Markdown at two depths, kb.yaml, and files the key ignores (a
    /// text file, a hidden folder).
    struct GuidesFolder {
        let root = TestSupport.temporaryFolder("key")
        let cache = TestSupport.temporaryFolder("key-cache")
        var listing: String { cache + "/guides.lst" }

        init() {
            _ = mkdir(root + "/cli", 0o755)
            _ = mkdir(root + "/cli/advanced", 0o755)
            _ = mkdir(root + "/.drafts", 0o755)
            TestSupport.write("# Keys\n\nRotate them.\n", to: root + "/keys.md")
            TestSupport.write("# Login\n\nUse SSO.\n", to: root + "/cli/login.md")
            TestSupport.write("# Flags\n\nAll of them.\n", to: root + "/cli/advanced/flags.md")
            TestSupport.write("title: Help\n", to: root + "/kb.yaml")
            TestSupport.write("not a guide\n", to: root + "/notes.txt")
            TestSupport.write("# Draft\n", to: root + "/.drafts/draft.md")
        }

        /// Stores the current listing whatever the folders' times (a test changes them within
        /// the same second), then waits past a timestamp tick so the change to come gets a new
        /// ctime even where timestamps are coarse.
        func storeListing() {
            let listing = FolderListing(walking: root, settleTime: Int64.min / 2)
            #expect(listing.store(at: self.listing))
            usleep(20_000)
        }

        /// The key read both ways; the test expects them to agree.
        func keys() -> (fromFolders: UInt64, fromListing: UInt64) {
            (ContentKey.forFolder(root), ContentKey.forFolder(root, listingCache: listing))
        }

        func remove() {
            TestSupport.remove(root)
            TestSupport.remove(cache)
        }
    }

    @Test func theListingCoversMarkdownAndKBYAMLButNotHiddenFoldersOrOtherFiles() {
        let folder = GuidesFolder()
        defer { folder.remove() }
        let listing = FolderListing(walking: folder.root)
        let files = listing.folders.flatMap { entry in
            entry.starts.map { start in
                let name = String(decoding: entry.names[start...].prefix { $0 != 0 }, as: UTF8.self)
                return entry.relative.isEmpty ? name : entry.relative + "/" + name
            }
        }
        #expect(files.sorted() == ["cli/advanced/flags.md", "cli/login.md", "kb.yaml", "keys.md"])
    }

    @Test func aStoredListingReadsBackEqualAndGivesTheSameKey() throws {
        let folder = GuidesFolder()
        defer { folder.remove() }
        folder.storeListing()
        let stored = try #require(FolderListing(contentsOf: folder.listing, root: folder.root))
        #expect(stored.folders == FolderListing(walking: folder.root).folders)
        #expect(stored.isCurrent())
        let keys = folder.keys()
        #expect(keys.fromListing == keys.fromFolders)
        // Another root string never takes this listing.
        #expect(FolderListing(contentsOf: folder.listing, root: folder.root + "/") == nil)
    }

    @Test func anUnchangedFolderIsNotReadAgain() throws {
        let folder = GuidesFolder()
        defer { folder.remove() }
        // A stored listing that leaves out a guide, with the folders' current stamps: used as it
        // is, it gives a different key than reading the folders — proof the reads were skipped.
        var partial = FolderListing(walking: folder.root, settleTime: Int64.min / 2)
        let root = try #require(partial.folders.firstIndex { $0.relative.isEmpty })
        partial.folders[root].names = Array("kb.yaml".utf8) + [0]
        partial.folders[root].starts = [0]
        #expect(partial.store(at: folder.listing))
        #expect(ContentKey.forFolder(folder.root, listingCache: folder.listing) != ContentKey.forFolder(folder.root))
    }

    @Test func foldersChangedWithinTheLastSecondsAreListedButNotStored() {
        let folder = GuidesFolder()
        defer { folder.remove() }
        #expect(!FolderListing(walking: folder.root).isSettled)
        let key = ContentKey.forFolder(folder.root, listingCache: folder.listing)
        #expect(key == ContentKey.forFolder(folder.root))
        #expect(access(folder.listing, F_OK) != 0)
    }

    @Test func damagedListingsAreIgnored() throws {
        let folder = GuidesFolder()
        defer { folder.remove() }
        folder.storeListing()
        let good = try #require(IndexCache.readFile(folder.listing))
        for cut in [5, good.count / 2, good.count - 1] {
            TestSupport.write(String(decoding: good.prefix(cut), as: UTF8.self), to: folder.listing)
            #expect(FolderListing(contentsOf: folder.listing, root: folder.root) == nil)
            #expect(
                ContentKey.forFolder(folder.root, listingCache: folder.listing) == ContentKey.forFolder(folder.root))
        }
    }

    /// One change to the folder, as a user or a tool would make it.
    struct Change: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var apply: @Sendable (String) -> Void
    }

    static let changes: [Change] = [
        Change(testDescription: "an edit in place keeping the size, with a new mtime") { root in
            TestSupport.write("# Login\n\nUse MFA.\n", to: root + "/cli/login.md")
            var times = [timespec(tv_sec: 1_600_000_000, tv_nsec: 0), timespec(tv_sec: 1_600_000_000, tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, root + "/cli/login.md", &times, 0)
        },
        Change(testDescription: "an edit in a nested folder") { root in
            TestSupport.write("# Flags\n\nAll of them, and more.\n", to: root + "/cli/advanced/flags.md")
        },
        Change(testDescription: "a new guide") { root in
            TestSupport.write("# Billing\n", to: root + "/cli/billing.md")
        },
        Change(testDescription: "a removed guide") { root in
            _ = unlink(root + "/cli/advanced/flags.md")
        },
        Change(testDescription: "a renamed guide") { root in
            _ = rename(root + "/cli/login.md", root + "/cli/sign-in.md")
        },
        Change(testDescription: "a guide moved to another folder") { root in
            _ = rename(root + "/cli/advanced/flags.md", root + "/cli/flags.md")
        },
        Change(testDescription: "a new folder with a guide") { root in
            _ = mkdir(root + "/api", 0o755)
            TestSupport.write("# Tokens\n", to: root + "/api/tokens.md")
        },
        Change(testDescription: "a renamed folder") { root in
            _ = rename(root + "/cli", root + "/commands")
        },
        Change(testDescription: "a changed kb.yaml") { root in
            TestSupport.write("title: Help desk\n", to: root + "/kb.yaml")
        },
    ]

    @Test(arguments: changes) func everyChangeChangesTheKeyWhicheverWayTheFilesWereListed(_ change: Change) {
        let folder = GuidesFolder()
        defer { folder.remove() }
        folder.storeListing()
        let before = folder.keys()
        #expect(before.fromListing == before.fromFolders)
        change.apply(folder.root)
        let after = folder.keys()
        #expect(after.fromFolders != before.fromFolders)
        #expect(after.fromListing == after.fromFolders)
    }

    @Test func filesTheKeyIgnoresLeaveItAlone() {
        let folder = GuidesFolder()
        defer { folder.remove() }
        let before = ContentKey.forFolder(folder.root)
        TestSupport.write("still not a guide\n", to: folder.root + "/notes.txt")
        TestSupport.write("# Another draft\n", to: folder.root + "/.drafts/other.md")
        #expect(ContentKey.forFolder(folder.root) == before)
    }

    @Test(.requires(corpus: "tldr-pages.tar.gz")) func tldrPagesGiveOneKeyWhicheverWayTheyWereListed() throws {
        let pages = try #require(TestSupport.tldrPages, "../shared/corpora/tldr-pages.tar.gz is not there")
        let cache = TestSupport.temporaryFolder("key-cache")
        defer { TestSupport.remove(cache) }
        let listing = cache + "/tldr.lst"
        let fromFolders = ContentKey.forFolder(pages)
        #expect(FolderListing(walking: pages).fileCount > 7_000)
        // Stored on the first run (unless the pages were unpacked seconds ago) and used on the
        // second; both agree with reading the folders.
        #expect(ContentKey.forFolder(pages, listingCache: listing) == fromFolders)
        guard FolderListing(walking: pages).isSettled else { return }
        let stored = try #require(FolderListing(contentsOf: listing, root: pages))
        #expect(stored.isCurrent())
        #expect(ContentKey.forFolder(pages, listingCache: listing) == fromFolders)
    }
}

@Suite struct ToolFingerprintTests {
    /// The fingerprint is taken without building joined strings; it must stay the plain
    /// definition: version, then each synonym group joined by commas, the stop words in order,
    /// and the irregular forms as "form>base" in key order.
    @Test func itHashesTheBuiltInTablesAsSpelledOut() {
        var h = ContentKey.mix(0, UInt64(IndexFormat.version))
        for group in Synonyms.builtIn.groups { h = ContentKey.mix(h, ContentKey.fnv(group.joined(separator: ","))) }
        for word in Analyzer.defaultStopWords.sorted() { h = ContentKey.mix(h, ContentKey.fnv(word)) }
        for (form, base) in Analyzer.defaultIrregularForms.sorted(by: { $0.key < $1.key }) {
            h = ContentKey.mix(h, ContentKey.fnv(form + ">" + base))
        }
        #expect(ContentKey.toolFingerprint == h)
    }
}

@Suite struct ChangeTimeTrustTests {
    /// Listings are stored only on file systems that keep folder ctimes; /proc synthesises its
    /// times, and a device no mount has is unknown.
    @Test func proceduralAndUnknownFileSystemsAreNotTrusted() {
        var st = stat()
        #expect(stat("/proc/self", &st) == 0)
        #expect(!FolderListing.keepsChangeTimes(device: UInt64(st.st_dev)))
        #expect(!FolderListing.keepsChangeTimes(device: 0xFFFF_FFFF))
    }
}
