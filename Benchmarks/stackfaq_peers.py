#!/usr/bin/env python3
"""StackFAQ with two peer engines, on the documents the Swift suite builds.

The corpus (../shared/corpora/stackfaq.tar.gz; CC BY-SA, see its NOTICE.md) is unpacked into a
temporary folder. Each of the 125 threads is one document: its question plus its answers, as
Tests/SearchTests/StackFAQ.swift writes them into a FAQ page. Each rephrasing longer than three
characters (1,249) is a query, and a hit is its own thread. Prints hit@1, hit@3 and MRR@10 for

- bm25s (PyPI `bm25s`, with PyStemmer's English stemmer and English stop words), one field;
- lunr (PyPI `lunr`, the Python port of lunr.js 2.3), fields question (boost 10) and answer,
  the query stripped of lunr's query syntax (`:`, `^`, `~`, `*`, `+`, `-`) first.

Install them with `python3 -m pip install bm25s PyStemmer lunr`; an engine that is missing is
reported and skipped. Usage: python3 Benchmarks/stackfaq_peers.py [--tarball PATH]
"""

import argparse
import json
import os
import re
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def default_tarball():
    for up in ("..", "../.."):
        path = os.path.normpath(os.path.join(HERE, "..", up, "shared", "corpora", "stackfaq.tar.gz"))
        if os.path.exists(path):
            return path
    return None


def load(tarball):
    """(documents, queries): documents as (question, answers text); queries as (text, doc index)."""
    with tempfile.TemporaryDirectory(prefix="kb-stackfaq-") as folder:
        with tarfile.open(tarball) as tar:
            tar.extractall(folder, filter="data")
        with open(os.path.join(folder, "stackfaq", "stackExchange-FAQ.json"), encoding="utf-8") as f:
            pairs = json.load(f)["root"]["qapair"]
    one_line = lambda text: " ".join(text.split())
    documents, queries = [], []
    for number, pair in enumerate(pairs):
        answers = pair["answer"] if isinstance(pair["answer"], list) else [pair["answer"] or ""]
        documents.append((one_line(pair["question"]), " ".join(one_line(a) for a in answers)))
        for rephrasing in pair["rephr"]:
            if isinstance(rephrasing, str) and len(one_line(rephrasing).encode()) > 3:
                queries.append((one_line(rephrasing), number))
    return documents, queries


def score(rankings, queries):
    """hit@1, hit@3, MRR@10 over (ranked doc indices, query) pairs."""
    h1 = h3 = rr = 0.0
    for ranked, (_, expected) in zip(rankings, queries):
        ranked = list(ranked)[:10]
        if expected in ranked:
            rank = ranked.index(expected)
            h1 += rank == 0
            h3 += rank < 3
            rr += 1 / (rank + 1)
    n = max(1, len(queries))
    return h1 / n, h3 / n, rr / n


def run_bm25s(documents, queries):
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    corpus = [q + " " + a for q, a in documents]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(corpus, stopwords="en", stemmer=stemmer, show_progress=False), show_progress=False)
    tokens = bm25s.tokenize([q for q, _ in queries], stopwords="en", stemmer=stemmer, show_progress=False)
    results, _ = retriever.retrieve(tokens, k=10, show_progress=False, n_threads=1)
    return [list(row) for row in results]


def run_lunr(documents, queries):
    from lunr import lunr

    index = lunr(
        ref="id",
        fields=[{"field_name": "question", "boost": 10}, {"field_name": "answer"}],
        documents=[{"id": str(i), "question": q, "answer": a} for i, (q, a) in enumerate(documents)],
    )
    rankings = []
    for text, _ in queries:
        cleaned = re.sub(r"[:^~*+\-]", " ", text)
        try:
            hits = index.search(cleaned)
        except Exception:  # a query lunr's parser still refuses counts as no answer
            hits = []
        rankings.append([int(h["ref"]) for h in hits[:10]])
    return rankings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tarball", default=default_tarball())
    args = parser.parse_args()
    if not args.tarball or not os.path.exists(args.tarball):
        print("stackfaq.tar.gz not found (pass --tarball)", file=sys.stderr)
        return 2
    documents, queries = load(args.tarball)
    print(f"StackFAQ: {len(documents)} questions, {len(queries)} rephrasings")
    for name, run in (("bm25s", run_bm25s), ("lunr", run_lunr)):
        try:
            rankings = run(documents, queries)
        except ImportError as error:
            print(f"{name:6}  skipped: {error}")
            continue
        h1, h3, mrr = score(rankings, queries)
        print(f"{name:6}  hit@1 {h1:.3f}  hit@3 {h3:.3f}  MRR@10 {mrr:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
