import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import Site

/// `kb serve`: serves the built site over HTTP/1.1 on 127.0.0.1 with SwiftNIO, rebuilds it
/// when a guide changes (polling modification times every half second) and makes open pages
/// reload through a script that polls `/__kb/version`.
///
/// One event loop serves every connection, so idle keep-alive connections cost nothing but a
/// file descriptor (the hand-written server it replaces gave each connection a blocking thread,
/// and 8 idle ones delayed a page by 5 s). What each request may take is set by
/// ``DevServerLimits``; what it answers is ``SiteResponder``'s.
public final class DevServer: Sendable {
    public let guidesRoot: String
    public let siteFolder: String
    public let limits: DevServerLimits
    /// Runs a build and says whether it succeeded; called at start and after each change.
    let rebuild: @Sendable () -> Bool

    private struct BuildState {
        var version = 0
        var lastBuildFailed = false
        var watched: [GuideWatch.Entry] = []
    }

    /// What a running server holds, to be released by ``stop()``.
    private struct Running {
        var group: MultiThreadedEventLoopGroup
        var threadPool: NIOThreadPool
        var channel: any Channel
        var watch: RepeatedTask
    }

    private let build = NIOLockedValueBox(BuildState())
    private let running = NIOLockedValueBox<Running?>(nil)

    public init(
        guidesRoot: String, siteFolder: String, limits: DevServerLimits = DevServerLimits(),
        rebuild: @escaping @Sendable () -> Bool
    ) {
        self.guidesRoot = guidesRoot
        self.siteFolder = siteFolder
        self.limits = limits
        self.rebuild = rebuild
    }

    /// The number the reload script compares; it changes after every successful rebuild.
    public var currentVersion: Int { build.withLockedValue { $0.version } }

    /// Builds, binds `127.0.0.1:port` (0 picks a free port) and starts serving and watching in
    /// the background. Returns the bound port.
    public func start(port: Int) throws(SiteError) -> Int {
        let watched = GuideWatch.snapshot(root: guidesRoot, excluding: siteFolder)
        let ok = rebuild()
        build.withLockedValue {
            $0.version = 1
            $0.lastBuildFailed = !ok
            $0.watched = watched
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // Two threads: one may spend seconds in a rebuild while the other reads files.
        let threadPool = NIOThreadPool(numberOfThreads: 2)
        threadPool.start()
        let limits = self.limits
        let answer: @Sendable (String, String) -> SiteResponse = { [self] method, target in
            responder().respond(method: method, target: target)
        }
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(ConnectionDeadlines(limits: limits))
                    var decoderLimits = NIOHTTPDecoderLimitConfiguration()
                    decoderLimits.maxHeaderFieldSize = limits.maxHeaderBytes
                    decoderLimits.maxHeaderListSize = limits.maxHeaderBytes
                    try pipeline.configureHTTPServerPipeline(
                        withEncoderConfiguration: HTTPResponseEncoder.Configuration(),
                        withDecoderLimitConfiguration: decoderLimits)
                    try pipeline.addHandler(SiteRequestHandler(threadPool: threadPool, answer: answer))
                }
            }
        let channel: any Channel
        do {
            channel = try bootstrap.bind(host: "127.0.0.1", port: port).wait()
        } catch {
            try? threadPool.syncShutdownGracefully()
            try? group.syncShutdownGracefully()
            throw SiteError(message: "cannot listen on 127.0.0.1:\(port): \(error)")
        }
        let loop = group.next()
        let watch = loop.scheduleRepeatedAsyncTask(initialDelay: .milliseconds(500), delay: .milliseconds(500)) {
            [self] _ in
            threadPool.runIfActive(eventLoop: loop) { self.rebuildIfChanged() }
        }
        running.withLockedValue { $0 = Running(group: group, threadPool: threadPool, channel: channel, watch: watch) }
        return channel.localAddress?.port ?? port
    }

    /// Stops watching, closes the listening socket and every open connection, and waits for
    /// the server's threads to end. Must not be called from one of them.
    public func stop() {
        let taken = running.withLockedValue { value -> Running? in
            defer { value = nil }
            return value
        }
        guard let held = taken else { return }
        held.watch.cancel()
        try? held.channel.close().wait()
        try? held.threadPool.syncShutdownGracefully()
        try? held.group.syncShutdownGracefully()
    }

    /// The responder for the site as it is now.
    private func responder() -> SiteResponder {
        build.withLockedValue {
            SiteResponder(siteFolder: siteFolder, version: $0.version, lastBuildFailed: $0.lastBuildFailed)
        }
    }

    /// Rebuilds when anything the build reads has changed since the last look. Runs on the
    /// thread pool, one call at a time (the next is scheduled when this one has returned).
    private func rebuildIfChanged() {
        let now = GuideWatch.snapshot(root: guidesRoot, excluding: siteFolder)
        guard build.withLockedValue({ $0.watched }) != now else { return }
        build.withLockedValue { $0.watched = now }
        let ok = rebuild()
        build.withLockedValue {
            $0.lastBuildFailed = !ok
            if ok { $0.version += 1 }
        }
    }
}
