#!/usr/bin/env python3
"""Chooses the real documents of corpus/real and their fixed split.

Reads ../shared/corpus and ../shared/eval (never written to) and prints one
JSON line per chosen document: {"id", "source", "wave", "split", "text"}. The choice
and the split depend only on the seed and the shared files, so anyone with
the same ../shared gets the same documents and the same train/dev/test.

Sources (see corpus/real/README.md for their licences):
  cfpb    ../shared/corpus/cfpb_narratives.jsonl, rows with mentions_service,
          200 to 3,000 characters; most at random, plus a share whose text
          mentions good conduct (help, apology, refund, fix) so that the
          positive categories are represented.
  ibmtw   ../shared/corpus/twitter_care_ibm.jsonl (customer-care threads).
  twcs    ../shared/eval/twcs_threads.jsonl (reply threads with agents).
  hvb     ../shared/corpus/harper_valley_calls.jsonl (bank calls with times).
  acts    ../shared/eval/support_tweet_acts.jsonl, the agent tweets, each read
          as one `Agent:` turn (wave 3).
  air     ../shared/eval/airline_sentiment.jsonl, customers' tweets about an
          airline's staff and service, each read as a short first-person
          account (wave 6).
The 30 documents of ../shared/eval/calibration.jsonl are left out: they are
the labelling guide's worked examples.

Standard library only. Usage: corpus/real/choose.py [--seed N] [--shared DIR]
"""

import argparse
import hashlib
import json
import os
import random
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

COUNTS = {"cfpb_random": 850, "cfpb_positive": 110, "ibmtw": 300, "twcs": 300,
          "cfpb_good_conduct": 300, "threads_good_conduct": 200, "cfpb_wave3": 400,
          "cfpb_wave5": 1600, "air_positive": 700, "air_service": 300, "air_crew": 100}
# The seventh wave: ownership was still short; every remaining narrative and
# positive airline tweet whose words suggest it.
OWNERSHIP_CUES_NARRATIVE = re.compile(
    r"\b(admitted|acknowledged (the|their|its|that)|(their|the bank's|the company's|its) (own )?"
    r"(error|mistake|fault)|took responsibility|apologized for (the|their)|corrected (the|it|my)|"
    r"called (me )?back|followed up|above and beyond|extra mile|escalated (it|my)|personally)\b",
    re.IGNORECASE)
OWNERSHIP_CUES_TWEET = re.compile(
    r"\b(above and beyond|extra mile|out of (his|her|their|the) way|took care|follow(ed)?[- ]up|"
    r"call(ed)? (me )?back|stayed|went out|made it right|fixed|rebook|refund|credit|voucher|"
    r"got (me|us) on|found my|delivered|thank you for)\b",
    re.IGNORECASE)
POSITIVE_CUES = re.compile(
    r"\b(helpful|apologi[sz]ed|was (very )?(kind|nice|patient|understanding)|"
    r"(went|go) above and beyond|resolved|refunded|credited|reversed|fixed|"
    r"thank(ed)? (him|her|them))\b",
    re.IGNORECASE)
# The second wave: the first labelled too few findings of ownership, empathy,
# resolved and churn_risk (a fifth of the 150 asked for), so it takes
# documents whose words suggest them; they are labelled in full like the rest.
GOOD_CONDUCT_CUES = re.compile(
    r"\b(admitted (it was|their|the) (error|mistake|fault)|(their|our|bank's|company's) (error|mistake)|"
    r"apologi[sz]ed|called (me )?back|followed up|follow(ed)? through|went above|"
    r"(was|were) (very |extremely |so )?(helpful|kind|understanding|patient|nice)|"
    r"refund(ed)? (was|has been)|credited|reversed|waived|resolved|fixed|"
    r"close (my|the|all) accounts?|closed (my|the|all) accounts?|cancel(led|ed)? (my|the)|"
    r"switch(ed|ing)? to|tak(e|ing) my business|never (use|do business)|"
    r"I('ve| have) (gone ahead|gone and)|I('ve| have) (refunded|credited|escalated|fixed|reset)|"
    r"so sorry|really sorry|understand (how|your) frustrat|glad (it|that|this) (is|was|'s) (working|sorted|fixed))",
    re.IGNORECASE)


