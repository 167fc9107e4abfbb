#!/usr/bin/env bash
# Builds the libFuzzer targets and runs them, one after another, each for a number of seconds.
#   Fuzz/run.sh                 # every target, 60 s each
#   Fuzz/run.sh quotes 600      # one target for ten minutes
#   Fuzz/run.sh all 600         # every target, ten minutes each
#   Fuzz/run.sh build           # only build
#   FUZZ_NO_BUILD=1 Fuzz/run.sh quotes 600    # without building first
#   FUZZ_CPU_SECONDS=620 Fuzz/run.sh claims 3600   # stop once the fuzzer has had 620 s of CPU (at most 3600 s of wall
#                                                  # time): on a busy machine a niced fuzzer gets far less CPU than wall time
# New inputs go to Fuzz/.build/corpus/<target>/ (kept between runs); crashes, hangs and leaks to
# Fuzz/.build/findings/<target>/, and libFuzzer's log to Fuzz/.build/logs/<target>.log.
set -euo pipefail
cd "$(dirname "$0")"

targets=(frontmatter citations claims quotes)
which="${1:-all}"
seconds="${2:-60}"

executable() {
    case "$1" in
        frontmatter) echo FuzzFrontMatter ;;
        citations) echo FuzzCitations ;;
        claims) echo FuzzClaims ;;
        quotes) echo FuzzQuotes ;;
        *) echo "unknown target '$1' (one of: ${targets[*]}, all, build)" >&2; exit 2 ;;
    esac
}

# -sanitize=fuzzer adds coverage instrumentation to every Swift module (the engine, Yams, Mustache) and links
# libFuzzer; -enable-testing lets the targets reach the engine's internal parsers with @testable import.
# FUZZ_NO_BUILD=1 runs the binaries as they are (a rebuild after an engine change takes minutes).
if [[ -z "${FUZZ_NO_BUILD:-}" ]]; then
    nice -n 19 swift build -c release --scratch-path .build \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -g -Xswiftc -use-ld=lld
fi
bin="$(swift build -c release --scratch-path .build --show-bin-path)"
[[ "$which" == build ]] && exit 0

run() {
    local target="$1" name
    name="$(executable "$target")"
    mkdir -p ".build/corpus/$target" ".build/findings/$target" .build/logs
    echo "== $target ($name): $seconds s, log in Fuzz/.build/logs/$target.log"
    # New inputs are written to the first folder; the seeds in Corpus/ stay as committed.
    # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: more than 2 GB is a memory blow-up;
    # -detect_leaks: LeakSanitizer (part of ASan on Linux) reports memory never freed.
    local status=0 fuzzer
    # lsan.supp: one leak of Foundation's, not the engine's (see the file).
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" LSAN_OPTIONS="suppressions=$PWD/lsan.supp:print_suppressions=0" \
        nice -n 19 "$bin/$name" \
            ".build/corpus/$target" "Corpus/$target" \
            -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 -max_len=16384 \
            -print_final_stats=1 -artifact_prefix=".build/findings/$target/" \
            >".build/logs/$target.log" 2>&1 &
    fuzzer=$!
    if [[ -n "${FUZZ_CPU_SECONDS:-}" ]]; then
        # utime + stime of the fuzzer, in clock ticks (fields 14 and 15 of /proc/<pid>/stat); SIGINT ends a libFuzzer
        # run cleanly, with its final statistics.
        local ticks; ticks="$(getconf CLK_TCK)"
        while kill -0 "$fuzzer" 2>/dev/null; do
            local used; used="$(awk '{print int(($14 + $15) / '"$ticks"')}' "/proc/$fuzzer/stat" 2>/dev/null || echo 0)"
            if ((used >= FUZZ_CPU_SECONDS)); then kill -INT "$fuzzer"; break; fi
            sleep 5
        done
    fi
    wait "$fuzzer" || status=$?
    grep -q "run interrupted" ".build/logs/$target.log" && [[ -n "${FUZZ_CPU_SECONDS:-}" ]] && status=0
    grep -E '^#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb' ".build/logs/$target.log" || true
    if ((status != 0)); then
        echo "!! $target stopped with status $status: see Fuzz/.build/logs/$target.log and Fuzz/.build/findings/$target/"
        return "$status"
    fi
}

if [[ "$which" == all ]]; then
    failed=0
    for target in "${targets[@]}"; do run "$target" || failed=1; done
    exit "$failed"
else
    run "$which"
fi
