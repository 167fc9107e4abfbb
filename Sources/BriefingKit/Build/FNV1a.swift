/// The 64-bit FNV-1a hash: a small deterministic digest for telling whether a generated file was edited.
enum FNV1a {
    static func hash64(_ text: String) -> UInt64 {
        var hash = FNV1aHash()
        for byte in text.utf8 { hash.add(byte) }
        return hash.value
    }

    /// The hash as 16 lowercase hex digits.
    static func hex(_ text: String) -> String {
        let digits = String(hash64(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// FNV-1a, 64 bits, fed piece by piece: fast, and stable across runs and machines (unlike `Hasher`, which is seeded
/// per process), so it can be stored.
struct FNV1aHash {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Adds the text and a terminating zero byte, so that "ab" + "c" and "a" + "bc" differ.
    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
        add(UInt8(0))
    }

    mutating func add(_ number: Int64) {
        withUnsafeBytes(of: number) { for byte in $0 { add(byte) } }
    }

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
}
