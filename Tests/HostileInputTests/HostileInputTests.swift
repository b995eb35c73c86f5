import Testing

@Suite("Hostile inputs against every command", .serialized)
struct HostileInputTests {
    @Test("kb inspect", arguments: HostileCatalog.all)
    func inspect(_ hostile: HostileCase) throws { try HostileRun.check(.inspect, on: hostile) }

    @Test("kb inspect --json", arguments: HostileCatalog.all)
    func inspectJSON(_ hostile: HostileCase) throws { try HostileRun.check(.inspectJSON, on: hostile) }

    @Test(
        "kb lint", .enabled(if: KBCommand.lint.isAvailable, "kb lint is not built on this branch yet: skipped"),
        arguments: HostileCatalog.all)
    func lint(_ hostile: HostileCase) throws { try HostileRun.check(.lint, on: hostile) }

    @Test(
        "kb build", .enabled(if: KBCommand.build.isAvailable, "kb build is not built on this branch yet: skipped"),
        arguments: HostileCatalog.all)
    func build(_ hostile: HostileCase) throws { try HostileRun.check(.build, on: hostile) }

    @Test(
        "faq --guides",
        .enabled(if: KBCommand.faq.isAvailable, "faq --guides is not built on this branch yet: skipped"),
        arguments: HostileCatalog.all)
    func faq(_ hostile: HostileCase) throws { try HostileRun.check(.faq, on: hostile) }
}
