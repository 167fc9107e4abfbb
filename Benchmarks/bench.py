#!/usr/bin/env python3
"""Times Briefing (and Hugo on the same notes) on generated corpora; prints a Markdown report.

Called by Benchmarks/run.sh, which installs the tools and builds the release binary first. Standard library only.

Each command runs under `/usr/bin/time -f "%e %U %S %M"`: wall time is taken with a monotonic clock around it
(millisecond resolution; `%e` has 10 ms), CPU time is `%U + %S`, peak RSS is `%M`. Briefing and Hugo runs are
interleaved round by round, so that both see the same machine load and their ratio is measured in one run.
"""

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "generate_corpus.py")
SHM = "/dev/shm"


def log(message):
    print(message, file=sys.stderr, flush=True)


def sh(command):
    try:
        return subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception:  # noqa: BLE001 - facts are best effort
        return ""


def machine_facts(binary):
    cpu = sh("lscpu | sed -n 's/^Model name:[[:space:]]*//p'") or platform.processor()
    return {
        "nproc": sh("nproc"),
        "cpu": cpu,
        "memory": sh("free -h"),
        "kernel": platform.release(),
        "os": sh(". /etc/os-release && echo \"$PRETTY_NAME\""),
        "swift": sh("swift --version 2>&1 | head -1"),
        "hugo": sh("hugo version"),
        "briefing": sh(f"{binary} --version"),
        "python": platform.python_version(),
        "disk": sh("df -h /tmp | tail -1"),
        "tmpfs": sh(f"df -h {SHM} | tail -1"),
    }


def loadavg():
    try:
        return " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "?"


# ----------------------------------------------------------------------------------------------------------------
# Corpora


def generator_digest():
    with open(GENERATOR, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:10]


def corpus(work, notes, seed, hugo):
    """The cached corpus for (notes, seed, generator version): (site, hugo site, seconds to generate or None)."""
    root = os.path.join(work, "corpus", f"n{notes}-s{seed}-g{generator_digest()}")
    site, hugo_site = os.path.join(root, "site"), os.path.join(root, "hugo")
    marker = os.path.join(root, ".complete")
    if os.path.exists(marker):
        return site, hugo_site, None
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    log(f"generating the corpus for N={notes} (seed {seed}) into {root}")
    started, cpu = time.perf_counter(), children_cpu()
    subprocess.run([sys.executable, GENERATOR, "--notes", str(notes), "--seed", str(seed), "--out", site, "--hugo", hugo_site],
                   check=True, stdout=sys.stderr)
    seconds = time.perf_counter() - started
    with open(marker, "w") as f:
        f.write(f"{seconds:.1f} s wall, {children_cpu() - cpu:.1f} s CPU, load {loadavg()}\n")
    return site, hugo_site, seconds


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def read_all(folder):
    """Reads every file below `folder`: puts the corpus in the page cache without running a build."""
    for base, _, files in os.walk(folder):
        for name in files:
            with open(os.path.join(base, name), "rb") as f:
                while f.read(1 << 20):
                    pass


# ----------------------------------------------------------------------------------------------------------------
# Measuring


class Failure(Exception):
    pass


