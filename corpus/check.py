#!/usr/bin/env python3
"""Validate the training corpus and print counts per label and register.

Standard library only. Usage: python3 corpus/check.py [corpus/*.jsonl]
Checks every line is a JSON object with exactly the fields text, labels,
register, speaker; labels come from the SPEC section 4 category set, with no
repeats; register/speaker pairs are speech/agent, speech/customer or
report/author; no sentence appears twice (case-insensitive) across files.
Prints the per-label table used in corpus/README.md, then the share of
sentences with no label. Exit status 1 on any problem, 0 otherwise.
"""
import collections
import glob
import json
import os
import sys

CATEGORIES = ["scripted", "unprofessional", "dismissive", "unresponsive", "broken_promise",
              "runaround", "empathy", "ownership", "resolved", "churn_risk"]
PAIRS = {("speech", "agent"), ("speech", "customer"), ("report", "author")}
COLUMNS = ["speech/agent", "speech/customer", "report/author"]


def main(paths):
    if not paths:
        here = os.path.dirname(os.path.abspath(__file__))
        paths = sorted(glob.glob(os.path.join(here, "*.jsonl")))
    problems = []
    seen = {}
    table = collections.defaultdict(collections.Counter)
    per_file = collections.Counter()
    total = none = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                where = f"{path}:{number}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    problems.append(f"{where}: not JSON: {error}")
                    continue
                if not isinstance(record, dict) or set(record) != {"text", "labels", "register", "speaker"}:
                    problems.append(f"{where}: need exactly text, labels, register, speaker")
                    continue
                text, labels = record["text"], record["labels"]
                pair = (record["register"], record["speaker"])
                if not isinstance(text, str) or not text.strip():
                    problems.append(f"{where}: empty text")
                if pair not in PAIRS:
                    problems.append(f"{where}: register/speaker {pair} not allowed")
                if not isinstance(labels, list) or len(set(labels)) != len(labels) or \
                        any(label not in CATEGORIES for label in labels):
                    problems.append(f"{where}: bad labels {labels!r}")
                    continue
                key = " ".join(text.lower().split())
                if key in seen:
                    problems.append(f"{where}: duplicate of {seen[key]}")
                seen[key] = where
                column = "/".join(pair)
                for label in labels or ["(none)"]:
                    table[label][column] += 1
                total += 1
                none += not labels
                per_file[os.path.basename(path)] += 1
    print("| label | " + " | ".join(COLUMNS) + " | total |")
    print("|---|" + "---|" * (len(COLUMNS) + 1))
    for label in CATEGORIES + ["(none)"]:
        row = table[label]
        print(f"| {label} | " + " | ".join(str(row[c]) for c in COLUMNS) + f" | {sum(row.values())} |")
    print()
    for name, count in sorted(per_file.items()):
        print(f"{name}: {count}")
    print(f"total {total}, no label {none} ({100.0 * none / max(total, 1):.1f}%)")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
