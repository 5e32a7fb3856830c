#!/usr/bin/python3
"""The scale-out contract (SPEC section 7) under a real distributed engine:
a Dask distributed LocalCluster of several worker processes maps the
partitions of a JSON Lines file through `conduct analyze --format jsonl -`
(stdin to stdout), and the concatenated output equals one single run over
the whole file, byte for byte, once each record's `source.record` (its line
number in the input conduct was given, so in a partition the line within
that partition) is shifted by the partition's first line.

Usage: dask_map_test.py CONDUCT SOURCE_DIR
Exit status 77 (a skip that ctest reports) when python3-distributed is not
installed; 1 on any difference.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

WORKERS = 3
PARTITIONS_AT_LEAST = 4
SKIP = 77


def pipe_through_conduct(lines, conduct):
    """One partition: its lines through conduct, as a cluster task does."""
    from distributed import get_worker

    result = subprocess.run([conduct, "analyze", "--format", "jsonl", "--jobs", "1",
                             "--no-progress", "-"],
                            input="".join(lines).encode("utf-8"), capture_output=True, check=False)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"conduct exited {result.returncode}: {result.stderr[:300]!r}")
    return [(get_worker().address, len(lines), result.stdout)]


def make_input(path, source_dir):
    """Records of the bundled samples' lines, each with an id and unknown
    fields (nested, unicode, numbers) for the output to carry."""
    sample = os.path.join(source_dir, "tests", "data", "sample")
    call = open(os.path.join(sample, "support-call.txt"), encoding="utf-8").read().splitlines()
    notes = [line for line in open(os.path.join(sample, "billing-dispute-notes.txt"),
                                   encoding="utf-8").read().splitlines() if line.strip()]
    with open(path, "w", encoding="utf-8") as out:
        for index in range(600):
            record = {"id": f"r{index:04d}"}
            if index % 3 == 0:
                start = index % len(notes)
                record["text"] = " ".join(notes[start:start + 3])
            elif index % 3 == 1:
                start = index % (len(call) - 3)
                record["text"] = "\n".join(line.split("] ", 1)[-1] for line in
                                           call[start:start + 4])
            else:
                record["turns"] = [{"speaker": "agent" if i % 2 == 0 else "customer",
                                    "text": call[(index + i) % len(call)].split(": ", 1)[-1]}
                                   for i in range(3)]
            record["queue"] = ["billing", "support", "réclamations"][index % 3]
            record["meta"] = {"shard_key": index % 7, "tags": ["a", {"b": None}],
                              "note": "Zoë 😡 — 客服"}
            out.write(json.dumps(record, ensure_ascii=index % 2 == 0) + "\n")


def shift_record_numbers(output, offset):
    """Adds `offset` to source.record of every output line."""
    pattern = re.compile(rb'("source":\{[^{}]*"record":)(\d+)')
    return b"".join(pattern.sub(lambda m: m.group(1) + str(int(m.group(2)) + offset).encode(),
                                line, count=1)
                    for line in output.splitlines(keepends=True))


def main():
    conduct, source_dir = sys.argv[1], sys.argv[2]
    try:
        import dask.bag
        from distributed import Client, LocalCluster
    except ImportError as error:
        print(f"SKIPPED: Dask distributed is not installed ({error}): "
              "apt-get install python3-distributed (tools/setup installs it; CI has it)")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="conduct-dask-") as tmp:
        path = os.path.join(tmp, "records.jsonl")
        make_input(path, source_dir)
        with open(path, "rb") as handle:
            single = subprocess.run([conduct, "analyze", "--format", "jsonl", "--jobs", "1",
                                     "--no-progress", "-"], stdin=handle, capture_output=True,
                                    check=False)
        if single.returncode != 0:
            print(f"the single run exited {single.returncode}: {single.stderr[:500]!r}")
            return 1
        size = os.path.getsize(path)
        with LocalCluster(n_workers=WORKERS, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster):
            bag = dask.bag.read_text(path, blocksize=size // (PARTITIONS_AT_LEAST + 2),
                                     encoding="utf-8")
            parts = bag.map_partitions(pipe_through_conduct, conduct).compute()
    workers = {worker for worker, _, _ in parts}
    print(f"{len(parts)} partitions on {len(workers)} workers; single run: "
          f"{len(single.stdout.splitlines())} records, {len(single.stdout)} bytes")
    if len(parts) < PARTITIONS_AT_LEAST or len(workers) < 2:
        print(f"FAILED: wanted at least {PARTITIONS_AT_LEAST} partitions on 2 or more workers")
        return 1
    offset, joined = 0, []
    for _, lines, output in parts:
        joined.append(shift_record_numbers(output, offset))
        offset += lines
    joined = b"".join(joined)
    if joined != single.stdout:
        ours, theirs = joined.splitlines(), single.stdout.splitlines()
        first = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b),
                     min(len(ours), len(theirs)))
        print(f"FAILED: the Dask output differs from the single run at record {first + 1} "
              f"({len(ours)} records against {len(theirs)})")
        if first < min(len(ours), len(theirs)):
            print(f"dask:   {ours[first][:400]!r}\nsingle: {theirs[first][:400]!r}")
        return 1
    print("the concatenated Dask output equals the single run byte for byte")
    return 0


if __name__ == "__main__":
    sys.exit(main())