def run_once(command, expect_clean=False):
    """Runs `command` under /usr/bin/time; returns (wall s, cpu s, peak RSS KiB, warnings)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        started = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", tf.name, *command],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - started
        fields = tf.read().split()
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise Failure(f"`{' '.join(command)}` exited with {done.returncode}:\n{tail}")
    elapsed, user, system, rss = fields[-4:]
    output = (done.stdout + done.stderr).splitlines()
    warnings = sum(1 for line in output if ": warning:" in line or line.startswith("WARN"))
    return {"wall": wall, "time_e": float(elapsed), "cpu": float(user) + float(system), "rss_kb": int(rss),
            "warnings": warnings}


def summary(samples):
    walls = [s["wall"] for s in samples]
    return {
        "runs": len(samples),
        "median": statistics.median(walls),
        "min": min(walls),
        "max": max(walls),
        "cpu_median": statistics.median(s["cpu"] for s in samples),
        "rss_median_mb": statistics.median(s["rss_kb"] for s in samples) / 1024,
        "rss_max_mb": max(s["rss_kb"] for s in samples) / 1024,
        "warnings": max(s["warnings"] for s in samples),
        "samples": samples,
    }


class Measure:
    def __init__(self, key, label, command, prepare=None, tool="briefing"):
        self.key, self.label, self.command, self.prepare, self.tool = key, label, command, prepare, tool
        self.samples = []

    def run(self, record=True):
        if self.prepare:
            self.prepare()
        sample = run_once(self.command)
        if record:
            self.samples.append(sample)
        return sample


def remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.exists(path):
        os.remove(path)


def bench_size(args, n, previous):
    site, hugo_site, generated = corpus(args.work, n, args.seed, args.hugo)
    result = {"n": n, "site": site, "hugo_site": hugo_site, "measures": {},
              "notes": []}
    with open(os.path.join(os.path.dirname(site), ".complete")) as f:
        result["generated"] = f.read().strip()
    result["cached"] = generated is None

    # Skip sizes that cannot fit: the brief runs 100,000 only when 10,000 builds in under ~30 s.
    if previous and n > previous["n"] and "build-disk" in previous["measures"]:
        last = previous["measures"]["build-disk"]["median"]
        predicted = last * n / previous["n"]
        if last > args.skip_above and not args.force:
            estimate = f"{predicted:.0f} s" if predicted < 120 else f"{predicted / 60:.0f} min"
            result["skipped"] = (f"a build at N={previous['n']:,} took {last:.1f} s (over --skip-above {args.skip_above:.0f} s), "
                                 f"so one build at N={n:,} would take about {estimate} or more if it scaled linearly; "
                                 f"pass --force to run it anyway")
            log(result["skipped"])
            return result
    else:
        predicted = None

    out_disk = os.path.join(args.work, "out", f"briefing-{n}")
    out_shm = os.path.join(SHM, "briefing-bench", f"briefing-{n}")
    hugo_disk = os.path.join(args.work, "out", f"hugo-{n}")
    hugo_shm = os.path.join(SHM, "briefing-bench", f"hugo-{n}")
    os.makedirs(os.path.dirname(out_disk), exist_ok=True)
    os.makedirs(os.path.dirname(out_shm), exist_ok=True)

    def cache_of(output):
        # The build's caches live beside its output folder: .briefing-cache/<name>.json and <name>.pages.json.
        folder = os.path.join(os.path.dirname(output), ".briefing-cache")
        name = os.path.basename(output)
        return [os.path.join(folder, name + ".json"), os.path.join(folder, name + ".pages.json")]

    notes_dir = os.path.join(site, "Content", "notes")
    edited = os.path.join(notes_dir, sorted(os.listdir(notes_dir))[n // 2])
    with open(edited, "rb") as f:
        original = f.read()
    edits = [0]

    def fresh(path):
        def prepare():
            remove(path)
            for file in cache_of(path):
                remove(file)
        return prepare

    def edit_note():
        edits[0] += 1
        with open(edited, "a", encoding="utf-8") as f:
            f.write(f"\nEdited for rebuild {edits[0]}: one more sentence at the end of the note.\n")

    briefing = args.binary
    measures = [
        Measure("build-disk", "full build → disk", [briefing, "build", site, "--output", out_disk], fresh(out_disk)),
        Measure("build-shm", "full build → tmpfs", [briefing, "build", site, "--output", out_shm], fresh(out_shm)),
    ]
    if args.hugo:
        measures += [
            Measure("hugo-disk", "Hugo → disk", ["hugo", "--quiet", "-s", hugo_site, "-d", hugo_disk], fresh(hugo_disk), "hugo"),
            Measure("hugo-shm", "Hugo → tmpfs", ["hugo", "--quiet", "-s", hugo_site, "-d", hugo_shm], fresh(hugo_shm), "hugo"),
            Measure("hugo-memory", "Hugo → memory (--renderToMemory)", ["hugo", "--quiet", "-s", hugo_site, "--renderToMemory"],
                    None, "hugo"),
        ]
    # The output of this round's disk build is in place and nothing changed: a no-change rebuild.
    measures += [
        Measure("rebuild-nochange", "no-change rebuild → disk", [briefing, "build", site, "--output", out_disk]),
        Measure("rebuild-one-note", "one-note edit rebuild → disk", [briefing, "build", site, "--output", out_disk], edit_note),
        Measure("check", "`briefing check`", [briefing, "check", site]),
    ]

    # How many runs fit: each measure's time at this size is predicted from the previous size, scaled linearly.
    # When `--runs` rounds (plus warm-ups) of every measure would exceed --budget seconds, fewer rounds are run,
    # and measures predicted to take longer than --warmup-limit seconds get no warm-up run (the corpus is read
    # into the page cache beforehand instead).
    runs = {m.key: args.runs for m in measures}
    warm = {m.key: args.warmup for m in measures}
    if not args.warmup:
        result["notes"].append("no warm-up runs (--no-warmup): the corpus was read into the page cache beforehand instead")
    if predicted:
        scale = n / previous["n"]
        guess = {m.key: previous["measures"].get(m.key, previous["measures"]["build-disk"])["median"] * scale for m in measures}
        per_round = sum(guess.values())
        if per_round * (args.runs + 1) > args.budget:
            fit = max(1, min(args.runs, int(args.budget // per_round)))
            cold = [m.label for m in measures if guess[m.key] > args.warmup_limit]
            for m in measures:
                runs[m.key] = fit
                warm[m.key] = args.warmup and guess[m.key] <= args.warmup_limit
            result["notes"].append(
                f"predicted from N={previous['n']:,}: about {per_round:.0f} s for one round of all measures, so {fit} "
                f"round(s) were run to stay within --budget {args.budget:.0f} s"
                + (f"; no warm-up run for {', '.join(cold)} (predicted over {args.warmup_limit:.0f} s each): "
                   "the corpus was read into the page cache beforehand instead" if cold else ""))

    log(f"N={n:,}: load {loadavg()}")
    result["load_before"] = loadavg()
    serve_samples = []
    try:
        read_all(site)
        if args.hugo:
            read_all(hugo_site)
        for m in measures:
            if warm[m.key]:
                log(f"  warm-up: {m.label}")
                m.run(record=False)
        for round_ in range(max(runs.values())):
            for m in measures:
                if round_ < runs[m.key]:
                    s = m.run()
                    log(f"  [{round_ + 1}/{runs[m.key]}] {m.label}: {s['wall']:.3f} s, cpu {s['cpu']:.2f} s, "
                        f"{s['rss_kb'] / 1024:.0f} MB (load {loadavg()})")
        if args.serve:
            serve_samples = serve_rebuilds(briefing, site, edit_note, max(runs.values()))
    finally:
        with open(edited, "wb") as f:
            f.write(original)
        remove(out_shm)
        remove(hugo_shm)
        remove(os.path.join(site, "Output"))
        remove(os.path.join(site, ".briefing-cache"))
    result["load_after"] = loadavg()
    result["measures"] = {m.key: dict(summary(m.samples), label=m.label, tool=m.tool, command=m.command) for m in measures}
    if args.serve and serve_samples:
        result["measures"]["serve-one-note"] = dict(summary(serve_samples), label="one-note edit rebuild in `briefing serve`",
                                                    tool="briefing", command=[briefing, "serve", site, "--port", "0"])
    result["edited_note"] = os.path.relpath(edited, site)
    return result


def serve_rebuilds(briefing, site, edit, rounds):
    """Starts `briefing serve` on the site, waits for its first build, then edits one note `rounds` times and reads
    how long each rebuild took from the server's own line (`Built N pages in X s after a change to …`). The wall time
    is the server's, from the moment it saw the change; peak RSS is the server process's at the end."""
    import re
    import select
    process = subprocess.Popen([briefing, "serve", site, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, bufsize=1)
    built = re.compile(r"^Built \d+ pages in ([0-9.]+) s")

    def next_build(timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([process.stdout], [], [], 1)
            if ready:
                line = process.stdout.readline()
                if not line:
                    raise Failure("briefing serve stopped")
                match = built.match(line)
                if match:
                    return float(match.group(1))
        raise Failure("briefing serve did not finish a build in time")

    def cpu_seconds():
        with open(f"/proc/{process.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    samples = []
    try:
        next_build(3600)
        for round_ in range(rounds):
            before = cpu_seconds()
            edit()
            seconds = next_build(600)
            with open(f"/proc/{process.pid}/status") as f:
                rss_kb = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
            # CPU includes the watcher's polling between the edit and the rebuild (a few milliseconds).
            samples.append({"wall": seconds, "cpu": cpu_seconds() - before, "rss_kb": rss_kb, "warnings": 0})
            log(f"  [{round_ + 1}/{rounds}] one-note edit rebuild in briefing serve: {seconds:.3f} s")
    finally:
        process.terminate()
        process.wait(timeout=30)
    return samples


# ----------------------------------------------------------------------------------------------------------------
# Profile


def profile(args, n):
    site, _, _ = corpus(args.work, n, args.seed, False)
    out = os.path.join(args.work, "out", f"callgrind-{n}")
    remove(out)
    data = os.path.join(args.work, f"callgrind.out.n{n}")
    # Valgrind 3.19 (Debian 12) cannot read the DWARF 5 that Swift 6 emits and gives up; a copy without debug
    # sections keeps its symbol table, which is all that per-function costs need.
    binary = os.path.join(args.work, "briefing-nodebug")
    subprocess.run(["objcopy", "--strip-debug", args.binary, binary], check=True)
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={data}", binary, "build", site, "--output", out]
    log("profiling: " + " ".join(command))
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    reports = {}
    for kind, flag in (("inclusive", "--inclusive=yes"), ("self", "--inclusive=no")):
        text = subprocess.run(["callgrind_annotate", flag, "--threshold=100", data], capture_output=True, text=True,
                              check=True).stdout
        demangled = subprocess.run(["swift", "demangle", "--simplified"], input=text, capture_output=True, text=True)
        text = demangled.stdout if demangled.returncode == 0 and demangled.stdout else text
        path = os.path.join(args.work, f"callgrind-n{n}-{kind}.txt")
        with open(path, "w") as f:
            f.write(text)
        reports[kind] = path
    return {"n": n, "command": command, "seconds": seconds, "data": data, "reports": reports}


# ----------------------------------------------------------------------------------------------------------------
# Report


def fmt_s(seconds):
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.2f}" if seconds < 100 else f"{seconds:.1f}"


def report(args, facts, results, prof):
    lines = ["# Briefing benchmark results", ""]
    lines.append(f"Machine: {facts['nproc']} cores, {facts['cpu']}; {facts['os']}, Linux {facts['kernel']}")
    lines.append(f"Tools: {facts['swift']}; {facts['hugo']}; briefing {facts['briefing']}; Python {facts['python']}")
    lines.append(f"Seed {args.seed}; {args.runs} run(s) requested per measure{' after one warm-up' if args.warmup else ''}; "
                 "wall times in seconds.")
    lines.append("")
    for r in results:
        n = r["n"]
        gen = r.get("generated")
        lines.append(f"## N = {n:,} notes ({n // 5:,} sources, {max(1, n // 50):,} topics, {10 * max(1, n // 50):,} claims)")
        lines.append("")
        if gen:
            lines.append(f"Corpus generated in {gen}{' (cached from an earlier run)' if r.get('cached') else ''}.")
            lines.append("")
        if r.get("skipped"):
            lines.append(f"Not timed: {r['skipped']}.")
            lines.append("")
            continue
        lines.append(f"Load average before {r['load_before']}, after {r['load_after']}.")
        for note in r["notes"]:
            lines.append(f"Note: {note}.")
        lines.append("")
        lines.append("| measure | runs | median | min | max | CPU (user+sys, median) | peak RSS MB (median / max) |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        for key, m in r["measures"].items():
            warn = f" ({m['warnings']} warnings)" if m["warnings"] else ""
            lines.append(f"| {m['label']}{warn} | {m['runs']} | {fmt_s(m['median'])} | {fmt_s(m['min'])} | {fmt_s(m['max'])} | "
                         f"{fmt_s(m['cpu_median'])} | {m['rss_median_mb']:.0f} / {m['rss_max_mb']:.0f} |")
        lines.append("")
        ms = r["measures"]
        if "hugo-disk" in ms:
            lines.append("| Briefing / Hugo, same run | wall (median) | CPU (median) | peak RSS |")
            lines.append("|---|---:|---:|---:|")
            for b, h in (("build-disk", "hugo-disk"), ("build-shm", "hugo-shm"), ("build-shm", "hugo-memory")):
                lines.append(f"| {ms[b]['label']} ÷ {ms[h]['label']} | {ms[b]['median'] / ms[h]['median']:.2f}× | "
                             f"{ms[b]['cpu_median'] / ms[h]['cpu_median']:.2f}× | {ms[b]['rss_median_mb'] / ms[h]['rss_median_mb']:.2f}× |")
            lines.append("")
        lines.append("Commands (each under `/usr/bin/time -f \"%e %U %S %M\"`):")
        lines.append("")
        lines.append("```")
        for key, m in ms.items():
            lines.append(f"{key:17} {' '.join(m['command'])}")
        lines.append("```")
        lines.append("")
    lines += targets(results)
    if prof:
        lines.append(f"## Profile (N = {prof['n']:,})")
        lines.append("")
        lines.append(f"`{' '.join(prof['command'])}` took {prof['seconds']:.0f} s under callgrind; "
                     f"annotations: {prof['reports']['inclusive']}, {prof['reports']['self']}.")
        lines.append("")
    return "\n".join(lines)


def targets(results):
    by_n = {r["n"]: r["measures"] for r in results if r.get("measures")}
    m10 = by_n.get(10000)
    if not m10:
        return []
    rows = ["## Targets (from the issue) at N = 10,000", "", "| target | measured | met? |", "|---|---|---|"]

    def row(target, measured, ok):
        rows.append(f"| {target} | {measured} | {'yes' if ok else '**no**'} |")

    if "hugo-disk" in m10:
        for b, h in (("build-disk", "hugo-disk"), ("build-shm", "hugo-shm"), ("build-shm", "hugo-memory")):
            ratio = m10[b]["median"] / m10[h]["median"]
            row(f"{m10[b]['label']} ≤ 0.5 × {m10[h]['label']}", f"{fmt_s(m10[b]['median'])} s vs {fmt_s(m10[h]['median'])} s = {ratio:.2f}×", ratio <= 0.5)
    rss = max(m10["build-disk"]["rss_max_mb"], m10["build-shm"]["rss_max_mb"])
    row("full build peak RSS ≤ 400 MB", f"{rss:.0f} MB", rss <= 400)
    row("one edited note: rebuild ≤ 50 ms", f"{fmt_s(m10['rebuild-one-note']['median'])} s", m10["rebuild-one-note"]["median"] <= 0.05)
    if "serve-one-note" in m10:
        row("one edited note in `briefing serve`: rebuild ≤ 50 ms", f"{fmt_s(m10['serve-one-note']['median'])} s",
            m10["serve-one-note"]["median"] <= 0.05)
    row("no-change rebuild ≤ 200 ms", f"{fmt_s(m10['rebuild-nochange']['median'])} s", m10["rebuild-nochange"]["median"] <= 0.2)
    m100 = by_n.get(100000)
    if m100:
        ratio = m100["build-disk"]["median"] / m10["build-disk"]["median"]
        row("N = 100,000 full build ≤ 12 × the N = 10,000 figure", f"{ratio:.1f}×", ratio <= 12)
        rss = m100["build-disk"]["rss_max_mb"]
        row("N = 100,000 peak RSS ≤ 2 GB", f"{rss:.0f} MB", rss <= 2048)
    else:
        row("N = 100,000 full build ≤ 12 × the N = 10,000 figure", "not measured (see above)", False)
    rows.append("")
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="the briefing executable")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated note counts (empty: none)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measure, after one warm-up")
    parser.add_argument("--warmup", action=argparse.BooleanOptionalAction, default=True,
                        help="one untimed run of each measure first (--no-warmup: only read the corpus into the page cache)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hugo", action=argparse.BooleanOptionalAction, default=True, help="time Hugo on the same notes")
    parser.add_argument("--work", default="/tmp/briefing-bench", help="corpora, outputs and results")
    parser.add_argument("--budget", type=float, default=900,
                        help="seconds the measures of one size may take: fewer rounds (and no warm-up for slow "
                             "measures) when a size, predicted from the previous one, would exceed it")
    parser.add_argument("--warmup-limit", type=float, default=30,
                        help="when the budget forces fewer runs, skip the warm-up of measures predicted to take longer")
    parser.add_argument("--skip-above", type=float, default=30,
                        help="skip a larger size when the previous size's build took longer than this many seconds")
    parser.add_argument("--force", action="store_true", help="run every size, however long it takes")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also profile one build at N notes with callgrind")
    parser.add_argument("--serve", action=argparse.BooleanOptionalAction, default=True,
                        help="also time one-note rebuilds inside `briefing serve` (which keeps parsed content in memory)")
    parser.add_argument("--results", help="write the Markdown report here too (default: <work>/results.md; the raw "
                                               "samples go beside it, as .json)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    os.makedirs(args.work, exist_ok=True)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]

    facts = machine_facts(args.binary)
    results = []
    started = time.perf_counter()
    for n in sizes:
        results.append(bench_size(args, n, next((r for r in reversed(results) if r.get("measures")), None)))
    prof = profile(args, args.profile) if args.profile else None
    total = time.perf_counter() - started

    text = report(args, facts, results, prof) + f"\nTotal benchmark time: {total / 60:.1f} min.\n"
    print(text)
    markdown = args.results or os.path.join(args.work, "results.md")
    raw = os.path.splitext(markdown)[0] + ".json"
    with open(markdown, "w") as f:
        f.write(text)
    with open(raw, "w") as f:
        json.dump({"facts": facts, "results": results, "profile": prof, "seconds": total}, f, indent=1)
    log(f"results: {markdown}, {raw}")


if __name__ == "__main__":
    try:
        main()
    except Failure as failure:
        log(f"error: {failure}")
        sys.exit(1)
