/// Recognises the furniture of pasted web pages: menus, newsletter and subscription prompts, "read more" links,
/// share buttons, cookie notices, copyright lines.
enum Boilerplate {
    /// Phrases that mark a line or sentence as page furniture (lowercased).
    static let phrases: [String] = [
        "subscribe", "newsletter", "sign up", "signup", "read more", "read next", "related:", "related articles",
        "more on this", "click here", "follow us", "share this", "share on facebook", "share on x", "advertisement",
        "all rights reserved", "cookie", "privacy policy", "terms of use", "log in", "sign in", "skip to",
        "in your inbox", "download our app", "watch:", "listen:", "most read", "recommended for you",
        "copyright ©", "©", "support our journalism", "back to top", "view comments", "leave a comment",
        "photo:", "image:", "caption:", "getty images", "editing by", "reporting by", "share on twitter",
        "disclaimer", "not investment advice", "listen:", "watch live", "opinion:", "analysis:", "comment:",
        "editorial:",
    ]

    /// Whether `text` (a line or a sentence) is page furniture rather than reporting.
    static func isBoilerplate(_ text: String) -> Bool {
        let lower = text.lowercased()
        if phrases.contains(where: lower.contains) { return true }
        return isMenu(lower)
    }

    /// "Home | World | Business", "Politics · Economy · Sport": a run of short items between separators.
    private static func isMenu(_ lower: String) -> Bool {
        for separator: Character in ["|", "·", "»", "›"] {
            let items = lower.split(separator: separator)
            if items.count >= 3, items.allSatisfy({ $0.split(separator: " ").count <= 3 }) { return true }
        }
        return false
    }
}
