/// The result of checking one claim source's quote against the source's text.
public enum QuoteCheck: Sendable, Hashable {
    /// Found, starting in this paragraph of the source's body (1-based).
    case verified(paragraph: Int)
    /// Not in the source; the closest passage and how close it is (0…1).
    case notFound(closest: String, similarity: Double, paragraph: Int)
    /// The source has no text to check against.
    case cannotVerify
}
