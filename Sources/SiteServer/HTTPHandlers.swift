import NIOCore
import NIOHTTP1
import NIOPosix

/// How long a connection may hold the server's attention, and how large a request may be.
public struct DevServerLimits: Sendable {
    /// How long a kept-alive connection may wait for its next request before it is closed.
    public var idleTimeout: Duration
    /// How long a request may take, from its first byte to the last byte of its response being
    /// handed to the socket: a slow sender (a request trickled a byte at a time) and a slow
    /// reader are cut off alike.
    public var requestTimeout: Duration
    /// The most bytes the request line and headers may take together; a longer request is
    /// answered 400 and closed (NIO's decoder stops reading at the limit).
    public var maxHeaderBytes: Int

    public init(
        idleTimeout: Duration = .seconds(30), requestTimeout: Duration = .seconds(10),
        maxHeaderBytes: Int = 16 * 1024
    ) {
        self.idleTimeout = idleTimeout
        self.requestTimeout = requestTimeout
        self.maxHeaderBytes = maxHeaderBytes
    }
}

/// Sent down the pipeline by ``SiteRequestHandler`` once a response has been written out, so
/// that ``ConnectionDeadlines`` starts the idle clock.
struct ResponseWritten {}

/// Closes a connection that waits too long for its next request (idle timeout) or takes too
/// long over one (request timeout). It sits first in the pipeline, below the HTTP decoder, so
/// it sees a request's first raw byte, which the decoder would hold back until the whole head
/// had arrived. NIO's `IdleStateHandler` measures time since the last byte, which a client
/// sending one byte every few seconds would reset for ever; these are deadlines instead.
final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private let limits: DevServerLimits
    private var awaitingRequest = true
    private var deadline: Scheduled<Void>?

    init(limits: DevServerLimits) { self.limits = limits }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(TimeAmount(limits.idleTimeout), context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(TimeAmount(limits.idleTimeout), context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if awaitingRequest {
            awaitingRequest = false
            arm(TimeAmount(limits.requestTimeout), context: context)
        }
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is ResponseWritten else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        awaitingRequest = true
        arm(TimeAmount(limits.idleTimeout), context: context)
        promise?.succeed(())
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    private func arm(_ timeout: TimeAmount, context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            context.close(promise: nil)
        }
    }
}

/// Answers each decoded request from the site folder. The answer (stat, real path, read) runs
/// on a thread pool so that file I/O never holds up the event loop that serves every other
/// connection; the response is written back on the loop.
final class SiteRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Method and request target in, response out; safe to call off the event loop.
    private let answer: @Sendable (_ method: String, _ target: String) -> SiteResponse
    private let threadPool: NIOThreadPool
    /// The GET or HEAD request whose end is awaited; nil after a refused method.
    private var request: HTTPRequestHead?

    init(threadPool: NIOThreadPool, answer: @escaping @Sendable (_ method: String, _ target: String) -> SiteResponse) {
        self.threadPool = threadPool
        self.answer = answer
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard head.method == .GET || head.method == .HEAD else {
                // Answer at once and close: a body that may follow is neither read nor kept.
                write(answer(head.method.rawValue, head.uri), to: head, keepAlive: false, context: context)
                return
            }
            request = head
        case .body:
            break  // GET and HEAD carry no meaningful body: dropped, never buffered.
        case .end:
            guard let head = request else { return }
            request = nil
            let answer = self.answer
            let method = head.method.rawValue
            let target = head.uri
            threadPool.runIfActive(eventLoop: context.eventLoop) { answer(method, target) }
                .assumeIsolated()
                .whenComplete { result in
                    let response = (try? result.get()) ?? .text(503, "The server is stopping")
                    self.write(response, to: head, keepAlive: head.isKeepAlive, context: context)
                }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Parse errors were answered 400 by NIO's HTTPServerProtocolErrorHandler; the
        // connection cannot be trusted after any error.
        context.close(promise: nil)
    }

    private func write(
        _ response: SiteResponse, to head: HTTPRequestHead, keepAlive: Bool, context: ChannelHandlerContext
    ) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.body.count))
        headers.add(name: "Cache-Control", value: "no-store")
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        for (name, value) in response.extraHeaders { headers.add(name: name, value: value) }
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let status = HTTPResponseStatus(statusCode: response.status)
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
            promise: nil)
        if head.method != .HEAD && !response.body.isEmpty {
            let buffer = context.channel.allocator.buffer(bytes: response.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            if keepAlive {
                context.triggerUserOutboundEvent(ResponseWritten(), promise: nil)
            } else {
                context.close(promise: nil)
            }
        }
    }
}
