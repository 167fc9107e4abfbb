#!/usr/bin/env python3
"""Deterministic benchmark corpus for Briefing (and, optionally, the same notes as a Hugo site).

    generate_corpus.py --notes N --seed S --out SITE_DIR [--hugo HUGO_DIR] [--jobs J]

Writes SITE_DIR/Content/ with
  site.yml
  notes/<slug>.md      N notes, ~600 words: headings, lists, a table, Pandoc citations (single, grouped, with
                       locators) and two GFM footnotes each
  sources/<id>.md      N/5 sources, ~400-word bodies in numbered paragraphs
  topics/<slug>.md     N/50 topics
  claims/<topic>.yml   ~10 claims per topic, quoting their sources verbatim with correct "para N" locators

and, with --hugo, HUGO_DIR/ (config.yaml, content/, layouts/) holding the same notes, the same sources and the
topic descriptions as a Hugo site (taxonomy `topics`). Pandoc citations have no Hugo equivalent: there each
cited item becomes a Markdown link to the source's page, `[[@id, para 2](/sources/id/)]`.

Python 3 standard library only. Everything derives from the seed (per-item generators are seeded with
"<seed>:<kind>:<index>"): no clock, no network, no environment. The same arguments give a byte-identical corpus,
whatever --jobs is.
"""

import argparse
import os
import random
import re
import sys
from datetime import date, timedelta
from multiprocessing import Pool

# ----------------------------------------------------------------------------------------------------------------
# Vocabulary

PLACES = """Aldmere Baskov Corvath Dunmore Elbrin Farrowgate Galtz Harrowby Istrava Jorvik Kaldera Lunmoor Marisk
Norvale Ostrin Pellham Quarry Rostova Sandmere Tirwen Ulmsted Varenka Westerby Yarrow Zelmont Ashgrove Brackwater
Cindervale Drumlin Eastmarch Fenwick Glenhollow Highcross Ironbridge Juniper Kestrel Larkspur Millbrook Northwick
Oakhurst Pinecrest Queensford Ravenholt Silverton Thornbury Umberlee Valemont Windermere Yelverton Zarnow Akureyri
Belgrava Caspia Dravik Estoril Fjordby Grenmark Halstead Inverlorn Jadeport Karsk Lindqvist Montbrun Nyborg
Orlesk Porthaven Quillon Redmarsh Stavanko Trellis Uskov Valdris Wyndham Xanthe Yorsk Zagora""".split()

REGIONS = """northern eastern southern western central coastal upland border delta highland river lowland
island frontier""".split()

OUTLETS = [
    "Harbour Ledger", "Northwick Courier", "Eastmarch Times", "Valdris Daily", "Silverton Post", "Caspia Wire",
    "Ironbridge Herald", "Kestrel News Agency", "Meridian Review", "Lantern Press", "Civic Observer",
    "Frontline Monitor", "Atlas Weekly", "Granary Report", "Signal Digest", "Compass Radio", "Ledger Economics",
    "Tideline Bulletin", "Summit Dispatch", "Beacon Journal", "Pioneer Gazette", "Quarry Gazette",
    "Stavanko Wire Service", "Porthaven Chronicle", "Glenhollow Standard", "Cindervale Mirror", "Orlesk Today",
    "Westerby Record", "Highcross Telegraph", "Redmarsh Examiner", "Ministry Bulletin", "Parliament Watch",
    "Field Notes Quarterly", "Open Data Desk", "Regional Affairs Weekly", "Border Desk", "Market Pulse",
    "Harvest Monitor", "Energy Brief", "Public Health Digest",
]

FIRST_NAMES = """Amara Boris Celine Dmitri Elif Farid Greta Hugo Ines Jonas Kira Lars Maren Nikolai Olga Pavel Quinn
Rosa Stefan Tamsin Ulrich Vera Wilhelm Xenia Yusuf Zofia Anika Bruno Clara Dario Emil Freya Goran Hana Ivo Jana
Kofi Lena Milan Nadia Oskar Petra Rafael Sanna Tomas Ursula Viktor Wanda Yara Zeno""".split()

LAST_NAMES = """Abend Brandt Castell Dahl Ekberg Falk Grau Holm Ivanov Jansen Kovac Lind Moreau Novak Olsen Petrov
Quist Rahn Sorensen Tamm Urban Voss Weber Yilmaz Zeller Acosta Berg Crane Duval Engel Ferris Gunn Hale Ilves
Jarvi Keller Lorenz Marsh Nyman Orr Pike Reyes Stone Thorne Vance Wolfe Young Zamora""".split()

