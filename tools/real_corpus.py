"""What tools/eval-real and tools/real-sentences share: the labelled documents
of corpus/real with their texts, and conduct run over them as the analyzer
meets them (complaint narratives and airline tweets as call notes, threads
and calls as speaker-labelled text).

Standard library only.
"""

import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Sources told by the customer in the first person, read as call notes.
NARRATED = {"cfpb", "air"}


def load(splits, fail):
    """The labelled documents of the given splits ("all" for every one) and a
    map from id to text. Texts come from corpus/real/texts.jsonl and, for
    tweets, from ../shared through choose.py; `fail(message)` is called when
    ../shared is absent."""
    if not os.path.isdir(os.path.join(REPO, "..", "shared")):
        fail("../shared is absent: the tweets' texts are read from it")
    chosen = subprocess.run([sys.executable, os.path.join(REPO, "corpus", "real", "choose.py")],
                            check=True, capture_output=True, text=True).stdout.splitlines()
    texts = {row["id"]: row["text"] for row in map(json.loads, chosen)}
    with open(os.path.join(REPO, "corpus", "real", "labels.jsonl"), encoding="utf-8") as handle:
        labels = [json.loads(line) for line in handle]
    return [d for d in labels if "all" in splits or d["split"] in splits], texts


def run_conduct(conduct, command, docs, texts, fail):
    """Runs `conduct COMMAND... --format FORMAT FOLDER` over the documents,
    written one file each in the format the analyzer reads them in; returns
    (document, record) pairs in the order conduct wrote them (notes first).
    `fail(message)` is called when conduct fails or is missing."""
    if not os.access(conduct, os.X_OK):
        fail(f"no conduct binary at {conduct}")
    pairs = []
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for fmt in ("notes", "text"):
            os.mkdir(os.path.join(folder, fmt))
        for i, doc in enumerate(docs):
            name = f"{i:05d}.txt"
            names[name] = doc
            fmt = "notes" if doc["source"] in NARRATED else "text"
            with open(os.path.join(folder, fmt, name), "w", encoding="utf-8") as handle:
                handle.write(texts[doc["id"]])
        for fmt in ("notes", "text"):
            target = os.path.join(folder, fmt)
            if not os.listdir(target):
                continue
            run = subprocess.run([conduct] + command[:1] + ["--format", fmt] + command[1:] +
                                 [target], capture_output=True, text=True)
            if run.returncode not in (0, 1):
                fail(f"conduct {command[0]} failed: {run.stderr.strip()}")
            for line in run.stdout.splitlines():
                record = json.loads(line)
                doc = names.get(os.path.basename(record["id"]))
                if doc is not None:
                    pairs.append((doc, record))
    return pairs


def byte_span(text, start, end):
    """Character offsets of a label as the analyzer's byte offsets."""
    return len(text[:start].encode()), len(text[:end].encode())
