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
        // SHA-256 for the lint baseline's salted hashes (Foundation on Linux has none).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
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
        // The model: guides, sections, procedures, FAQ entries, links, code blocks; and kb.yaml,
        // read once into Configuration (the only YAML the tool reads besides front matter).
        .target(name: "KnowledgeBase", dependencies: ["Platform", "CCmark", "Yams", "JSONText"]),
        // The key detector (formats, randomness, redaction) on its own, with no Foundation, so
        // that the static faq binary can link it to refuse to log a query holding a key.
        .target(name: "SecretScanning", dependencies: ["Platform"]),
        // WordLlama's word vectors and tokenizer tables (scripts/wordllama.py), compiled into the
        // binary with C23's #embed, so faq needs no file beside it after `make install`.
        .target(name: "WordLlamaData", exclude: ["wordllama.kbwl", "LICENSE.txt"]),
        // Static text embeddings: the SentencePiece tokenizer, mean pooling and cosine, on bytes,
        // with no Foundation (faq links it). Browser/ is the same in JavaScript, compiled in for
        // the site (12 KB; embedInCode generates a plain array, no Foundation, no bundle).
        .target(
            name: "Embeddings", dependencies: ["Platform", "WordLlamaData"],
            resources: [.embedInCode("Browser/wordllama.js")]),
        // Consistency checks over the model, and their reporters.
        .target(
            name: "Lint",
            dependencies: [
                "Platform", "CCmark", "KnowledgeBase", "TerminalUI", "SecretScanning",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Tokenizer, stemmer, synonyms, BM25F ranking and the binary index.
        // The read side of search: index format, ranking, query analysis. Depends on nothing
        // heavy, so faq (which links only this) starts fast; building an index is in Search.
        .target(name: "SearchIndexReader", dependencies: ["Platform", "Embeddings"]),
        // The browser engine is a real script (`Browser/search-engine.js`), compiled in.
        .target(
            name: "Search", dependencies: ["Platform", "KnowledgeBase", "SearchIndexReader", "Embeddings"],
            resources: [.embedInCode("Browser/search-engine.js")]),
        // Markdown answers rendered for a terminal.
        .target(name: "TerminalUI", dependencies: ["Platform", "CCmark"]),
        // The static HTML site.
        // The theme's CSS and JavaScript are real files under `Theme/`, compiled in.
        .target(
            name: "Site", dependencies: ["Platform", "KnowledgeBase", "Lint", "Search"],
            resources: [
                .embedInCode("Theme/kb.css"), .embedInCode("Theme/site.js"),
                .embedInCode("Theme/theme-bootstrap.js"), .embedInCode("Theme/live-reload.js"),
            ]),
        // `kb serve`: the built site over HTTP/1.1 on SwiftNIO, with timeouts, size limits and
        // live reload. Apart from Site so that nothing else links NIO.
        .target(
            name: "SiteServer",
            dependencies: [
                "Platform", "Site",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "kb",
            dependencies: [
                "Platform", "KnowledgeBase", "Lint", "Search", "SearchIndexReader", "Site", "SiteServer", "TerminalUI",
                "JSONText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "faq",
            dependencies: [
                "Platform", "SearchIndexReader", "JSONText", "TerminalUI", "SecretScanning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
            // No unsafeFlags here, so `swift build -c release` works as SwiftPM users expect and
            // the package can be a dependency: `make release` links the shipped faq (and kb)
            // fully static, with flags of its own in .build-static (see the Makefile).
        ),
        // Every stage a guide goes through, for libFuzzer (`make fuzz`) and for replaying its
        // finds (plain `swift build`: `.build/debug/KBFuzz [FOLDER...]`).
        .executableTarget(
            name: "KBFuzz", dependencies: ["Platform", "KnowledgeBase", "Lint", "Search", "Site", "TerminalUI"]),
        // What tests need beyond the package (shared corpora, node, chromium, java), as Swift
        // Testing traits: a skip shows as a skip, and in CI a missing requirement fails.
        .target(
            name: "TestRequirements", dependencies: ["Platform"], path: "Tests/TestRequirements"),
        .testTarget(name: "PlatformTests", dependencies: ["Platform", "TestRequirements"]),
        .testTarget(name: "KnowledgeBaseTests", dependencies: ["KnowledgeBase"]),
        .testTarget(
            name: "LintTests", dependencies: ["Lint", "KnowledgeBase", "SecretScanning", "TestRequirements", "Yams"]),
        .testTarget(
            name: "SearchTests",
            dependencies: [
                "Platform", "Search", "KnowledgeBase", "Embeddings", "JSONText", "TestRequirements",
            ],
            exclude: ["Fixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["Platform", "TerminalUI"]),
        .testTarget(name: "EmbeddingsTests", dependencies: ["Embeddings", "TestRequirements"], exclude: ["Fixtures"]),
        .testTarget(
            name: "SiteTests",
            dependencies: [
                "Site", "SiteServer", "KnowledgeBase", "Lint", "Search", "SearchIndexReader", "Embeddings",
                "Platform", "TestRequirements",
            ],
            exclude: ["Fixtures", "Golden"]),
        // Hostile inputs run against every command (built binaries), and the fuzzer's crashers.
        .testTarget(name: "HostileInputTests", dependencies: ["Platform", "KnowledgeBase"]),
    ]
)