WAVE3_CUES = re.compile(
    r"\b(admitted|apologi[sz]ed|apology|called (me )?back|followed up|follow(ed)? through|"
    r"above and beyond|(was|were) (very |extremely |so |really )?(helpful|kind|understanding|"
    r"patient|nice|courteous|professional)|refund(ed)? (was|has been)|credited|reversed|waived|"
    r"resolved|fixed|corrected|close (my|the|all) accounts?|closed (my|the|all) accounts?|"
    r"cancel(led|ed)? (my|the)|switch(ed|ing)? (to|banks|providers)|tak(e|ing) my business|"
    r"never (use|do business)|took care of|glad|thank you so much|sorted)\b",
    re.IGNORECASE)


# The sixth wave: good conduct told by customers in their own words, from
# tweets to airlines that praise or blame the staff and the service.
AIR_CUES = re.compile(
    r"\b(agent|staff|crew|attendants?|gate|desk|pilot|captain|service|rep|help(ed|ful)?|"
    r"rebook(ed)?|refund(ed)?|fixed|sorted|resolved|took care|call(ed)? (me )?back|"
    r"respon(se|ded|ding)|repl(y|ied)|apologi[sz]ed|thank(s| you))\b",
    re.IGNORECASE)


def near_duplicate_groups(docs):
    """Maps each document id to its group's least id: documents that share at
    least half of the smaller one's word 8-grams (the same complaint filed
    twice, a template sent by several people) form one group, so that they
    fall in one split and test holds no near-copy of a training text."""
    shingles = {}
    owners = {}
    for doc in docs:
        words = re.findall(r"[a-z]+", doc["text"].lower())
        grams = {" ".join(words[i:i + 8]) for i in range(max(len(words) - 8, 0))}
        shingles[doc["id"]] = grams
        for gram in grams:
            owners.setdefault(gram, []).append(doc["id"])
    shared = {}
    for ids in owners.values():
        if 1 < len(ids) < 20:  # a gram in many documents is boilerplate, not a copy
            for a in range(len(ids)):
                for b in range(a + 1, len(ids)):
                    key = (ids[a], ids[b]) if ids[a] < ids[b] else (ids[b], ids[a])
                    shared[key] = shared.get(key, 0) + 1
    parent = {doc["id"]: doc["id"] for doc in docs}

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), count in sorted(shared.items()):
        if count >= 0.5 * min(len(shingles[a]), len(shingles[b])):
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {doc_id: root(doc_id) for doc_id in parent}


