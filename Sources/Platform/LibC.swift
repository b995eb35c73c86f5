// The C library, imported once for every target: Glibc on most Linux distributions, Musl on
// Alpine and in static SDKs, Darwin on macOS. `@_exported` so that `import Platform` brings
// `open`, `stat`, `errno` and the rest without each file repeating this block (the same idea
// as swift-argument-parser's `Utilities/Platform.swift`).
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Musl)
    @_exported import Musl
#elseif canImport(Darwin)
    @_exported import Darwin
#endif

/// The system's words for an errno value (`strerror`), for messages that name a failed path.
public func errnoText(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}

/// The number of cores online, at least 1.
public var onlineCoreCount: Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
