#!/usr/bin/env python3
"""Chooses how `SemanticFusion` joins the cosine to the lexical score, from the candidate
lists `FusionDumpTests` writes (KB_FUSION_DUMP=DIR swift test --filter FusionDumpTests).

Tuning halves: relevance-shipped.txt, relevance-tldr.txt and StackFAQ's odd-numbered threads.
Held out: relevance-shipped-heldout.txt, relevance-tldr-heldout.txt, StackFAQ's even threads.
Usage: tune_fusion.py DIR [--grid]"""
import json, math, sys, itertools

def load(path):
    return [json.loads(line) for line in open(path)]

def split_stackfaq(rows):
    odd, even = [], []
    for r in rows:
        n = int(r["expected"][0].split("q-")[1])
        (odd if n % 2 else even).append(r)
    return odd, even

def metrics(rows, score):
    h1 = h3 = rr = 0.0
    for r in rows:
        exp = set(r["expected"])
        c = r["c"]
        if not c:
            continue
        s = score(r)
        order = sorted(range(len(c)), key=lambda i: (-s[i], i))
        keys = [c[i][0] for i in order[:10]]
        for rank, k in enumerate(keys):
            if k in exp:
                h1 += rank == 0; h3 += rank < 3; rr += 1 / (rank + 1)
                break
    n = len(rows)
    return (h1 / n, h3 / n, rr / n)

# candidate row: [key, lex, coverage, kind, cos_stored, cos_withGuide, cos_withSnippet]
def fused(w, col=4, norm="max", gate=None, depth=None, cosnorm=None, power=1.0):
    def score(r):
        c = r["c"]
        lex = [x[1] for x in c]
        best = max(lex)
        cos = [max(0.0, x[col]) for x in c]
        if cosnorm == "max":
            m = max(cos) or 1
            cos = [v / m for v in cos]
        elif cosnorm == "minmax":
            lo, hi = min(cos), max(cos)
            cos = [(v - lo) / ((hi - lo) or 1) for v in cos]
        out = []
        for i, x in enumerate(c):
            l = x[1] / best
            if norm == "pow":
                l = l ** power
            if depth is not None and i >= depth:
                out.append(l - 10)  # beyond the fusion depth: keep lexical order after
                continue
            out.append(l + w * cos[i])
        return out
    return score

def main():
    d = sys.argv[1]
    suites = {n: load(f"{d}/{n}.jsonl") for n in ["shipped", "shipped-heldout", "stackfaq", "tldr", "tldr-heldout"]}
    sodd, seven = split_stackfaq(suites.pop("stackfaq"))
    suites["stackfaq-odd"] = sodd
    suites["stackfaq-even"] = seven
    names = ["shipped", "tldr", "stackfaq-odd", "shipped-heldout", "tldr-heldout", "stackfaq-even"]
    def show(label, f):
        print(f"{label:34s}", "  ".join(f"{n[:13]:>13s} {m[0]:.3f}/{m[1]:.3f}/{m[2]:.3f}" for n in names for m in [metrics(suites[n], f)]))
    show("lexical", lambda r: [x[1] for x in r["c"]])
    for col in (4, 5, 6):
        for w in (0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0):
            show(f"col{col} w{w}", fused(w, col))
    for col in (4, 6):
        for w in (0.3, 0.5, 1.0):
            show(f"col{col} w{w} cos/max", fused(w, col, cosnorm="max"))
            show(f"col{col} w{w} minmax", fused(w, col, cosnorm="minmax"))

if __name__ == "__main__":
    main()

def explore(d):
    suites = {n: load(f"{d}/{n}.jsonl") for n in ["shipped", "shipped-heldout", "stackfaq", "tldr", "tldr-heldout"]}
    sodd, seven = split_stackfaq(suites.pop("stackfaq"))
    suites["stackfaq-odd"] = sodd; suites["stackfaq-even"] = seven
    names = ["shipped", "tldr", "stackfaq-odd", "shipped-heldout", "tldr-heldout", "stackfaq-even"]
    def show(label, f):
        print(f"{label:28s}", " ".join(f"{n[:8]:>8s} {m[0]:.3f}/{m[2]:.3f}" for n in names for m in [metrics(suites[n], f)]))
    show("lexical", lambda r: [x[1] for x in r["c"]])
    for depth in (5, 10, 20, 60):
        for w in (0.5, 1.0, 2.0, 3.0, 5.0):
            show(f"depth{depth} w{w}", fused(w, 4, depth=depth))
    for w in (1.0, 2.0, 3.0, 5.0, 8.0):
        show(f"guides-off w{w}", kindgate(w))

def kindgate(w, col=4):
    def score(r):
        c = r["c"]
        best = max(x[1] for x in c)
        return [x[1] / best + (0 if x[3] == 2 else w * max(0.0, x[col])) for x in c]
    return score

def gated(w, floor=0.0, col=4):
    """Lexical score over the best one, plus w × (cosine − floor, at least 0) for FAQ entries
    and sections; a whole guide (kind 2) gets no cosine."""
    def score(r):
        c = r["c"]
        best = max(x[1] for x in c)
        return [x[1] / best + (0 if x[3] == 2 else w * max(0.0, x[col] - floor)) for x in c]
    return score

def grid(d):
    suites = {n: load(f"{d}/{n}.jsonl") for n in ["shipped", "shipped-heldout", "stackfaq", "tldr", "tldr-heldout"]}
    sodd, seven = split_stackfaq(suites.pop("stackfaq"))
    suites["stackfaq-odd"] = sodd; suites["stackfaq-even"] = seven
    tuning = ["shipped", "tldr", "stackfaq-odd"]
    held = ["shipped-heldout", "tldr-heldout", "stackfaq-even"]
    rows = []
    for w in (1.5, 2, 2.5, 3, 3.5, 4, 5, 6):
        for floor in (0, 0.2, 0.3, 0.4, 0.5):
            f = gated(w, floor)
            t = [metrics(suites[n], f) for n in tuning]
            objective = sum(m[0] + m[2] for m in t) / len(t)
            rows.append((objective, w, floor, t, [metrics(suites[n], f) for n in held]))
    rows.sort(reverse=True)
    for obj, w, floor, t, h in rows[:15]:
        fmt = lambda ms: " ".join(f"{m[0]:.3f}/{m[1]:.3f}/{m[2]:.3f}" for m in ms)
        print(f"obj {obj:.4f} w{w} floor{floor}  tuning {fmt(t)}  | held {fmt(h)}")
