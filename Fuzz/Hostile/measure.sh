#!/usr/bin/env bash
# Builds hostile sites with the release `briefing` binary and measures each build with /usr/bin/time -v:
# the table "Hostile input: what was tried" in Fuzz/README.md comes from here.
#   Fuzz/Hostile/measure.sh [case...]     # every case, or the ones named; needs /usr/bin/time (apt-get install time)
# Builds the binary first: swift build -c release --scratch-path .build-release --product briefing
# Sites are made under $TMPDIR (default /tmp) and removed afterwards. Some cases need root (another user, mounts):
# they say "skipped" without it.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
# MEASURE_NO_BUILD=1 measures the binary as it is.
if [[ -z "${MEASURE_NO_BUILD:-}" ]]; then
    nice -n 19 swift build -c release --package-path "$repo" --scratch-path "$repo/.build-release" --product briefing >&2 || exit 1
fi
briefing="$repo/.build-release/release/briefing"
work="$(mktemp -d "${TMPDIR:-/tmp}/briefing-hostile-XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The minimal site of the tests: one topic, one source, one note citing it, one claim quoting it.
base_site() {
    local site="$1"
    mkdir -p "$site/Content/notes" "$site/Content/sources" "$site/Content/topics" "$site/Content/claims"
    printf 'title: Hostile\n' >"$site/Content/site.yml"
    printf -- '---\ntitle: Alpha\n---\nAbout alpha [@src].\n' >"$site/Content/topics/alpha.md"
    printf -- '---\ntitle: A Report\noutlet: Example Times\npublished: 2024-10-23\n---\nThe report says 3,000 soldiers arrived.\n' >"$site/Content/sources/src.md"
    printf -- '---\ntitle: First Note\ndate: 2024-10-24\ntopics: [alpha]\n---\nSomething happened [@src, para 1].\n' >"$site/Content/notes/first.md"
    printf -- '- id: arrived\n  statement: About 3,000 soldiers arrived.\n  topics: [alpha]\n  sources:\n    - source: src\n      quote: 3,000 soldiers arrived\n' >"$site/Content/claims/main.yml"
}

note_header() { printf -- '---\ntitle: %s\ndate: 2024-10-25\ntopics: [alpha]\n---\n' "$1"; }

# `measure NAME COMMAND...`: one table row: exit status, wall time, peak RSS, and the first line of error output.
measure() {
    local name="$1"
    shift
    /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>"$work/err"
    local status=$?
    local wall cpu rss
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")"
    cpu="$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f s", u + s}' "$work/time")"
    rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}' "$work/time")"
    local said
    said="$(cat "$work/err" "$work/out" | grep -m1 -E 'error|Built' | sed "s|$work/||g" | cut -c1-220)"
    printf '| %s | exit %s | %s | %s | %s | %s |\n' "$name" "$status" "$cpu" "$wall" "$rss" "$said"
}

case_note_100mb() {
    local site="$work/note-100mb"; base_site "$site"
    # The note of LargeNoteTests, to 100 MB: 1.1 M paragraphs, every tenth citing the source.
    { note_header "A hundred megabytes"
      awk 'BEGIN { for (i = 0; bytes < 100000000; i++) {
          line = (i % 10 == 0) ? "Paragraph " i " of a *very* long note cites a report [@src, para 1].\n" \
                               : "Paragraph " i " of a very long note goes on about the [front](https://example.org) at length.\n"
          printf "%s\n", line; bytes += length(line) + 1 } }'; } >"$site/Content/notes/huge.md"
    measure "100 MB note (1.1 M paragraphs, 110,000 citations)" "$briefing" build "$site"
}

case_line_1mb() {
    local site="$work/line-1mb"; base_site "$site"
    { note_header "One long line"; yes 'word' | head -n 200000 | tr '\n' ' '; echo '[@src]'; } >"$site/Content/notes/line.md"
    measure "1 MB line" "$briefing" build "$site"
}

case_citations_10k() {
    local site="$work/citations-10k"; base_site "$site"
    { note_header "Ten thousand citations"; for i in $(seq 1 10000); do printf '[@src, para %d] ' "$i"; done; echo; } >"$site/Content/notes/cites.md"
    measure "10,000 citations in one paragraph" "$briefing" build "$site"
}

case_nesting() {
    local site="$work/nesting"; base_site "$site"
    { note_header "Deep"; printf '> %.0s' $(seq 1 10000); echo 'deep [@src]'; echo; printf -- '- %.0s' $(seq 1 5000); echo 'list'; } >"$site/Content/notes/deep.md"
    measure "10,000 nested quotes + 5,000 nested list items" "$briefing" build "$site"
}