def split_of(doc_id, seed):
    """train 70%, dev 15%, test 15%, from a hash of the seed and the id."""
    digest = hashlib.sha256(f"{seed}:{doc_id}".encode()).digest()
    bucket = int.from_bytes(digest[:8], "big") % 100
    return "train" if bucket < 70 else ("dev" if bucket < 85 else "test")


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    args = parser.parse_args()
    if not os.path.isdir(args.shared):
        sys.exit(f"choose.py: {args.shared} is absent; corpus/real is read from ../shared")

    calibration = {r["id"] for r in read_jsonl(os.path.join(args.shared, "eval", "calibration.jsonl"))}
    rng = random.Random(args.seed)
    chosen = []

    cfpb = [r for r in read_jsonl(os.path.join(args.shared, "corpus", "cfpb_narratives.jsonl"))
            if r.get("mentions_service") and 200 <= len(r["text"]) <= 3000
            and r["id"] not in calibration]
    cfpb.sort(key=lambda r: r["id"])
    rng.shuffle(cfpb)
    random_part = cfpb[:COUNTS["cfpb_random"]]
    rest = [r for r in cfpb[COUNTS["cfpb_random"]:] if POSITIVE_CUES.search(r["text"])]
    first_cfpb = random_part + rest[:COUNTS["cfpb_positive"]]
    for row in first_cfpb:
        chosen.append({"id": row["id"], "source": "cfpb", "text": row["text"], "wave": 1})
    taken = {row["id"] for row in first_cfpb}
    good = [r for r in cfpb if r["id"] not in taken and GOOD_CONDUCT_CUES.search(r["text"])]
    for row in good[:COUNTS["cfpb_good_conduct"]]:
        chosen.append({"id": row["id"], "source": "cfpb", "text": row["text"], "wave": 2})

    second_wave_threads = []
    for source, path, count in (("ibmtw", ("corpus", "twitter_care_ibm.jsonl"), COUNTS["ibmtw"]),
                                ("twcs", ("eval", "twcs_threads.jsonl"), COUNTS["twcs"])):
        rows = [r for r in read_jsonl(os.path.join(args.shared, *path)) if r["id"] not in calibration]
        rows.sort(key=lambda r: r["id"])
        rng.shuffle(rows)
        for row in rows[:count]:
            chosen.append({"id": row["id"], "source": source, "text": row["text"], "wave": 1})
        second_wave_threads += [(source, r) for r in rows[count:] if GOOD_CONDUCT_CUES.search(r["text"])]
    second_wave_threads.sort(key=lambda pair: pair[1]["id"])
    rng.shuffle(second_wave_threads)
    for source, row in second_wave_threads[:COUNTS["threads_good_conduct"]]:
        chosen.append({"id": row["id"], "source": source, "text": row["text"], "wave": 2})

    # The third wave: positive conduct and churn were still short of 150
    # findings each, so every remaining narrative (up to 6,000 characters,
    # with or without mentions_service) and thread whose words suggest them,
    # and the agent tweets of the support-acts set, each as one agent turn.
    wave3 = random.Random(args.seed + 3)
    taken = {doc["id"] for doc in chosen}
    every_cfpb = [r for r in read_jsonl(os.path.join(args.shared, "corpus", "cfpb_narratives.jsonl"))
                  if r["id"] not in taken and r["id"] not in calibration
                  and 200 <= len(r["text"]) <= 6000 and WAVE3_CUES.search(r["text"])]
    every_cfpb.sort(key=lambda r: r["id"])
    wave3.shuffle(every_cfpb)
    for row in every_cfpb[:COUNTS["cfpb_wave3"]]:
        chosen.append({"id": row["id"], "source": "cfpb", "text": row["text"], "wave": 3})
    for source, path in (("ibmtw", ("corpus", "twitter_care_ibm.jsonl")),
                         ("twcs", ("eval", "twcs_threads.jsonl"))):
        for row in sorted(read_jsonl(os.path.join(args.shared, *path)), key=lambda r: r["id"]):
            if row["id"] not in taken and row["id"] not in calibration and WAVE3_CUES.search(row["text"]):
                chosen.append({"id": row["id"], "source": source, "text": row["text"], "wave": 3})
    for row in sorted(read_jsonl(os.path.join(args.shared, "eval", "support_tweet_acts.jsonl")),
                      key=lambda r: r["id"]):
        if row["direction"] == "outbound":
            chosen.append({"id": row["id"], "source": "acts", "text": "Agent: " + row["text"],
                           "wave": 3})

    # The fourth wave: every thread left, for the agents' own words (apologies
    # that name the customer's problem, fixes told as done).
    taken = {doc["id"] for doc in chosen}
    for source, path in (("ibmtw", ("corpus", "twitter_care_ibm.jsonl")),
                         ("twcs", ("eval", "twcs_threads.jsonl"))):
        for row in sorted(read_jsonl(os.path.join(args.shared, *path)), key=lambda r: r["id"]):
            if row["id"] not in taken and row["id"] not in calibration:
                chosen.append({"id": row["id"], "source": source, "text": row["text"], "wave": 4})

    # The fifth wave: more narratives at random (up to 6,000 characters), for
    # the good conduct real complaints tell only now and then.
    taken = {doc["id"] for doc in chosen}
    rest = [r for r in read_jsonl(os.path.join(args.shared, "corpus", "cfpb_narratives.jsonl"))
            if r["id"] not in taken and r["id"] not in calibration and 200 <= len(r["text"]) <= 6000]
    rest.sort(key=lambda r: r["id"])
    random.Random(args.seed + 5).shuffle(rest)
    for row in rest[:COUNTS["cfpb_wave5"]]:
        chosen.append({"id": row["id"], "source": "cfpb", "text": row["text"], "wave": 5})

    # The sixth wave: the positive categories were still short of 150 findings
    # each, and complaint narratives tell good conduct only now and then; tweets
    # to airlines tell it often ("the agent at the gate rebooked us in minutes").
    # Positive tweets that name the staff or the service, and, so that the wave
    # is not all praise, tweets whose crowd label blames customer service or
    # the crew.
    air = sorted(read_jsonl(os.path.join(args.shared, "eval", "airline_sentiment.jsonl")),
                 key=lambda r: r["id"])
    random.Random(args.seed + 6).shuffle(air)
    picked = []
    for label, reason, count in (("positive", None, COUNTS["air_positive"]),
                                 ("negative", "Customer Service Issue", COUNTS["air_service"]),
                                 ("negative", "Flight Attendant Complaints", COUNTS["air_crew"])):
        rows = [r for r in air if r["label"] == label and r["negative_reason"] == reason
                and AIR_CUES.search(r["text"]) and len(r["text"]) >= 40]
        picked += rows[:count]
    for row in picked:
        chosen.append({"id": f"air:{row['id']}", "source": "air", "text": row["text"], "wave": 6})

    # The seventh wave (see OWNERSHIP_CUES_NARRATIVE).
    taken = {doc["id"] for doc in chosen}
    for row in sorted(read_jsonl(os.path.join(args.shared, "corpus", "cfpb_narratives.jsonl")),
                      key=lambda r: r["id"]):
        if (row["id"] not in taken and row["id"] not in calibration and len(row["text"]) >= 200
                and OWNERSHIP_CUES_NARRATIVE.search(row["text"])):
            chosen.append({"id": row["id"], "source": "cfpb", "text": row["text"], "wave": 7})
    for row in air:
        if (f"air:{row['id']}" not in taken and row["label"] == "positive"
                and OWNERSHIP_CUES_TWEET.search(row["text"])):
            chosen.append({"id": f"air:{row['id']}", "source": "air", "text": row["text"], "wave": 7})

    # The eighth wave: recall on real complaints grew by about four points for
    # each doubling of the labelled narratives (the learning curve in
    # models/README.md), so every narrative left of 200 to 6,000 characters.
    taken = {doc["id"] for doc in chosen}
    for row in sorted(read_jsonl(os.path.join(args.shared, "corpus", "cfpb_narratives.jsonl")),
                      key=lambda r: r["id"]):
        if (row["id"] not in taken and row["id"] not in calibration
                and 200 <= len(row["text"]) <= 6000):
            chosen.append({"id": row["id"], "source": "cfpb", "text": row["text"], "wave": 8})

    for row in read_jsonl(os.path.join(args.shared, "corpus", "harper_valley_calls.jsonl")):
        chosen.append({"id": row["id"], "source": "hvb", "text": row["text"], "wave": 1})

    # Near-copies share one split: train if any of them draws train, else dev
    # if any draws dev, else test. A document alone keeps the split of its own
    # id, and test only ever lost documents when the groups were introduced
    # (none that training had read moved into it).
    order = {"train": 0, "dev": 1, "test": 2}

    def grouped_splits(docs, fixed):
        """Each document's split: its group's least (train < dev < test) over
        its members' fixed splits where they have one, else their own."""
        group = near_duplicate_groups(docs)
        group_split = {}
        for doc in docs:
            own = fixed.get(doc["id"], split_of(doc["id"], args.seed))
            key = group[doc["id"]]
            if key not in group_split or order[own] < order[group_split[key]]:
                group_split[key] = own
        return {doc["id"]: group_split[group[doc["id"]]] for doc in docs}

    # Waves 1-7 keep the splits they were labelled and measured with; wave 8
    # joins the split of any earlier near-copy (adding documents changes
    # which 8-grams count as boilerplate, so it must not regroup the rest).
    earlier = grouped_splits([doc for doc in chosen if doc["wave"] < 8], {})
    splits = grouped_splits(chosen, earlier)
    for doc in chosen:
        doc["split"] = earlier.get(doc["id"], splits[doc["id"]])
        print(json.dumps({k: doc[k] for k in ("id", "source", "wave", "split", "text")},
                         ensure_ascii=False))


if __name__ == "__main__":
    main()