ORGS = """the finance ministry|the defence ministry|the central bank|the statistics office|the port authority|the
energy regulator|the grain board|the health agency|the election commission|the coast guard|the border service|the
national assembly|the audit office|the railway company|the water utility|the customs service|the interior
ministry|the competition authority|the weather service|the space agency|the housing board|the trade union
federation|the chamber of commerce|the refugee agency|the fisheries council|the mining consortium|the shipping
association|the farmers' union|the supreme court|the planning commission""".replace("\n", " ").split("|")

ROLES = """spokesperson minister governor analyst economist commander director senator mayor envoy researcher
auditor inspector negotiator chairman deputy official prosecutor diplomat adviser""".split()

NOUNS = """harvest tariff pipeline convoy shipment reserve budget deficit surplus levy subsidy quota ceasefire
treaty corridor embargo inquiry audit ballot census drought flood outbreak vaccine clinic reactor turbine grid
tanker freighter railway bridge runway warehouse granary refinery mine quarry reservoir dam canal harbour border
checkpoint garrison brigade battalion militia patrol drone satellite radar airspace ruling verdict appeal
statute mandate coalition cabinet parliament referendum strike protest blockade sanction loan bond currency
inflation wage pension mortgage rent harvest fertiliser seed cattle timber copper lithium cobalt wheat barley
maize rice coffee cocoa sugar cotton steel cement diesel kerosene electricity broadband census""".split()

PLURALS = """tariffs pipelines convoys shipments reserves subsidies quotas inquiries audits ballots clinics
reactors turbines tankers freighters bridges warehouses refineries mines reservoirs checkpoints brigades
battalions patrols drones satellites rulings appeals mandates strikes protests sanctions loans bonds wages
pensions households farmers workers soldiers officers refugees students nurses teachers voters investors
exporters importers lenders miners fishermen engineers inspectors contractors suppliers""".split()

ADJECTIVES = """preliminary revised disputed unconfirmed official provisional partial sharp modest steady gradual
sudden unexpected long-awaited contested rising falling record seasonal regional national temporary permanent
emergency joint bilateral multilateral informal classified leaked draft final annual quarterly monthly fragile
tentative broad narrow fresh renewed delayed accelerated reduced expanded""".split()

VERBS_PAST = """said reported estimated announced confirmed denied suggested warned claimed noted acknowledged
insisted argued disclosed revealed projected predicted indicated stated recorded calculated concluded
observed asserted""".split()

ACTIONS = """raised cut suspended resumed expanded halted delayed approved rejected extended tightened relaxed
doubled halved audited reviewed postponed cancelled restored redirected""".split()

ADVERBS = ["roughly", "about", "nearly", "almost", "some", "around", "approximately", "more than", "less than",
           "at least", "well over", "just under", "up to"]

CONNECTIVES = ["However", "Meanwhile", "By contrast", "In practice", "Even so", "At the same time", "Separately",
               "Earlier", "Later", "On balance", "For now", "Still", "Crucially", "In short", "Notably"]

