// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "kb",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kb", targets: ["kb"]),
        .executable(name: "faq", targets: ["faq"]),
        .library(name: "KnowledgeBase", targets: ["KnowledgeBase"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // libcmark, the CommonMark reference parser, from Debian's libcmark-dev.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The C library, Base64, whole-buffer and atomic file writes, and the parallel loop: the
        // leaf every other target may use. It depends on no local target, and on Linux not even
        // on Foundation or Dispatch, so the static faq binary stays small and starts fast.
        .target(name: "Platform"),
        // The byte-level JSON writer, on its own so that faq can use it without the model.
        .target(name: "JSONText"),
        // The model: guides, sections, procedures, FAQ entries, links, code blocks.
        .target(name: "KnowledgeBase", dependencies: ["Platform", "CCmark", "Yams", "JSONText"]),
        // The key detector (formats, randomness, redaction) on its own, with no Foundation, so
        // that the static faq binary can link it to refuse to log a query holding a key.
        .target(name: "SecretScanning", dependencies: ["Platform"]),
        // Consistency checks over the model, and their reporters.
        .target(name: "Lint", dependencies: ["Platform", "KnowledgeBase", "Yams", "TerminalUI", "SecretScanning"]),
        // Tokenizer, stemmer, synonyms, BM25F ranking and the binary index.
        // The read side of search: index format, ranking, query analysis. Depends on nothing
        // heavy, so faq (which links only this) starts fast; building an index is in Search.
        .target(name: "SearchIndexReader", dependencies: ["Platform"]),
        .target(name: "Search", dependencies: ["Platform", "KnowledgeBase", "SearchIndexReader", "Yams"]),
        // Markdown answers rendered for a terminal.
        .target(name: "TerminalUI", dependencies: ["Platform", "CCmark"]),
        // The static HTML site.
        .target(name: "Site", dependencies: ["Platform", "KnowledgeBase", "Lint", "Search"]),
        .executableTarget(
            name: "kb",
            dependencies: [
                "Platform", "KnowledgeBase", "Lint", "Search", "Site", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "faq",
            dependencies: [
                "Platform", "SearchIndexReader", "JSONText", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A fully static release binary: no dynamic loader, no libraries to map and no
            // relocations to apply at start-up, which is most of a warm lookup's time (4.4 ms
            // of CPU per run down to 1.6 ms). kb stays dynamic: it links Foundation and ICU.
            linkerSettings: [.unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))]
        ),
        // Every stage a guide goes through, for libFuzzer (`make fuzz`) and for replaying its
        // finds (plain `swift build`: `.build/debug/KBFuzz [FOLDER...]`).
        .executableTarget(name: "KBFuzz", dependencies: ["Platform", "KnowledgeBase", "Lint", "Search", "Site", "TerminalUI"]),
        .testTarget(name: "PlatformTests", dependencies: ["Platform"]),
        .testTarget(name: "KnowledgeBaseTests", dependencies: ["KnowledgeBase"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "KnowledgeBase", "SecretScanning"]),
        .testTarget(name: "SearchTests", dependencies: ["Platform", "Search", "KnowledgeBase"], exclude: ["Fixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(
            name: "SiteTests", dependencies: ["Site", "KnowledgeBase", "Lint"], exclude: ["Fixtures", "Golden"]),
        // Hostile inputs run against every command (built binaries), and the fuzzer's crashers.
        .testTarget(name: "HostileInputTests", dependencies: ["Platform", "KnowledgeBase"]),
    ]
)
