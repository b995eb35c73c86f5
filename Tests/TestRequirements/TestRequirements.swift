import Platform

// Testing is on the module path only where tests are built; a plain `swift build -c release`
// builds every target, this one included, and has no Testing to import. The traits exist only
// where tests can use them.
#if canImport(Testing)
    import Testing
#endif

/// What some tests need beyond the package: the shared corpora (`../shared/corpora`) and
/// programs (node, chromium, java). Each test names its needs with a trait,
/// `@Test(.requires(program: "node"))`, so that on a laptop without them it shows as skipped,
/// with the reason, instead of printing a line and passing.
///
/// Where nothing may be skipped (for programs: `CI` is set or `../shared` is present, as on
/// the CI and development machines, where `make test-deps` installs them; for corpora:
/// `../shared` is present) the trait lets the test run, and the test fails on the missing input with `#require`: a gate that silently
/// stops running is worse than one that fails.
public enum TestRequirements {
    /// The package root, from this file's path (`Tests/TestRequirements/…`).
    public static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// `shared` beside the package (CI, the main checkout) or one level further up (a worktree
    /// nested a level deeper), or nil.
    public static let sharedFolder: String? = {
        ["/../shared", "/../../shared"].map { packageRoot + $0 }.first { isDirectory($0) }
    }()

    /// True where a missing program must fail rather than skip: `make test-deps` installs the
    /// programs on CI and development machines.
    public static var strict: Bool { getenv("CI") != nil || sharedFolder != nil }

    /// True where a missing corpus must fail rather than skip: wherever `../shared` is. A CI
    /// run on a checkout with no `../shared` beside it (a fresh root) has no corpora to miss.
    public static var strictCorpora: Bool { sharedFolder != nil }

    /// The path of `../shared/corpora/<file>` when it is there and readable, else nil.
    public static func corpus(_ file: String) -> String? {
        guard let sharedFolder else { return nil }
        let path = sharedFolder + "/corpora/" + file
        return access(path, R_OK) == 0 ? path : nil
    }

    /// Where `corpus(file)` would be: for messages, and for tests that report the absence.
    public static func corpusPath(_ file: String) -> String {
        (sharedFolder ?? packageRoot + "/../shared") + "/corpora/" + file
    }

    /// The full path of the executable `name` on `PATH`, else nil.
    public static func program(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = folder + "/" + name
            if access(candidate, X_OK) == 0, !isDirectory(candidate) { return candidate }
        }
        return nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}

#if canImport(Testing)
    extension Trait where Self == ConditionTrait {
        /// Runs the test when `../shared/corpora/<file>` is there, or where nothing may be skipped.
        public static func requires(corpus file: String) -> Self {
            .enabled(
                if: TestRequirements.corpus(file) != nil || TestRequirements.strictCorpora,
                Comment(rawValue: "needs ../shared/corpora/\(file)"))
        }

        /// Runs the test when `name` is on `PATH`, or where nothing may be skipped.
        public static func requires(program name: String) -> Self {
            .enabled(
                if: TestRequirements.program(name) != nil || TestRequirements.strict,
                Comment(rawValue: "needs \(name) on PATH (make test-deps installs it)"))
        }

        /// Runs the test when `present()` holds, or where nothing may be skipped: for needs that
        /// are neither a corpus nor a program (a jar inside a Python package).
        public static func requires(_ what: String, present: @escaping @Sendable () -> Bool) -> Self {
            .enabled(if: present() || TestRequirements.strict, Comment(rawValue: "needs \(what)"))
        }
    }
#endif
