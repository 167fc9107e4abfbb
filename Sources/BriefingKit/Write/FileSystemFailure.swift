import Foundation

/// Says why a file system call failed in the system's own words ("No space left on device", "Permission denied",
/// "Read-only file system", "File too large"), rather than Foundation's "The operation could not be completed.
/// (NSCocoaErrorDomain error 512.)", which tells the user nothing.
enum FileSystemFailure {
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error {
            let posix = underlying as NSError
            if posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        }
        return error.localizedDescription
    }
}
