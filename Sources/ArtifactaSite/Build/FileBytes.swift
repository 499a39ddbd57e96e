import Foundation

/// A whole file read straight into bytes: the files a rebuild keeps are megabytes, and
/// reading them as `Data` and copying that into an array doubled the work.
enum FileBytes {
    /// The contents of the file at `path`; nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= 0 else { return nil }
        let size = Int(status.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let result = Foundation.read(descriptor, buffer.baseAddress! + count, size - count)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else {
                    failed = result < 0
                    break
                }
                count += result
            }
        }
        return failed ? nil : bytes
    }
}
