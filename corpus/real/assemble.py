#!/usr/bin/env python3
"""Builds corpus/real/labels.jsonl, second.jsonl and texts.jsonl from the
labellers' files (one JSON line per document with evidence strings, as
check.py --labels checks them) and prints the agreement table.

  assemble.py WORK_DIR      WORK_DIR/labels-*.jsonl and assignment.json

assignment.json names, per first-wave batch, the documents it labels first
("primary") and those it labels a second time, blind ("second");
second-labels-N.jsonl hold later second labellings of documents of any wave. Evidence
strings become character offsets into the document's text (the first
occurrence); texts are written only for sources whose licence allows it
(cfpb: public domain; hvb: CC BY 4.0); tweets stay in ../shared.
Standard library only.
"""

import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COPYABLE = {"cfpb", "hvb"}
CATEGORIES = ["scripted", "unprofessional", "dismissive", "unresponsive", "broken_promise",
              "runaround", "empathy", "ownership", "resolved", "churn_risk"]


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def with_offsets(doc, text, annotator):
    out = {"id": doc["id"], "annotator": annotator, "expected": [], "not_findings": [],
           "overall": doc["overall"]}
    if doc.get("customer_sentiment_end") is not None:
        out["customer_sentiment_end"] = doc["customer_sentiment_end"]
    for finding in doc.get("expected", []):
        start = text.find(finding["evidence"])
        item = {"category": finding["category"], "sign": finding["sign"], "start": start,
                "end": start + len(finding["evidence"])}
        if finding.get("recap"):
            item["recap"] = True
        out["expected"].append(item)
    for item in doc.get("not_findings", []):
        start = text.find(item["text"])
        out["not_findings"].append({"start": start, "end": start + len(item["text"]),
                                    "why": item.get("why", "")})
    return out


SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def sentences(text):
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group().strip()]


def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return None
    agree = sum(1 for a, b in pairs if a == b) / n
    pa = sum(a for a, _ in pairs) / n
    pb = sum(b for _, b in pairs) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if expected == 1 else (agree - expected) / (1 - expected)


def main():
    work = sys.argv[1]
    assignment = json.load(open(os.path.join(work, "assignment.json")))
    chosen = {row["id"]: row for row in map(json.loads, subprocess.run(
        [sys.executable, os.path.join(HERE, "choose.py")], check=True, capture_output=True,
        text=True).stdout.splitlines())}
    by_batch = {}
    for name in sorted(os.listdir(work)):
        match = re.fullmatch(r"labels-(\d+)\.jsonl", name)
        if match:
            by_batch[int(match.group(1))] = {d["id"]: d for d in read_jsonl(os.path.join(work, name))}
    second_of = {}
    for batch, ids in assignment["second"].items():
        for doc_id in ids:
            second_of[doc_id] = int(batch)
    primary, second = [], []
    for batch in sorted(by_batch):
        docs = by_batch[batch]
        first_wave_primary = set(assignment["primary"].get(str(batch), []))
        for doc_id, doc in docs.items():
            text = chosen[doc_id]["text"]
            annotator = f"labeller-{batch}"
            if batch < 8 and doc_id not in first_wave_primary:
                second.append(with_offsets(doc, text, annotator))
            else:
                row = with_offsets(doc, text, annotator)
                row["source"] = chosen[doc_id]["source"]
                row["wave"] = chosen[doc_id]["wave"]
                row["split"] = chosen[doc_id]["split"]
                primary.append(row)
    # Later second labellings: second-labels-N.jsonl, documents of any wave
    # labelled again by another labeller, blind to the first.
    for name in sorted(os.listdir(work)):
        match = re.fullmatch(r"second-labels-(\d+)\.jsonl", name)
        if not match:
            continue
        for doc in read_jsonl(os.path.join(work, name)):
            second.append(with_offsets(doc, chosen[doc["id"]]["text"], f"second-{match.group(1)}"))
    order = {doc_id: i for i, doc_id in enumerate(chosen)}
    primary.sort(key=lambda r: order[r["id"]])
    second.sort(key=lambda r: order[r["id"]])
    keys = ["id", "source", "wave", "split", "annotator", "overall", "customer_sentiment_end",
            "expected", "not_findings"]
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as out:
        for row in primary:
            out.write(json.dumps({k: row[k] for k in keys if k in row}, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "second.jsonl"), "w", encoding="utf-8") as out:
        for row in second:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "texts.jsonl"), "w", encoding="utf-8") as out:
        for row in primary:
            if row["source"] in COPYABLE:
                out.write(json.dumps({"id": row["id"], "text": chosen[row["id"]]["text"]},
                                     ensure_ascii=False) + "\n")

    # Agreement: per category, Cohen's kappa on whether each sentence holds
    # evidence of the category, over the documents labelled twice.
    first = {r["id"]: r for r in primary}
    table = collections.defaultdict(list)
    for row in second:
        text = chosen[row["id"]]["text"]
        for begin, end in sentences(text):
            for category in CATEGORIES:
                marks = []
                for labels in (first[row["id"]], row):
                    marks.append(int(any(f["category"] == category and f["start"] < end and
                                         begin < f["end"] for f in labels["expected"])))
                table[category].append(tuple(marks))
    print(f"documents {len(primary)}, labelled twice {len(second)}")
    print("| category | sentences marked (first / second) | Cohen's kappa |")
    print("|---|---|---|")
    for category in CATEGORIES:
        pairs = table[category]
        k = kappa(pairs)
        print(f"| {category} | {sum(a for a, _ in pairs)} / {sum(b for _, b in pairs)} | "
              f"{'n/a' if k is None else f'{k:.2f}'} |")
    counts = collections.Counter(f["category"] for r in primary for f in r["expected"])
    splits = collections.Counter(r["split"] for r in primary)
    print("findings:", dict(counts), "splits:", dict(splits))


if __name__ == "__main__":
    main()
