import CLibFuzzer
import Foundation

/// Hands a target's `LLVMFuzzerTestOneInput` to libFuzzer and never returns.
///
/// SwiftPM links an executable's `main` to its module's top-level code, so libFuzzer's own `main` is not used: the
/// top-level code calls libFuzzer's driver instead, with the process's command line (libFuzzer flags and corpus
/// folders).
public func runFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}

/// The input as bytes (libFuzzer passes a null pointer for the empty input).
public func inputData(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Data {
    guard let bytes, size > 0 else { return Data() }
    return Data(bytes: bytes, count: size)
}
