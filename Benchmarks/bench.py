#!/usr/bin/env python3
"""Whole-process benchmarks for kb and faq on the real corpora (`make bench`).

Each job runs several times; the table shows the median wall time, the peak resident memory
(from wait4's rusage, so children count) and the ratio to the floor measured in the same run:
Debian's `cmark` parsing and rendering the same bytes, concatenated. Scaling runs repeat the
jobs on 1x, 4x and 16x copies of the tldr corpus and report time per page. Peer tools (hugo,
pagefind, detect-secrets) run on the same corpus when installed and are skipped quietly otherwise.

Python rather than Swift: it only spawns processes and reads rusage, and a benchmark harness
that shares no code with the binaries it measures cannot flatter them.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpora")


def run_once(cmd, env=None, stdin=None):
    """Runs cmd, returns (seconds, peak RSS in MB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=stdin, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def measure(cmd, runs, env=None, setup=None, stdin_path=None):
    """cmd is an argument list, or a function of the run number that returns one."""
    times, peaks, codes = [], [], set()
    for run in range(runs):
        if setup:
            setup()
        stdin = open(stdin_path, "rb") if stdin_path else None
        t, m, c = run_once(cmd(run) if callable(cmd) else cmd, env=env, stdin=stdin)
        if stdin:
            stdin.close()
        times.append(t)
        peaks.append(m)
        codes.add(c)
    return statistics.median(times), max(peaks), codes


def unpack(name, into):
    with tarfile.open(os.path.join(SHARED, name + ".tar.gz")) as tar:
        tar.extractall(into)


def concatenate(root, out_path):
    total = 0
    pages = 0
    with open(out_path, "wb") as out:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.endswith(".md"):
                    with open(os.path.join(dirpath, name), "rb") as f:
                        data = f.read()
                    out.write(data + b"\n")
                    total += len(data)
                    pages += 1
    return total, pages


def replicate(src, dest, copies):
    os.makedirs(dest, exist_ok=True)
    for i in range(copies):
        shutil.copytree(src, os.path.join(dest, "copy%02d" % i))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scale", default="1,4,16")
    ap.add_argument("--quick", action="store_true", help="fewer runs, no 16x")
    args = ap.parse_args()
    if args.quick:
        args.runs = 3
        args.scale = "1,4"
    kb = os.path.join(args.bin, "kb")
    faq = os.path.join(args.bin, "faq")
    for tool in (kb, faq):
        if not os.access(tool, os.X_OK):
            sys.exit("bench: %s is missing; run `make release` first" % tool)
    if not shutil.which("cmark"):
        sys.exit("bench: Debian's cmark is needed for the floor (apt-get install cmark)")

    work = tempfile.mkdtemp(prefix="kb-bench-")
    rows = []
    results = {}
    try:
        unpack("tldr-pages", work)
        tldr = os.path.join(work, "tldr-pages", "pages")
        # Homebrew's docs: 90 pages of sections, so faq fuses the WordLlama cosine over every
        # candidate (tldr's pages are all whole guides, which carry no vector).
        unpack("homebrew-docs", work)
        homebrew = os.path.join(work, "homebrew-docs", "docs")
        guides = os.path.join(ROOT, "guides")
        concat = os.path.join(work, "tldr-all.md")
        size, pages = concatenate(tldr, concat)
        floor, floor_mem, _ = measure(["cmark", concat], args.runs)
        print("corpus: tldr-pages, %d pages, %.1f MB; floor (cmark on the same bytes): %.1f ms\n"
              % (pages, size / 1e6, floor * 1000))

        cache = os.path.join(work, "cache")
        env = dict(os.environ, XDG_CACHE_HOME=cache, NO_COLOR="1")
        site_out = os.path.join(work, "site")
        fresh_outputs = [0]

        def fresh_site(label):
            """A new output folder per run. Removing the previous site between runs would
            measure the file system instead: on a journal-less ext4 (this VM) creating files
            within 30 s of deleting thousands is several times slower, because the inode
            allocator skips each recently freed inode. All are removed at the end."""
            def cmd_for(root):
                def make(run):
                    fresh_outputs[0] += 1
                    return [kb, "build", root, "--output",
                            os.path.join(work, "fresh", "%s-%d" % (label, fresh_outputs[0]))]
                return make
            return cmd_for

        def clear_cache():
            shutil.rmtree(cache, ignore_errors=True)

        # kb lint --fix rewrites files in place: it runs on a copy (tldr has nothing to fix, so
        # every run sees the same input; the cost measured is finding what could be fixed).
        # --baseline reads a baseline of every finding the plain run reports, so each one is
        # hashed and looked up.
        tldr_fix = os.path.join(work, "tldr-fix")
        shutil.copytree(tldr, tldr_fix)
        baseline_file = os.path.join(work, "kb-baseline.txt")
        subprocess.run([kb, "lint", tldr, "--write-baseline", baseline_file], capture_output=True)

        jobs = [
            ("kb inspect --json", [kb, "inspect", tldr, "--json"], None, True),
            ("kb lint", [kb, "lint", tldr], None, True),
            ("kb lint --fix", [kb, "lint", tldr_fix, "--fix"], None, True),
            ("kb lint --baseline", [kb, "lint", tldr, "--baseline", baseline_file], None, True),
            ("kb build (site + index)", fresh_site("1x")(tldr), None, True),
            ("kb build (rebuild)", [kb, "build", tldr, "--output", site_out], None, True),
            ("faq cold (no cache)", [faq, "--guides", tldr, "extract a tar archive"], clear_cache, True),
            ("faq warm", [faq, "--guides", tldr, "extract a tar archive"], None, True),
            ("faq shipped guides", [faq, "--guides", guides, "lose my key"], None, False),
            ("faq warm, Homebrew (fused)", [faq, "--guides", homebrew, "how do I install a formula from source"],
             None, False),
        ]
        print("%-26s %10s %10s %9s %6s" % ("job", "median", "peak MB", "x floor", "exit"))
        for name, cmd, setup, vs_floor in jobs:
            if name in ("faq warm", "kb build (rebuild)", "faq warm, Homebrew (fused)"):
                run_once(cmd, env=env)  # fill the cache; build the site once to rebuild it
            t, mem, codes = measure(cmd, args.runs, env=env, setup=setup)
            results[name] = (t, mem)
            ratio = "%.2f" % (t / floor) if vs_floor else "-"
            print("%-26s %8.1fms %10.1f %9s %6s" % (name, t * 1000, mem, ratio, ",".join(map(str, sorted(codes)))))

        # What creating the site's files costs by itself, with no parsing or rendering: `cp -r`
        # of a built site into a new folder. kb build cannot go below floor + this.
        built = os.path.join(work, "fresh")
        sample = os.path.join(built, sorted(os.listdir(built))[0])
        copies = [0]

        def copy_cmd(run):
            copies[0] += 1
            return ["cp", "-r", sample, os.path.join(work, "copy-floor-%d" % copies[0])]
        t, _, _ = measure(copy_cmd, args.runs)
        print("%-26s %8.1fms %10s %9s   (creating the built site's %d files, nothing else)"
              % ("cp -r of the built site", t * 1000, "", "%.2f" % (t / floor),
                 sum(len(f) for _, _, f in os.walk(sample))))

        print("\nscaling (time per page, microseconds):")
        scales = [int(s) for s in args.scale.split(",")]
        print("%-26s " % "job" + " ".join("%10s" % ("%dx" % s) for s in scales) + "   spread")
        scaled = {}
        for s in scales:
            root = tldr if s == 1 else os.path.join(work, "x%d" % s)
            if s != 1:
                replicate(tldr, root, s)
                os.sync()  # the copies' writeback must not run during the timed jobs
            for name, cmd in [("kb inspect --json", [kb, "inspect", root, "--json"]),
                              ("kb lint", [kb, "lint", root]),
                              ("kb build", fresh_site("%dx" % s)(root))]:
                t, _, _ = measure(cmd, max(1, args.runs // 2 if s > 1 else args.runs), env=env)
                scaled.setdefault(name, []).append(t / (pages * s) * 1e6)
            # Copies stay until the end: deleting them here would slow the next scale's file
            # creation (see fresh_site).
        for name, per_page in scaled.items():
            spread = max(per_page) / min(per_page) - 1
            print("%-26s " % name + " ".join("%10.1f" % p for p in per_page) + "   %5.0f%%" % (spread * 100))

        peers = []
        if shutil.which("detect-secrets"):
            t, mem, _ = measure(["detect-secrets", "scan", tldr], 1)
            peers.append(("detect-secrets scan", t, results["kb lint"][0]))
        pagefind = ["pagefind"] if shutil.which("pagefind") else None
        if pagefind is None and subprocess.run([sys.executable, "-c", "import pagefind"],
                                               capture_output=True).returncode == 0:
            pagefind = [sys.executable, "-m", "pagefind"]  # PyPI's pagefind[bin]
        if pagefind:
            subprocess.run([kb, "build", tldr, "--output", site_out], capture_output=True)
            t, mem, _ = measure(pagefind + ["--site", site_out, "--output-path",
                                            os.path.join(work, "pagefind")], 1)
            peers.append(("pagefind (index only)", t, results["kb build (site + index)"][0]))
        if peers:
            print("\npeers on the same corpus:")
            for name, t, ours in peers:
                print("%-26s %8.1fms   %.1fx slower than ours" % (name, t * 1000, t / ours))

        print("\ntargets:")
        checks = [
            ("kb lint <= 2x floor", results["kb lint"][0] <= 2 * floor),
            ("kb lint --fix <= 1.5x kb lint", results["kb lint --fix"][0] <= 1.5 * results["kb lint"][0]),
            ("kb lint --baseline <= 1.5x kb lint",
             results["kb lint --baseline"][0] <= 1.5 * results["kb lint"][0]),
            ("kb build <= 3x floor (fresh output)", results["kb build (site + index)"][0] <= 3 * floor),
            ("kb build <= 3x floor (rebuild)", results["kb build (rebuild)"][0] <= 3 * floor),
            ("faq warm on tldr <= 15 ms", results["faq warm"][0] <= 0.015),
            ("faq on shipped guides <= 5 ms", results["faq shipped guides"][0] <= 0.005),
            ("faq warm, fused, on Homebrew <= 5 ms", results["faq warm, Homebrew (fused)"][0] <= 0.005),
            ("tldr build peak memory <= 200 MB", results["kb build (site + index)"][1] <= 200),
            ("cold index build on tldr <= 1 s", results["faq cold (no cache)"][0] <= 1.0),
        ] + [("%s per page grows < 20%% from 1x (%s)" % (n, "/".join("%.0f" % x for x in p)),
               max(p) / p[0] <= 1.2) for n, p in scaled.items()]
        # The target is linear cost: per-page time must not grow with the corpus. A larger
        # corpus being cheaper per page (fixed costs spread over more pages) is not a miss, but
        # the spread is printed in the scaling table above either way.
        for name, ok in checks:
            print("  %-40s %s" % (name, "met" if ok else "MISSED"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
