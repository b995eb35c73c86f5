#if !canImport(Glibc)
    import Dispatch
#endif

/// Loops over indices on every core: the one home of the pattern the loader, the linter, the
/// index builder, the site builder and `faq`'s stat pass all need (results written into
/// per-index slots from several threads, then read in order once every thread is done).
///
/// On Linux the loop runs on the calling thread plus a plain `pthread` per other core, handing
/// out indices under a mutex, rather than `DispatchQueue.concurrentPerform`: the first use of
/// libdispatch in a process sets up its root queues, a manager thread, an epoll and a timer
/// descriptor, a few hundred microseconds that a 3 ms `faq` lookup notices. Elsewhere it is
/// `concurrentPerform`.
public enum Parallel {
    /// Runs `body(i)` for every `i` in `0..<count`, each exactly once, on all cores; returns
    /// when every call has returned. Calls run in no particular order.
    public static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        #if canImport(Glibc)
            withoutActuallyEscaping(body) { body in
                // Every thread is joined before this returns, so `body` never outlives the call.
                let queue = IndexQueue(count: count, body: body)
                var threads: [pthread_t] = []
                for _ in 0..<(min(count, onlineCoreCount) - 1) {
                    var thread = pthread_t()
                    let context = Unmanaged.passRetained(queue).toOpaque()
                    let made = pthread_create(
                        &thread, nil,
                        { context in
                            Unmanaged<IndexQueue>.fromOpaque(context!).takeRetainedValue().drain()
                            return nil
                        }, context)
                    if made == 0 {
                        threads.append(thread)
                    } else {
                        Unmanaged<IndexQueue>.fromOpaque(context).release()
                    }
                }
                queue.drain()
                for thread in threads { pthread_join(thread, nil) }
            }
        #else
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        #endif
    }

    /// `transform(i)` for every `i` in `0..<count`, computed on all cores, in index order.
    /// `chunk` indices run together as one job: fewer hand-outs when each is cheap.
    public static func map<T>(_ count: Int, chunk: Int = 1, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let chunk = max(1, chunk)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each index is initialized by exactly one job, and read only after every job is done.
            nonisolated(unsafe) let slots = buffer
            forEach((count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(count, (c + 1) * chunk) {
                    (slots.baseAddress! + i).initialize(to: transform(i))
                }
            }
            initialized = count
        }
    }

    /// Calls `body(i, &values[i])` for every index on all cores, in place (no copy of the
    /// elements, so a chunk that owns large arrays is not duplicated).
    public static func updateEach<T>(_ values: inout [T], _ body: @Sendable (Int, inout T) -> Void) {
        values.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            forEach(slots.count) { i in body(i, &slots[i]) }
        }
    }

    #if canImport(Glibc)
        /// The next index to run, shared by the threads of one loop.
        private final class IndexQueue: @unchecked Sendable {
            let count: Int
            let body: @Sendable (Int) -> Void
            private var next = 0
            private let lock: UnsafeMutablePointer<pthread_mutex_t>

            init(count: Int, body: @escaping @Sendable (Int) -> Void) {
                self.count = count
                self.body = body
                lock = .allocate(capacity: 1)
                pthread_mutex_init(lock, nil)
            }

            deinit {
                pthread_mutex_destroy(lock)
                lock.deallocate()
            }

            func drain() {
                while true {
                    pthread_mutex_lock(lock)
                    let i = next
                    next += 1
                    pthread_mutex_unlock(lock)
                    guard i < count else { return }
                    body(i)
                }
            }
        }
    #endif
}

/// One result slot per index, written from any thread (each slot by one writer) and read once
/// all writers are done: for loops whose results arrive on another queue than the loop's
/// (the site builder's single file writer), where `Parallel.map` cannot collect them.
public final class ParallelSlots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element>

    public init(count: Int, initial: Element) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    public var count: Int { storage.count }

    /// Unsynchronised: the caller guarantees one writer per slot, and no reads until they finish.
    public subscript(index: Int) -> Element {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    /// Every slot, in order (read after the writers are done).
    public var values: [Element] { Array(storage) }
}
