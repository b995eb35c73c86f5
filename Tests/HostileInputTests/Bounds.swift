import Foundation

/// The robustness bound every command must keep on every hostile case, in CPU seconds (wall
/// time only bounds a hang, at `hardLimitSeconds`): a hang, a runaway
/// allocation or a quadratic path shows up here long before a user meets it. Not a speed
/// benchmark: 10 s and 1 GB for the binaries as they ship (`make hostile` runs the suite on the
/// release build). Debug builds, which `swift test` uses by default, run Swift's byte loops 5 to
/// 15 times slower, so they get 4 times the time: still far below what a quadratic path or a hang
/// takes. `KB_HOSTILE_MAX_SECONDS` sets the bound outright (sanitizer builds, slow machines).
enum Bounds {
    static let seconds: Double =
        ProcessInfo.processInfo.environment["KB_HOSTILE_MAX_SECONDS"].flatMap(Double.init)
        ?? (Binaries.isDebugBuild ? 40 : 10)
    static let peakRSSBytes = 1 << 30
    /// Past this the child is killed: a hang fails the case instead of stalling the suite.
    static var hardLimitSeconds: Double { max(60, seconds * 3) }
}
