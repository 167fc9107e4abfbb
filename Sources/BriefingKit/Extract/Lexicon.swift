/// Word lists that statement finding, figure parsing and similarity rely on. English only; small and generic
/// (nothing about any one story), so that the extractor stays deterministic and offline.
enum Lexicon {
    /// Function words and words that say nothing about what a statement is about; left out of comparisons.
    static let stopwords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
        "onto", "over", "under", "about", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
        "having", "do", "does", "did", "it", "its", "this", "that", "these", "those", "there", "their", "they", "them",
        "he", "him", "his", "she", "her", "we", "our", "us", "you", "your", "i", "me", "my", "not", "no", "so", "than",
        "then", "also", "which", "who", "whom", "whose", "what", "when", "where", "while", "will", "would", "could",
        "should", "can", "may", "might", "must", "shall", "just", "only", "more", "most", "some", "such", "any", "all",
        "each", "both", "other", "own", "same", "very", "now", "still", "already", "since", "until", "up", "down",
        "out", "off", "again", "further", "once", "here", "after", "before", "during", "between", "through", "against",
        "among", "around", "per", "via", "whether", "because", "though", "although", "even", "yet", "nor", "too",
        "said", "says", "say", "saying", "told", "tells", "tell", "according", "added", "stated", "roughly", "nearly",
        "almost", "approximately", "least", "many", "much", "several", "since", "last", "next", "week", "weeks",
        "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "ago",
        "s", "t", "mr", "mrs", "ms", "dr", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "another", "made", "make", "number", "total", "figure", "figures", "time", "times", "year", "years",
        "month", "months", "day", "days", "including", "however", "meanwhile", "across", "within", "without",
        "per", "cent", "percent", "million", "billion", "thousand", "trillion", "bn", "mn", "tn",
    ]

    /// Verbs and phrases that attribute a statement to someone: "X said …", "according to X".
    static let reportingWords: Set<String> = [
        "said", "says", "told", "tells", "according", "announced", "announces", "stated", "claimed", "reported",
        "warned", "added", "insist", "insisted", "insists", "confirmed", "confirms", "estimated", "believes", "informed",
        "wrote", "testified", "acknowledged", "noted", "argued",
    ]

    /// Words that mark a denial or a dismissal.
    static let denialWords: Set<String> = [
        "deny", "denied", "denies", "denying", "denial", "rejected", "rejects", "dismissed", "dismisses", "refuted",
        "refutes", "rebuffed", "disputed", "disputes", "baseless", "unfounded", "false", "fake",
    ]

    /// Words that make a figure a plan, a promise or an expectation rather than a count of what is: "plans to send
    /// 10,000", "has committed 12,000". Figures of the two kinds are not compared with each other.
    static let intentWords: Set<String> = [
        "plan", "plans", "planned", "planning", "intend", "intends", "intended", "expect", "expects", "expected",
        "aim", "aims", "aiming", "pledge", "pledged", "pledges", "promise", "promised", "promises", "commit",
        "commits", "committed", "commitment", "target", "targets", "vowed", "vows", "forecast", "forecasts", "projected",
    ]

    /// Words that hedge a statement (lower confidence).
    static let hedgeWords: Set<String> = [
        "may", "might", "could", "reportedly", "allegedly", "possibly", "perhaps", "likely", "unlikely", "unconfirmed",
        "unclear", "rumoured", "rumored", "suggests", "appears", "seems",
    ]

    /// Words that mark opinion, speculation or analysis rather than a reported fact.
    static let opinionWords: Set<String> = [
        "should", "ought", "arguably", "guess", "perhaps", "seems", "wonder", "surely", "frankly", "clearly",
        "obviously", "hopefully", "unfortunately", "remarkable", "worth",
    ]

    /// First- and second-person pronouns: a newsletter speaking to its reader, not a reported fact.
    static let personalPronouns: Set<String> = ["i", "we", "our", "us", "you", "your", "my", "me", "ours", "yours"]

    /// Words that put two figures side by side as competing or revised values of one thing.
    static let comparisonWords: Set<String> = [
        "than", "compared", "versus", "vs", "instead", "revised", "contradicting", "contradicts", "contrary",
        "disputed", "previous", "previously", "unlike", "whereas", "rather",
    ]

    /// Full and abbreviated month names.
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Words before a number that make it an index or label, not a quantity: "day 973", "flight 17".
    static let indexWords: Set<String> = [
        "day", "page", "para", "paragraph", "no", "number", "chapter", "article", "section", "resolution", "flight",
        "route", "room", "item", "version", "phase", "round", "stage", "level", "grade", "act", "line", "gate",
        "platform", "block", "unit", "lot", "case", "category", "tier", "highway", "road", "bus", "channel", "f",
        "boeing", "airbus", "covid", "windows", "ios", "iphone",
    ]

    /// Spelled-out quantities, read as figures only when a unit follows ("two brigades").
    static let numberWords: [String: Double] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    ]

    /// Scale words after a number: "$50bn", "1.5 million".
    static let multipliers: [String: (factor: Double, label: String)] = [
        "k": (1e3, "k"), "thousand": (1e3, "k"), "m": (1e6, "m"), "mn": (1e6, "m"), "mln": (1e6, "m"),
        "million": (1e6, "m"), "millions": (1e6, "m"), "bn": (1e9, "bn"), "b": (1e9, "bn"), "billion": (1e9, "bn"),
        "billions": (1e9, "bn"), "tn": (1e12, "tn"), "trillion": (1e12, "tn"),
    ]

    /// Currency signs before a number.
    static let currencySigns: [Character: String] = ["$": "usd", "£": "gbp", "€": "eur", "¥": "jpy", "₽": "rub", "₴": "uah", "₹": "inr", "₩": "krw"]

    /// Currency words after a number (or its scale word).
    static let currencyWords: [String: String] = [
        "dollars": "usd", "dollar": "usd", "usd": "usd", "euros": "eur", "euro": "eur", "eur": "eur", "pounds": "gbp",
        "sterling": "gbp", "gbp": "gbp", "yen": "jpy", "yuan": "cny", "renminbi": "cny", "rubles": "rub",
        "roubles": "rub", "hryvnias": "uah", "hryvnia": "uah", "rupees": "inr", "francs": "chf",
    ]

    /// The currency codes that figures take as units.
    static let currencyCodes: Set<String> = Set(currencySigns.values).union(currencyWords.values)

    /// Words that may stand between a number and what it counts: "3,000 North Korean soldiers", "1,500 special
    /// forces". Capitalised words are skipped as well.
    static let unitModifiers: Set<String> = [
        "more", "additional", "extra", "new", "special", "regular", "active", "elite", "young", "armed", "local",
        "foreign", "other", "of", "its", "their", "the", "his", "her", "our", "military", "registered", "confirmed",
        "suspected", "full-time", "permanent", "temporary", "unionised", "unionized", "striking", "displaced",
        "further", "fresh", "front-line", "frontline", "reserve", "trained", "uniformed", "frontline", "small",
        "large", "major", "daily", "annual", "monthly", "weekly", "square", "cubic", "metric", "known", "reported",
    ]

    /// Canonical names for words that count the same kind of thing, used both as figure units and in comparisons.
    static let synonymGroups: [String: [String]] = [
        "troops": ["troops", "troop", "soldiers", "soldier", "men", "infantrymen", "infantry", "personnel",
                   "servicemen", "fighters", "forces", "recruits", "conscripts", "marines", "commandos",
                   "reservists", "paratroopers"],
        "people": ["people", "persons", "civilians", "residents", "individuals", "inhabitants", "citizens",
                   "locals", "villagers"],
        "workers": ["workers", "worker", "employees", "employee", "staff", "staffers", "dockworkers", "dockers",
                    "jobs", "job"],
        "killed": ["killed", "dead", "deaths", "death", "died", "die", "fatalities", "lives", "kill", "kills"],
        "injured": ["injured", "wounded", "hurt", "injuries", "injuring"],
        "percent": ["percent", "per-cent", "pct", "%"],
        "ships": ["ships", "vessels", "ship", "vessel", "boats", "freighters"],
        "buildings": ["buildings", "homes", "houses", "dwellings", "structures", "properties"],
        "hectares": ["hectares", "hectare", "ha"],
        "km": ["km", "kilometres", "kilometers", "kilometre", "kilometer"],
        "tonnes": ["tonnes", "tons", "tonne", "ton"],
        "cases": ["cases", "infections", "case", "infection"],
        "children": ["children", "kids", "pupils", "child"],
        "send": ["send", "sends", "sent", "sending", "dispatch", "dispatched", "dispatches", "deploy", "deployed",
                 "deploys", "deploying", "moved", "transferred"],
        "recruit": ["recruit", "recruited", "recruiting", "hire", "hired", "hiring", "enlisted"],
        "detain": ["detain", "detained", "detaining", "arrest", "arrested", "arrests"],
        "deny": ["deny", "denied", "denies", "reject", "rejected", "rejects", "dismiss", "dismissed", "dismisses",
                 "refute", "refuted", "rebuffed", "brushed"],
        "plan": ["plan", "plans", "planned", "intend", "intends", "intended", "expect", "expects", "expected", "aims"],
        "rise": ["rise", "rose", "risen", "rising", "increase", "increased", "climb", "climbed", "jumped", "grew",
                 "raise", "raised", "hike", "hiked"],
        "fall": ["fall", "fell", "fallen", "drop", "dropped", "decline", "declined", "decrease", "decreased", "slumped"],
        "buy": ["buy", "bought", "buying", "purchase", "purchased", "acquire", "acquired", "acquiring", "acquisition",
                "takeover"],
        "sign": ["sign", "signed", "signing", "inked"],
        "withdraw": ["withdraw", "withdrawn", "withdrawal", "withdrew", "pullout"],
        "family": ["family", "families", "relatives"],
        "interpreter": ["interpreters", "interpreter", "translators", "translator"],
        "company": ["company", "firm", "business"],
        "evacuate": ["evacuate", "evacuated", "evacuation", "evacuations", "flee", "fled"],
        "ban": ["ban", "banned", "bans", "prohibit", "prohibited", "outlaw", "outlawed"],
        "close": ["close", "closed", "closure", "closures", "shut", "shutting"],
        "vote": ["vote", "votes", "voted", "ballot", "ballots", "poll", "polls"],
        "strike": ["strike", "strikes", "striking", "walkout", "stoppage"],
        "approve": ["approve", "approved", "approval", "clearance", "sign-off"],
        "turnout": ["turnout", "participation"],
        "spy": ["spy", "spies", "intelligence"],
    ]

    /// Nationality adjectives and the place they name: "North Korean soldiers" and "North Korea's soldiers"
    /// should look alike.
    static let demonyms: [String: String] = [
        "korean": "korea", "russian": "russia", "ukrainian": "ukraine", "chinese": "china", "american": "america",
        "british": "britain", "french": "france", "german": "germany", "japanese": "japan", "indian": "india",
        "iranian": "iran", "israeli": "israel", "european": "europe", "african": "africa", "brazilian": "brazil",
        "canadian": "canada", "mexican": "mexico", "turkish": "turkey", "italian": "italy", "spanish": "spain",
        "syrian": "syria", "iraqi": "iraq", "afghan": "afghanistan", "pakistani": "pakistan", "egyptian": "egypt",
        "nigerian": "nigeria", "kenyan": "kenya", "australian": "australia", "dutch": "netherlands",
        "swedish": "sweden", "norwegian": "norway", "finnish": "finland", "danish": "denmark", "greek": "greece",
        "belarusian": "belarus", "georgian": "georgia", "armenian": "armenia", "venezuelan": "venezuela",
        "colombian": "colombia", "argentine": "argentina", "chilean": "chile", "peruvian": "peru",
    ]

    /// Irregular forms reduced to the form the stemmer gives their regular relatives.
    static let irregular: [String: String] = [
        "men": "man", "women": "woman", "children": "child", "went": "go", "brought": "bring", "fought": "fight",
        "met": "meet", "left": "leave", "took": "take", "taken": "take", "gave": "give", "given": "give",
        "began": "begin", "begun": "begin", "paid": "pay", "sold": "sell", "won": "win", "lost": "lose",
        "struck": "strike", "led": "lead", "built": "build", "spent": "spend", "kept": "keep", "thought": "think",
        "found": "find", "caught": "catch", "chose": "choose", "chosen": "choose", "drove": "drive", "flew": "fly",
        "flown": "fly", "ran": "run", "saw": "see", "seen": "see", "spoke": "speak", "spoken": "speak", "stood": "stand",
        "knew": "know", "known": "know", "burnt": "burn", "burned": "burn", "wrote": "write", "written": "write",
    ]

    /// A title or abbreviation that ends with a point but does not end a sentence ("Dr. Osei", "Oct. 24").
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "gov", "sen", "rep",
        "rev", "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "nos", "vs", "approx", "est", "fig", "figs", "para",
        "p", "pp", "vol", "al", "cf", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mt", "ft", "pres", "sec",
        "dept", "univ", "assn", "bros", "gens", "messrs", "hon", "supt", "insp", "det", "cmdr", "brig",
    ]
}
