/// Decides which URLs may become links: relative ones and those with a scheme that cannot run script.
public enum URLSafety {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "ftp", "ftps", "tel", "news", "irc", "ircs", "xmpp"]

    /// False for `javascript:`, `vbscript:`, `data:`, `file:` and any other scheme not known to be inert, however
    /// it is disguised with case, leading blanks, or tabs and line breaks inside it (which browsers ignore).
    public static func isSafeLinkTarget(_ url: String) -> Bool {
        var scheme = ""
        // Filtered as they come: a filtered copy of the whole URL cost more than the rest of a source's facts.
        for scalar in url.unicodeScalars where scalar.value > 0x20 && scalar != "\u{7F}" {
            if scalar == ":" { return allowedSchemes.contains(scheme.lowercased()) }
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+.-".unicodeScalars.contains(scalar) else {
                return true  // '/', '?', '#' or any other character before a ':' means a relative reference.
            }
            scheme.unicodeScalars.append(scalar)
        }
        return true
    }

    /// Only absolute http(s) URLs are shown as a source's "original" link.
    public static func isWebURL(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return (lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) && isSafeLinkTarget(url)
    }
}
