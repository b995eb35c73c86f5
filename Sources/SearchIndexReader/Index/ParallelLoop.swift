#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Dispatch
#endif

/// Runs `body(0..<count)` on the calling thread and one plain thread per other core, handing
/// out indices in order: the stat pass of a warm lookup.
///
/// On Linux this is a `pthread_create` per extra core and a mutex, not
/// `DispatchQueue.concurrentPerform`: the first use of libdispatch in a process sets up its
/// root queues, a manager thread, an epoll and a timer descriptor, a few hundred microseconds
/// that a 10 ms process notices.
enum ParallelLoop {
    static func run(count: Int, body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        #if canImport(Glibc)
            let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
            let helpers = max(0, min(count, cores, 8) - 1)
            let queue = IndexQueue(count: count, body: body)
            var threads: [pthread_t] = []
            for _ in 0..<helpers {
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
        #else
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        #endif
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