HEADINGS = ["What the figures count", "Where the estimates diverge", "How the numbers moved", "What is confirmed",
            "What remains unclear", "Who is saying what", "The timeline", "Reading the fine print", "Open questions",
            "Why it matters", "The official account", "The other side", "Costs and consequences",
            "What to watch next", "Background", "The money", "On the ground", "The legal position",
            "Signals from the markets", "Regional reactions", "Stock versus commitment", "Sources and methods"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

UNITS = ["tonnes", "barrels a day", "megawatts", "households", "jobs", "soldiers", "vessels", "hectares",
         "kilometres", "cases", "beds", "flights", "containers", "applications", "inspections", "ballots"]

BASED_ON_NAMES = ["Reuters", "Associated Press", "NIS briefing", "Ministry statement", "Parliamentary hearing",
                  "Central bank minutes", "Court filing", "Leaked memo", "Press conference", "Satellite imagery"]

LANGUAGES = ["en", "en", "en", "en", "de", "fr", "es", "uk", "ko", "ja"]

# "a preliminary", "an official": adjectives with their article.
A_ADJECTIVES = [("an " if word[0] in "aeiou" else "a ") + word for word in ADJECTIVES]

BASE_DATE = date(2019, 1, 1).toordinal()
DATE_SPAN = 6 * 365


def slugify(text):
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-")


# ----------------------------------------------------------------------------------------------------------------
# Text


class Writer:
    """Sentences, numbers, names and dates from one seeded generator."""

    def __init__(self, rng):
        self.r = rng

    def pick(self, seq):
        return seq[int(self.r.random() * len(seq))]

    def number(self):
        r = self.r
        kind = int(r.random() * 8)
        if kind == 0:
            return f"{int(r.random() * 90 + 10) * 100:,}"
        if kind == 1:
            return f"{int(r.random() * 900 + 100) * 10:,}"
        if kind == 2:
            return f"{r.random() * 30:.1f}%"
        if kind == 3:
            return f"${r.random() * 20 + 0.5:.1f}bn"
        if kind == 4:
            return f"{int(r.random() * 95 + 2)} per cent"
        if kind == 5:
            return f"€{int(r.random() * 900 + 10)}m"
        if kind == 6:
            return str(int(r.random() * 60 + 2))
        return f"{int(r.random() * 9000 + 1000):,}"

    def day(self):
        return date.fromordinal(BASE_DATE + int(self.r.random() * DATE_SPAN))

    def long_date(self, d=None):
        d = d or self.day()
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"

    def person(self):
        return f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"

    def who(self):
        k = int(self.r.random() * 5)
        if k == 0:
            return self.person()
        if k == 1:
            return f"{self.pick(ORGS)}"
        if k == 2:
            return f"the {self.pick(ROLES)} {self.person()}"
        if k == 3:
            return f"officials in {self.pick(PLACES)}"
        return f"analysts at {self.pick(OUTLETS)}"

    def clause(self):
        p = self.pick
        k = int(self.r.random() * 10)
        if k == 0:
            return f"{p(ADVERBS)} {self.number()} {p(UNITS)} had been moved to the {p(REGIONS)} {p(NOUNS)} near {p(PLACES)}"
        if k == 1:
            return f"the {p(ADJECTIVES)} {p(NOUNS)} would be {p(ACTIONS)} before {self.long_date()}"
        if k == 2:
            return f"{p(PLURALS)} in {p(PLACES)} faced {p(A_ADJECTIVES)} {p(NOUNS)} worth {self.number()}"
        if k == 3:
            return f"the {p(NOUNS)} had {p(ACTIONS)} {p(PLURALS)} across {p(PLACES)} and {p(PLACES)}"
        if k == 4:
            return f"{p(ORGS)} {p(ACTIONS)} the {p(NOUNS)} after {p(A_ADJECTIVES)} {p(NOUNS)} in {p(PLACES)}"
        if k == 5:
            return f"{p(ADVERBS)} {self.number()} {p(PLURALS)} were affected by the {p(ADJECTIVES)} {p(NOUNS)}"
        if k == 6:
            return f"the {p(NOUNS)} in {p(PLACES)} {p(ACTIONS)} {p(PLURALS)} by {self.number()} since {MONTHS[int(self.r.random() * 12)]}"
        if k == 7:
            return f"{p(A_ADJECTIVES)} {p(NOUNS)} on the {p(REGIONS)} {p(NOUNS)} was {p(ACTIONS)} for {p(PLURALS)}"
        if k == 8:
            return f"{p(PLURALS)} from {p(PLACES)} expected the {p(NOUNS)} to reach {self.number()} by {self.long_date()}"
        return f"the {p(ADJECTIVES)} figure of {self.number()} for the {p(NOUNS)} {p(ACTIONS)} earlier {p(PLURALS)}"

    def sentence(self):
        r = self.r
        k = int(r.random() * 6)
        if k == 0:
            s = f"{self.who()} {self.pick(VERBS_PAST)} that {self.clause()}"
        elif k == 1:
            s = f"{self.pick(CONNECTIVES)}, {self.clause()}, according to {self.who()}"
        elif k == 2:
            s = f"According to {self.who()}, {self.clause()}"
        elif k == 3:
            s = f"{self.clause()}, {self.who()} {self.pick(VERBS_PAST)}"
        elif k == 4:
            s = f"{self.pick(CONNECTIVES)}, {self.who()} {self.pick(VERBS_PAST)} that {self.clause()}"
        else:
            s = f"{self.clause()}; {self.clause()}"
        return s[0].upper() + s[1:] + "."

    def sentences(self, n):
        return " ".join(self.sentence() for _ in range(n))

    def title(self):
        p = self.pick
        k = int(self.r.random() * 5)
        if k == 0:
            t = f"{p(ADJECTIVES)} {p(NOUNS)} in {p(PLACES)}"
        elif k == 1:
            t = f"Reading the {p(NOUNS)} figures"
        elif k == 2:
            t = f"{p(PLACES)} {p(ACTIONS)} the {p(NOUNS)}"
        elif k == 3:
            t = f"What the {p(ADJECTIVES)} {p(NOUNS)} means for {p(PLURALS)}"
        else:
            t = f"The {p(NOUNS)} and the {p(NOUNS)}"
        return t[0].upper() + t[1:]


def yaml_str(text):
    """A YAML scalar: plain when that is unambiguous, double-quoted otherwise."""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ,.;'()$€%/?!-]*", text) and ": " not in text and " #" not in text \
            and not text.endswith(":") and text.lower() not in ("yes", "no", "true", "false", "null", "on", "off") \
            and not re.fullmatch(r"[0-9.,\-]+", text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ----------------------------------------------------------------------------------------------------------------
# The site's skeleton: ids, slugs and dates (sequential, from the main seed)


class Plan:
    def __init__(self, notes, seed):
        self.seed = seed
        self.n_notes = notes
        self.n_sources = max(1, notes // 5)
        self.n_topics = max(1, notes // 50)
        rng = random.Random(f"{seed}:plan")
        w = Writer(rng)

        self.topics = []  # (slug, title)
        seen = set()
        for i in range(self.n_topics):
            while True:
                k = int(rng.random() * 3)
                if k == 0:
                    words = [w.pick(ADJECTIVES), w.pick(NOUNS)]
                elif k == 1:
                    words = [w.pick(PLACES), w.pick(NOUNS)]
                else:
                    words = [w.pick(NOUNS), w.pick(PLACES)]
                slug = slugify("-".join(words))
                if slug in seen:
                    slug = f"{slug}-{i}"
                if slug not in seen:
                    break
            seen.add(slug)
            title = " ".join(words)
            self.topics.append((slug, title[0].upper() + title[1:]))

        self.sources = []  # (id, outlet, published date)
        seen = set()
        for i in range(self.n_sources):
            outlet = w.pick(OUTLETS)
            published = w.day()
            sid = f"{slugify(outlet)}-{published.isoformat()}"
            if sid in seen:
                sid = f"{sid}-{i}"
            seen.add(sid)
            self.sources.append((sid, outlet, published))

        self.notes = []  # (slug, title)
        for i in range(self.n_notes):
            title = w.title()
            words = slugify(title).split("-")[:6]
            self.notes.append((f"{'-'.join(words)}-{i:06d}", title))


# ----------------------------------------------------------------------------------------------------------------
# Sources


def source_paragraphs(plan, j):
    """The body of source j as a list of paragraphs (deterministic in seed and j)."""
    sid, outlet, published = plan.sources[j]
    w = Writer(random.Random(f"{plan.seed}:source:{j}"))
    r = w.r
    place = w.pick(PLACES).upper()
    lead = (f"{place}, {MONTH_ABBR[published.month - 1]} {published.day} ({outlet}) -- " + w.sentences(2))
    paragraphs = [lead]
    count = 6 + int(r.random() * 3)
    for k in range(count):
        kind = int(r.random() * 8)
        if kind == 0:
            # Pasted quotation, with typographic quotes and a dash.
            paragraphs.append(f"“{w.sentence()[:-1]},” {w.who()} {w.pick(VERBS_PAST)} — {w.sentence()}")
        elif kind == 1 and k > 0:
            # A pasted list: bullet characters, kept as they are.
            items = [f"• {w.clause()}" for _ in range(3)]
            paragraphs.append(f"{w.pick(CONNECTIVES)}, the report listed:\n" + "\n".join(items))
        else:
            paragraphs.append(w.sentences(3 + int(r.random() * 2)))
    return paragraphs


def source_file(plan, j, paragraphs):
    sid, outlet, published = plan.sources[j]
    w = Writer(random.Random(f"{plan.seed}:source-meta:{j}"))
    r = w.r
    fm = ["---", f"title: {yaml_str(w.title())}", f"outlet: {yaml_str(outlet)}"]
    if r.random() < 0.8:
        fm.append(f"author: {yaml_str(w.person())}")
    fm.append(f"published: {published.isoformat()}")
    fm.append(f"url: https://example.org/{slugify(outlet)}/{slugify(w.title())}-{j}")
    fm.append(f"accessed: {(published + timedelta(days=1 + int(r.random() * 30))).isoformat()}")
    fm.append(f"language: {w.pick(LANGUAGES)}")
    x = r.random()
    if x < 0.2:
        fm.append(f"based_on: [{w.pick(BASED_ON_NAMES)}]")
    elif x < 0.3 and j > 0:
        fm.append(f"based_on: [{plan.sources[int(r.random() * j)][0]}]")
    fm.append("---")
    return "\n".join(fm) + "\n" + "\n\n".join(paragraphs) + "\n"


# ----------------------------------------------------------------------------------------------------------------
# Notes


class Citer:
    """Citations for one note: the note's own source first, then random ones."""

    def __init__(self, plan, w, first):
        self.plan, self.w, self.first = plan, w, first
        self.used_first = False

    def source(self):
        if not self.used_first:
            self.used_first = True
            return self.plan.sources[self.first][0]
        return self.plan.sources[int(self.w.r.random() * self.plan.n_sources)][0]

    def locator(self):
        r = self.w.r
        k = int(r.random() * 6)
        if k <= 2:
            return f"para {1 + int(r.random() * 7)}"
        if k == 3:
            return f"p. {1 + int(r.random() * 40)}"
        if k == 4:
            a = 1 + int(r.random() * 6)
            return f"paras {a}-{a + 1}"
        return f"section {1 + int(r.random() * 5)}"

    def single(self):
        return f"[@{self.source()}]"

    def located(self):
        return f"[@{self.source()}, {self.locator()}]"

    def grouped(self):
        n = 2 + int(self.w.r.random() * 2)
        ids = []
        while len(ids) < n:
            s = self.source()
            if s not in ids:
                ids.append(s)
        items = [f"@{s}, {self.locator()}" if self.w.r.random() < 0.6 else f"@{s}" for s in ids]
        return "[" + "; ".join(items) + "]"


def note_text(plan, i):
    slug, title = plan.notes[i]
    w = Writer(random.Random(f"{plan.seed}:note:{i}"))
    r = w.r
    c = Citer(plan, w, i % plan.n_sources)
    T = plan.n_topics

    topics = [plan.topics[i % T][0]]
    for _ in range(int(r.random() * 3)):
        t = plan.topics[int(r.random() * T)][0]
        if t not in topics:
            topics.append(t)
    d = w.day()
    if r.random() < 0.5:
        when = d.isoformat()
    else:
        offset = w.pick(["Z", "+00:00", "+01:00", "+02:00", "-05:00", "+09:00", "+05:30"])
        when = f"{d.isoformat()}T{int(r.random() * 24):02d}:{int(r.random() * 60):02d}:00{offset}"

    headings = r.sample(HEADINGS, 3)
    b = []
    b.append(f"{w.sentences(2)} {w.sentence()[:-1]} {c.single()}. {w.sentences(1)}")
    b.append(f"## {headings[0]}")
    b.append(f"{w.sentences(2)} {w.sentence()[:-1]} {c.located()}. {w.sentence()[:-1]}[^1].")
    # The table
    rows = ["| Figure | Attributed to | As of | What it counts |", "|---|---|---|---|"]
    for _ in range(4 + int(r.random() * 3)):
        cite = c.located() if r.random() < 0.7 else c.single()
        rows.append(f"| {w.pick(ADVERBS)} {w.number()} | {w.who()} | {w.long_date()} | "
                    f"{w.pick(ADJECTIVES).capitalize()} {w.pick(PLURALS)} in {w.pick(PLACES)} {cite} |")
    b.append("\n".join(rows))
    b.append(f"## {headings[1]}")
    b.append(f"{w.sentences(2)} The **{w.pick(ADJECTIVES)} {w.pick(NOUNS)}** matters here {c.grouped()}. "
             f"{w.sentences(2)}")
    b.append(f"{w.pick(CONNECTIVES)}:")
    items = []
    for k in range(3 + int(r.random() * 3)):
        kind = int(r.random() * 4)
        if kind == 0:
            items.append(f"- {w.sentence()[:-1]} {c.located()}.")
        elif kind == 1:
            items.append(f"- The *{w.pick(ADJECTIVES)}* figure of {w.number()} for `{w.pick(NOUNS)}` {w.pick(VERBS_PAST)} {c.single()}.")
        elif kind == 2:
            items.append(f"- {w.sentence()[:-1]}, as [{w.pick(OUTLETS)}](https://example.org/{slugify(w.pick(NOUNS))}/{i}-{k}) put it.")
        else:
            items.append(f"- {w.sentence()}")
    b.append("\n".join(items))
    b.append(f"## {headings[2]}")
    b.append(f"{w.sentences(2)} {w.sentence()[:-1]} {c.grouped()}. {w.sentence()[:-1]}[^2].")
    if r.random() < 0.5:
        b.append("\n".join(f"{n}. {w.sentence()}" for n in range(1, 4)))
    else:
        b.append(f"> {w.sentence()[:-1]} {c.located()}.")
    b.append(f"{w.sentences(2)} {w.sentence()[:-1]} {c.single()}.")
    b.append(f"[^1]: {w.sentences(2)}\n[^2]: {w.sentence()[:-1]} {c.single()}.")
    body = "\n\n".join(b) + "\n"

    summary = w.sentence()
    fm = ["---", f"title: {yaml_str(title)}", f"date: {when}", f"topics: [{', '.join(topics)}]",
          f"summary: {yaml_str(summary)}", "---"]
    return slug, title, when, topics, summary, body, "\n".join(fm) + "\n" + body


CITATION = re.compile(r"\[(@[a-z0-9-]+(?:, [^;\]\n]+)?(?:; @[a-z0-9-]+(?:, [^;\]\n]+)?)*)\]")


def hugo_citations(body):
    """`[@a; @b, para 2]` → `[[@a](/sources/a/); [@b, para 2](/sources/b/)]`: each item a link to its source."""
    def item(text):
        sid = text[1:].split(",", 1)[0]
        return f"[{text}](/sources/{sid}/)"

    return CITATION.sub(lambda m: "[" + "; ".join(item(t) for t in m.group(1).split("; ")) + "]", body)


def hugo_note(title, when, topics, summary, body):
    fm = ["---", f"title: {yaml_str(title)}", f"date: {when}", f"topics: [{', '.join(topics)}]",
          f"summary: {yaml_str(summary)}", "---"]
    return "\n".join(fm) + "\n" + hugo_citations(body)


# ----------------------------------------------------------------------------------------------------------------
# Topics and claims


def topic_text(plan, t):
    slug, title = plan.topics[t]
    w = Writer(random.Random(f"{plan.seed}:topic:{t}"))
    c = Citer(plan, w, int(w.r.random() * plan.n_sources))
    body = (f"{w.sentences(2)} {w.sentence()[:-1]} {c.located()}.\n\n"
            f"{w.sentences(2)} {w.sentence()[:-1]} {c.single()}.\n")
    fm = ["---", f"title: {yaml_str(title)}", f"summary: {yaml_str(w.sentence())}", "---"]
    return "\n".join(fm) + "\n" + body, body


WORD = re.compile(r"[A-Za-z]+")


def pick_quote(r, paragraphs):
    """A verbatim run of 5–12 words from one paragraph, starting and ending on a plain word; its paragraph number
    is where its first occurrence (case-insensitively) lies."""
    lowered = [" ".join(p.lower().split()) for p in paragraphs]
    for _ in range(50):
        k = int(r.random() * len(paragraphs))
        tokens = paragraphs[k].split()
        if len(tokens) < 6:
            continue
        length = 5 + int(r.random() * 8)
        start = int(r.random() * max(1, len(tokens) - length))
        span = tokens[start:start + length]
        if len(span) < 5 or not WORD.fullmatch(span[0]) or not WORD.fullmatch(span[-1]):
            continue
        if any(t.startswith("•") for t in span) or any('"' in t or "\\" in t for t in span):
            continue
        quote = " ".join(span)
        needle = quote.lower()
        if any(needle in p for p in lowered[:k]) or needle not in lowered[k]:
            continue
        return quote, k + 1
    return None


def claims_for_topic(plan, t, bodies):
    slug, _ = plan.topics[t]
    w = Writer(random.Random(f"{plan.seed}:claims:{t}"))
    r = w.r
    subjects = [f"{slug}-{w.pick(NOUNS)}-{n}" for n in range(2)]
    out = []
    for n in range(10):
        cid = f"{slugify(w.pick(VERBS_PAST))}-{slugify(w.pick(NOUNS))}-{t}-{n}"
        lines = [f"- id: {cid}", f"  statement: {yaml_str(w.sentence())}"]
        topics = [slug]
        if r.random() < 0.3:
            other = plan.topics[int(r.random() * plan.n_topics)][0]
            if other != slug:
                topics.append(other)
        lines.append(f"  topics: [{', '.join(topics)}]")
        if r.random() < 0.5:
            lines.append(f"  subject: {subjects[n % 2]}")
            value = int(r.random() * 200) * 50 + 100 if r.random() < 0.8 else round(r.random() * 30, 1)
            lines.append(f"  value: {value}")
            if r.random() < 0.85:
                lines.append(f"  as_of: {w.day().isoformat()}")
        elif r.random() < 0.3:
            lines.append(f"  as_of: {w.day().isoformat()}")
        lines.append("  sources:")
        chosen = []
        for _ in range(1 + int(r.random() * 3)):
            j = int(r.random() * plan.n_sources)
            if j not in chosen:
                chosen.append(j)
        for j in chosen:
            sid = plan.sources[j][0]
            found = pick_quote(r, bodies(j)) if r.random() < 0.85 else None
            if found is None:
                lines.append(f"    - {sid}")
            else:
                quote, para = found
                lines.append(f"    - source: {sid}")
                lines.append(f"      quote: {yaml_quoted(quote)}")
                lines.append(f"      locator: para {para}")
        out.append("\n".join(lines))
    return f"# Claims about {slug}: generated for benchmarking.\n\n" + "\n\n".join(out) + "\n"


# ----------------------------------------------------------------------------------------------------------------
# Hugo


HUGO_CONFIG = """baseURL: https://example.org/briefing/
languageCode: en
title: {title}
disableKinds: [RSS, sitemap, robotsTXT]
taxonomies:
  topic: topics
markup:
  goldmark:
    renderer:
      unsafe: false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
</head>
<body>
<header class="site-header">
<p class="site-title"><a href="{{ "" | relURL }}">{{ site.Title }}</a></p>
<nav><ul>
<li><a href="{{ "notes/" | relURL }}">Notes</a></li>
<li><a href="{{ "topics/" | relURL }}">Topics</a></li>
<li><a href="{{ "sources/" | relURL }}">Sources</a></li>
</ul></nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><p>{{ site.Title }}</p></footer>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<article class="note">
<header class="page-header">
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ with .GetTerms "topics" }} · <span class="topics">Topics: {{ range . }}<span class="topic-item"><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></span>{{ end }}</span>{{ end }}</p>
{{ with .Params.summary }}<p class="lede">{{ . }}</p>{{ end }}
{{ with .Params.outlet }}<p class="outlet">{{ . }}</p>{{ end }}
</header>
<div class="body">
{{ .Content }}
</div>
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul class="pages">
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.summary }}<br>{{ . }}{{ end }}</li>
{{ end }}</ul>
{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="topics">
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
""",
    "_default/term.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul class="notes">
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.summary }}<br>{{ . }}{{ end }}</li>
{{ end }}</ul>
{{ end }}
""",
}


# ----------------------------------------------------------------------------------------------------------------
# Writing

PLAN = None
OPTIONS = None


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_note(i):
    slug, title, when, topics, summary, body, text = note_text(PLAN, i)
    write(os.path.join(OPTIONS.out, "Content", "notes", slug + ".md"), text)
    if OPTIONS.hugo:
        write(os.path.join(OPTIONS.hugo, "content", "notes", slug + ".md"), hugo_note(title, when, topics, summary, body))
    return len(body.split())


def write_source(j):
    paragraphs = source_paragraphs(PLAN, j)
    text = source_file(PLAN, j, paragraphs)
    sid = PLAN.sources[j][0]
    write(os.path.join(OPTIONS.out, "Content", "sources", sid + ".md"), text)
    if OPTIONS.hugo:
        sid, outlet, published = PLAN.sources[j]
        title = re.search(r"^title: (.*)$", text, re.M).group(1)
        fm = ["---", f"title: {title}", f"date: {published.isoformat()}", f"outlet: {yaml_str(outlet)}", "---"]
        write(os.path.join(OPTIONS.hugo, "content", "sources", sid + ".md"), "\n".join(fm) + "\n" + "\n\n".join(paragraphs) + "\n")
    return sum(len(p.split()) for p in paragraphs)


def write_topic_and_claims(t):
    slug, title = PLAN.topics[t]
    text, body = topic_text(PLAN, t)
    write(os.path.join(OPTIONS.out, "Content", "topics", slug + ".md"), text)
    cache = {}

    def bodies(j):
        if j not in cache:
            cache[j] = source_paragraphs(PLAN, j)
        return cache[j]

    write(os.path.join(OPTIONS.out, "Content", "claims", slug + ".yml"), claims_for_topic(PLAN, t, bodies))
    if OPTIONS.hugo:
        os.makedirs(os.path.join(OPTIONS.hugo, "content", "topics", slug), exist_ok=True)
        fm = ["---", f"title: {yaml_str(title)}", "---"]
        write(os.path.join(OPTIONS.hugo, "content", "topics", slug, "_index.md"), "\n".join(fm) + "\n" + hugo_citations(body))
    return 0


def main(argv=None):
    global PLAN, OPTIONS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, required=True, help="number of notes (sources: N/5, topics: N/50)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="the Briefing site folder to write (Content/ goes inside)")
    parser.add_argument("--hugo", help="also write the notes as a Hugo site into this folder")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (output is identical)")
    OPTIONS = parser.parse_args(argv)
    if OPTIONS.notes < 1:
        parser.error("--notes must be at least 1")

    for d in ("notes", "sources", "topics", "claims"):
        path = os.path.join(OPTIONS.out, "Content", d)
        os.makedirs(path, exist_ok=True)
        if os.listdir(path):
            parser.error(f"{path} is not empty: write into a fresh folder")
    if OPTIONS.hugo:
        for d in ("content/notes", "content/sources", "content/topics", "layouts/_default"):
            os.makedirs(os.path.join(OPTIONS.hugo, d), exist_ok=True)
        if os.listdir(os.path.join(OPTIONS.hugo, "content", "notes")):
            parser.error(f"{OPTIONS.hugo}/content/notes is not empty: write into a fresh folder")

    PLAN = Plan(OPTIONS.notes, OPTIONS.seed)
    site_title = f"Benchmark Briefing ({OPTIONS.notes} notes, seed {OPTIONS.seed})"
    description = (f"A generated digest for timing Briefing: {PLAN.n_notes} notes, {PLAN.n_sources} sources, "
                   f"{PLAN.n_topics} topics and {10 * PLAN.n_topics} claims.")
    write(os.path.join(OPTIONS.out, "Content", "site.yml"),
          f"title: {yaml_str(site_title)}\n"
          f"description: {yaml_str(description)}\nlanguage: en\nbase_url: https://example.org/briefing/\n")
    if OPTIONS.hugo:
        write(os.path.join(OPTIONS.hugo, "config.yaml"), HUGO_CONFIG.format(title=yaml_str(site_title)))
        for name, text in HUGO_LAYOUTS.items():
            write(os.path.join(OPTIONS.hugo, "layouts", name), text)
        write(os.path.join(OPTIONS.hugo, "content", "_index.md"), f"---\ntitle: {site_title}\n---\n")
        write(os.path.join(OPTIONS.hugo, "content", "sources", "_index.md"), "---\ntitle: Sources\n---\n")
        write(os.path.join(OPTIONS.hugo, "content", "notes", "_index.md"), "---\ntitle: Notes\n---\n")

    chunk = 256
    if OPTIONS.jobs > 1:
        with Pool(OPTIONS.jobs) as pool:
            source_words = sum(pool.imap_unordered(write_source, range(PLAN.n_sources), chunk))
            sum(pool.imap_unordered(write_topic_and_claims, range(PLAN.n_topics), 4))
            note_words = sum(pool.imap_unordered(write_note, range(PLAN.n_notes), chunk))
    else:
        source_words = sum(map(write_source, range(PLAN.n_sources)))
        sum(map(write_topic_and_claims, range(PLAN.n_topics)))
        note_words = sum(map(write_note, range(PLAN.n_notes)))
    print(f"wrote {PLAN.n_notes} notes (~{note_words // PLAN.n_notes} words each), {PLAN.n_sources} sources "
          f"(~{source_words // PLAN.n_sources} words), {PLAN.n_topics} topics, {10 * PLAN.n_topics} claims "
          f"into {OPTIONS.out}" + (f" and {OPTIONS.hugo}" if OPTIONS.hugo else ""))


if __name__ == "__main__":
    sys.exit(main())
