#!/usr/bin/env bash
# The benchmark suite in one command. From the top of the repository:
#
#   Benchmarks/run.sh [--sizes 1000,10000] [--runs 5] [--no-warmup] [--seed 1] [--no-hugo] [--profile 1000]
#                     [--budget 900] [--warmup-limit 30] [--skip-above 30] [--force] [--work /tmp/briefing-bench] [--results FILE]
#
# 1. installs what is missing (GNU time, Hugo, valgrind for --profile, the cmark-gfm headers) with apt-get;
# 2. builds briefing in release mode: swift build -c release --scratch-path .build-bench;
# 3. generates one corpus per size into <work>/corpus (cached by size, seed and generator version);
# 4. times, per size, each measure after one warm-up: briefing full build to disk and to /dev/shm, Hugo on the
#    same notes to disk, to /dev/shm and to memory (interleaved with Briefing's runs), a no-change rebuild, a
#    one-note edit rebuild and `briefing check`; with --profile N, profiles one build at N notes with callgrind;
# 5. prints a Markdown report (also <work>/results.md, raw samples in <work>/results.json).
#
# See BENCHMARKS.md for what each measure means and the latest figures.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
hugo=1
profile=0
args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-hugo) hugo=0; args+=("$1"); shift ;;
        --hugo) hugo=1; args+=("$1"); shift ;;
        --profile) profile="$2"; args+=("$1" "$2"); shift 2 ;;
        --binary) echo "run.sh builds the binary itself; call Benchmarks/bench.py directly to time another one" >&2; exit 2 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) args+=("$1"); shift ;;
    esac
done

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
updated=0
need() {  # need <command or file> <apt package>
    if [[ "$1" == /* ]] && [[ -e "$1" ]]; then return; fi
    if [[ "$1" != /* ]] && command -v "$1" >/dev/null 2>&1; then return; fi
    if [[ $updated -eq 0 ]]; then as_root apt-get update -qq; updated=1; fi
    echo "installing $2" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2
}
need /usr/bin/time time
need python3 python3
need /usr/include/cmark-gfm.h libcmark-gfm-dev
need /usr/include/cmark-gfm-core-extensions.h libcmark-gfm-extensions-dev
[[ $hugo -eq 1 ]] && need hugo hugo
if [[ $profile -ne 0 ]]; then need valgrind valgrind; need objcopy binutils; fi
command -v swift >/dev/null || { echo "error: Swift 6 is needed (swift not found on PATH)" >&2; exit 1; }

cd "$repo"
echo "building: swift build -c release --scratch-path .build-bench" >&2
swift build -c release --scratch-path .build-bench >&2
binary="$(swift build -c release --scratch-path .build-bench --show-bin-path)/briefing"

exec python3 "$repo/Benchmarks/bench.py" --binary "$binary" "${args[@]}"
