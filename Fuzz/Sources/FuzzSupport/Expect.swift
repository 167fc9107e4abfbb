import Foundation

/// Stops the fuzzer with `message` when a property of the engine does not hold, so that libFuzzer saves the input
/// as a crash.
public func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    guard !condition() else { return }
    FileHandle.standardError.write(Data("property violated: \(message())\n".utf8))
    abort()
}