case_alias_bomb() {
    local site="$work/alias-bomb"; base_site "$site"
    { echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
      local previous=a
      for level in b c d e f g h i; do
          printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' "$level" "$level" $previous $previous $previous $previous $previous $previous $previous $previous $previous
          previous=$level
      done; } >"$site/Content/claims/bomb.yml"
    measure "YAML alias bomb (9^9 values) in a claims file" "$briefing" build "$site"
}

case_invalid_utf8() {
    local site="$work/invalid-utf8"; base_site "$site"
    { note_header "Bad bytes"; printf 'caf\xc3 and \xff\xfe here\n'; } >"$site/Content/notes/bad.md"
    measure "invalid UTF-8 in a note" "$briefing" build "$site"
}

case_bom_crlf() {
    local site="$work/bom-crlf"; base_site "$site"
    for file in $(find "$site/Content" -type f); do
        { printf '\xef\xbb\xbf'; sed 's/$/\r/' "$file"; } >"$file.tmp" && mv "$file.tmp" "$file"
    done
    measure "BOM + CRLF in every file" "$briefing" build "$site"
}

case_empty_files() {
    local site="$work/empty"; base_site "$site"
    : >"$site/Content/notes/empty.md"; : >"$site/Content/claims/empty.yml"; : >"$site/Content/sources/blank.md"
    measure "empty note, source and claims file" "$briefing" build "$site"
}

case_unclosed() {
    local site="$work/unclosed"; base_site "$site"
    printf -- '---\ntitle: Never closed\ndate: 2024-10-25\n\nBody.\n' >"$site/Content/notes/open.md"
    measure "unclosed front matter" "$briefing" build "$site"
}

case_paths() {
    local site="$work/path cases/site with spaces"; base_site "$site"
    note_header "Spaces" >"$site/Content/notes/with space.md"
    note_header "Accent" >"$site/Content/notes/ünïcode.md"
    note_header "Upper" >"$site/Content/notes/First.md"
    measure "bad file names (space, accents, First.md beside first.md)" "$briefing" build "$site"
    rm "$site/Content/notes/with space.md" "$site/Content/notes/ünïcode.md" "$site/Content/notes/First.md"
    measure "site and output paths with spaces" "$briefing" build "$site" --output "$work/path cases/out put"
}

case_concurrent() {
    local site="$work/concurrent"; base_site "$site"
    for i in $(seq 1 200); do { note_header "Note $i"; echo "Body $i [@src]."; } >"$site/Content/notes/n$i.md"; done
    "$briefing" build "$site" >/dev/null 2>&1 &
    local other=$!
    measure "two builds of one output at once (second row: the other one)" "$briefing" build "$site"
    wait "$other"; echo "| (the other build) | exit $? | | | | |"
}

case_read_only() {
    local site="$work/read-only"; base_site "$site"
    "$briefing" build "$site" --output "$work/ro/Output" >/dev/null 2>&1
    if [[ $(id -u) == 0 ]] && command -v setpriv >/dev/null; then
        chmod 0555 "$work/ro"; chmod -R a+rX "$work"
        measure "output folder not writable (as nobody)" setpriv --reuid=65534 --regid=65534 --clear-groups "$briefing" build "$site" --output "$work/ro/Output"
        chmod 0755 "$work/ro"
        measure "read-only file system (ro bind mount)" unshare --mount sh -c 'mount --bind -o ro "$1" "$1" && exec "$0" build "$2" --output "$1/Output"' "$briefing" "$work/ro" "$site"
    else
        echo "| read-only output | skipped: needs root and setpriv | | | | |"
    fi
}

case_full_disk() {
    local site="$work/full-disk"; base_site "$site"
    { note_header "Big"; yes 'A paragraph that fills the disk. [@src]

' | head -c 4000000; } >"$site/Content/notes/big.md"
    measure "file size limit 1 MB (ulimit -f, SIGXFSZ ignored: EFBIG)" sh -c "trap '' XFSZ; ulimit -f 2048; exec \"\$0\" build \"\$1\"" "$briefing" "$site"
    if [[ $(id -u) == 0 ]]; then
        mkdir -p "$work/tmpfs"
        measure "full disk: 2 MB tmpfs (ENOSPC)" unshare --mount sh -c 'mount -t tmpfs -o size=2m tmpfs "$1" && exec "$0" build "$2" --output "$1/Output"' "$briefing" "$work/tmpfs" "$site" 
    fi
}

echo '| input | result | CPU (user + sys) | wall time | peak RSS | what it said |'
echo '|---|---|---|---|---|---|'
cases=("$@")
((${#cases[@]})) || cases=(note_100mb line_1mb citations_10k nesting alias_bomb invalid_utf8 bom_crlf empty_files unclosed paths concurrent read_only full_disk)
for name in "${cases[@]}"; do "case_$name"; done
