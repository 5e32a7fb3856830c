#!/usr/bin/env python3
"""Checks labelled real documents against the labelling format of
../shared/ANNOTATION.md and against their text.

  check.py --labels FILE --texts FILE    a labeller's file: evidence strings
  check.py                               corpus/real/labels.jsonl (offsets),
                                         texts from corpus/real/texts.jsonl and
                                         ../shared through choose.py

Every document must have a valid `overall`, every finding a known category,
the sign of its category, and evidence that is exactly the document's bytes
(by string, or by `start`/`end` character offsets that agree with `evidence`
when both are given); `not_findings` likewise. With --labels and --texts,
every document of the texts file must be labelled exactly once. Prints one
line per problem and a count per category; exits 1 on any problem, 2 when an
input is missing.

Standard library only.
"""

import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SIGNS = {"scripted": -1, "unprofessional": -1, "dismissive": -1, "unresponsive": -1,
         "broken_promise": -1, "runaround": -1, "empathy": 1, "ownership": 1,
         "resolved": 1, "churn_risk": 0}
OVERALL = {"negative", "mixed", "positive"}


def read_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    rows.append((number, json.loads(line)))
                except json.JSONDecodeError as error:
                    rows.append((number, {"__error__": str(error)}))
    return rows


def shared_texts():
    output = subprocess.run([sys.executable, os.path.join(HERE, "choose.py")],
                            check=True, capture_output=True, text=True).stdout
    return {row["id"]: row["text"] for row in map(json.loads, output.splitlines())}


def locate(text, item, where, problems, with_offsets):
    """Checks one evidence or not_finding span; returns (start, end) or None."""
    evidence = item.get("evidence", item.get("text"))
    if with_offsets or "start" in item:
        start, end = item.get("start"), item.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
            problems.append(f"{where}: start/end {start}/{end} outside the text ({len(text)} characters)")
            return None
        if evidence is not None and text[start:end] != evidence:
            problems.append(f"{where}: text at {start}:{end} is not the evidence {evidence!r}")
            return None
        return start, end
    if not isinstance(evidence, str) or not evidence.strip():
        problems.append(f"{where}: no evidence text")
        return None
    position = text.find(evidence)
    if position < 0:
        problems.append(f"{where}: evidence is not an exact substring: {evidence!r}")
        return None
    return position, position + len(evidence)


def check(labels_path, texts, require_all, problems, with_offsets):
    counts = collections.Counter()
    seen = set()
    for number, doc in read_jsonl(labels_path):
        where = f"{labels_path}:{number}"
        if "__error__" in doc:
            problems.append(f"{where}: not JSON: {doc['__error__']}")
            continue
        doc_id = doc.get("id")
        if doc_id not in texts:
            problems.append(f"{where}: unknown id {doc_id!r}")
            continue
        if doc_id in seen:
            problems.append(f"{where}: {doc_id} labelled twice")
        seen.add(doc_id)
        text = texts[doc_id]
        if doc.get("overall") not in OVERALL:
            problems.append(f"{where}: overall must be one of {sorted(OVERALL)}, not {doc.get('overall')!r}")
        mood = doc.get("customer_sentiment_end")
        if mood is not None and not (isinstance(mood, (int, float)) and -1 <= mood <= 1):
            problems.append(f"{where}: customer_sentiment_end must be in -1..1")
        for index, finding in enumerate(doc.get("expected", [])):
            spot = f"{where}: expected[{index}]"
            category = finding.get("category")
            if category not in SIGNS:
                problems.append(f"{spot}: unknown category {category!r}")
                continue
            if finding.get("sign") != SIGNS[category]:
                problems.append(f"{spot}: sign of {category} is {SIGNS[category]}, not {finding.get('sign')!r}")
            if locate(text, finding, spot, problems, with_offsets):
                counts[category] += 1
        for index, item in enumerate(doc.get("not_findings", [])):
            locate(text, item, f"{where}: not_findings[{index}]", problems, with_offsets)
            counts["(not_findings)"] += 1
        counts["(documents)"] += 1
    if require_all:
        for doc_id in sorted(set(texts) - seen):
            problems.append(f"{labels_path}: {doc_id} has no labels")
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", help="a labeller's file (evidence strings)")
    parser.add_argument("--texts", help="JSON Lines with id and text of the documents labelled")
    args = parser.parse_args()
    problems = []
    if args.labels:
        if not args.texts:
            sys.exit("check.py: --labels needs --texts")
        texts = {row["id"]: row["text"] for _, row in read_jsonl(args.texts)}
        counts = check(args.labels, texts, True, problems, False)
    else:
        shared = os.path.join(HERE, "..", "..", "..", "shared")
        if not os.path.isdir(shared):
            print("check.py: ../shared is absent; corpus/real needs it for the texts it does not hold",
                  file=sys.stderr)
            sys.exit(2)
        texts = shared_texts()
        counts = check(os.path.join(HERE, "labels.jsonl"), texts, True, problems, True)
    for problem in problems:
        print(problem)
    for key in sorted(counts):
        print(f"{key}\t{counts[key]}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
