"""A benchmark corpus of a given size, in the formats conduct reads, written
only to a folder the caller gives (a temporary one): the text comes from what
this repository may read in place and never copies into itself.

Text sources, read where they lie:
- conversations: ../shared/eval/twcs_threads.jsonl (customer-support reply
  threads, several joined into one call), the IBM care threads of
  ../shared/eval/calibration.jsonl, ../shared/samples/formats/chat.jsonl and
  tests/data/sample/support-call.txt;
- notes: ../shared/eval/notes, ../shared/samples/notes, the CFPB narratives
  of ../shared/eval/calibration.jsonl and tests/data/sample/*notes*.txt;
- and the real unlabelled text of ../shared/corpus: 5,000 CFPB complaint
  narratives (notes) and the IBM customer-care threads (conversations), so
  that a corpus of tens of megabytes is mostly distinct text, as a real batch
  is. Matching costs far more on text never seen before (RE2 builds its
  automata lazily): a corpus of a few documents repeated overstates speed.
Each format is written after a real file of ../shared/samples/formats (its
header, its extra fields, the shape of its items): chat.jsonl, chat.txt and
chat-timestamps.txt, chat.vtt, chat.srt, chat.aws.json.

Each source is used once, in a seeded order, before any repeats (with fresh
ids) until the corpus holds the transcript text asked for; the same seed
gives the same corpus. Standard library only.
"""

import copy
import json
import os
import random
import re

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(REPO), "shared")
FORMATS = os.path.join(SHARED, "samples", "formats")

# Share of the corpus's text per format (JSON Lines twice: text and turns).
MIX = (("jsonl", 0.25), ("jsonl-turns", 0.15), ("text", 0.15), ("vtt", 0.15), ("srt", 0.15),
       ("aws", 0.15))
RECORDS_PER_JSONL_FILE = 500


def _read(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def _jsonl(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _labelled_lines(text):
    """(role, text) of `Label: text` lines, an optional [hh:mm:ss] first."""
    turns = []
    for line in text.splitlines():
        match = re.match(r"^(?:\[[\d:]+\]\s*)?(\w[\w ]{0,20}):\s+(.+)$", line)
        if match:
            role = "agent" if match.group(1).lower() in ("agent", "rep") else "customer"
            turns.append((role, match.group(2).strip()))
    return turns


def load_sources():
    """Conversations (lists of (role, text)) and notes (texts)."""
    conversations, notes = [], []
    for thread in _jsonl(os.path.join(SHARED, "eval", "twcs_threads.jsonl")):
        turns = [(t["speaker"], t["text"].strip()) for t in thread["turns"] if t["text"].strip()]
        if turns:
            conversations.append(turns)
    for record in _jsonl(os.path.join(SHARED, "eval", "calibration.jsonl")):
        if record.get("source") == "cfpb":
            notes.append(record["text"])
        elif _labelled_lines(record["text"]):
            conversations.append(_labelled_lines(record["text"]))
    for record in _jsonl(os.path.join(FORMATS, "chat.jsonl")):
        if "turns" in record:
            conversations.append([(t["speaker"], t["text"]) for t in record["turns"]])
    corpus = os.path.join(SHARED, "corpus")
    for record in _jsonl(os.path.join(corpus, "cfpb_narratives.jsonl")):
        if record.get("text", "").strip():
            notes.append(record["text"].strip())
    for record in _jsonl(os.path.join(corpus, "twitter_care_ibm.jsonl")):
        turns = _labelled_lines(record.get("text", ""))
        if turns:
            conversations.append(turns)
    sample = os.path.join(REPO, "tests", "data", "sample")
    for folder in (os.path.join(SHARED, "eval", "notes"), os.path.join(SHARED, "samples", "notes"),
                   sample):
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt"):
                continue
            text = _read(os.path.join(folder, name))
            turns = _labelled_lines(text)
            if len(turns) >= 4:
                conversations.append(turns)
            elif text.strip():
                notes.append(text.strip())
    return conversations, notes


def _seconds(value, comma=False):
    hours, rest = divmod(value, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{int(hours):02d}:{int(minutes):02d}:{seconds:06.3f}"
    return text.replace(".", ",") if comma else text


def _timed(turns):
    """(label, text, start, end) with times as a call would have them."""
    clock, out = 0.5, []
    for role, text in turns:
        duration = 1.0 + len(text.split()) * 0.37
        out.append(("Agent" if role == "agent" else "Customer", text, clock, clock + duration))
        clock += duration + 0.6
    return out


class Templates:
    """What each format takes from its real sample in ../shared/samples/formats."""

    def __init__(self):
        vtt = _read(os.path.join(FORMATS, "chat.vtt"))
        # The header: everything before the first cue (WEBVTT and its NOTE block).
        first_cue = re.search(r"^\S*\n?\d\d:\d\d[:.\d]* --> ", vtt, re.M)
        self.vtt_header = vtt[:first_cue.start()] if first_cue else "WEBVTT\n\n"
        self.vtt_voice_tags = "<v " in vtt
        srt = _read(os.path.join(FORMATS, "chat.srt"))
        self.srt_label_prefix = bool(re.search(r"^\w+: ", srt, re.M))
        stamps = _read(os.path.join(FORMATS, "chat-timestamps.txt")).splitlines()[0]
        self.text_stamped_upper = bool(re.match(r"^\[[\d:]+\] [A-Z]+: ", stamps))
        # The template records' own fields besides id, text and turns (the
        # channel, the queue): passed through to the output untouched.
        self.jsonl_extras = {}
        for record in _jsonl(os.path.join(FORMATS, "chat.jsonl")):
            self.jsonl_extras.update(
                {k: v for k, v in record.items() if k not in ("id", "text", "turns")})
        self.aws = json.loads(_read(os.path.join(FORMATS, "chat.aws.json")))

    def jsonl_text(self, doc_id, text):
        return json.dumps(dict({"id": doc_id, "text": text}, **self.jsonl_extras),
                          ensure_ascii=False)

    def jsonl_turns(self, doc_id, turns):
        record = {"id": doc_id}
        record.update(self.jsonl_extras)
        record["turns"] = [{"speaker": role, "text": text} for role, text in turns]
        return json.dumps(record, ensure_ascii=False)

    def text(self, turns, stamped):
        lines = []
        for label, text, start, _ in _timed(turns):
            if stamped and self.text_stamped_upper:
                lines.append(f"[{_seconds(start)[:8]}] {label.upper()}: {text}")
            else:
                lines.append(f"{label}: {text}")
        return "\n".join(lines) + "\n"

    def vtt(self, turns):
        cues = [self.vtt_header.rstrip("\n") + "\n"]
        for number, (label, text, start, end) in enumerate(_timed(turns), 1):
            line = f"<v {label}>{text}" if self.vtt_voice_tags else f"{label}: {text}"
            cues.append(f"{number}\n{_seconds(start)} --> {_seconds(end)}\n{line}\n")
        return "\n".join(cues)

    def srt(self, turns):
        cues = []
        for number, (label, text, start, end) in enumerate(_timed(turns), 1):
            line = f"{label}: {text}" if self.srt_label_prefix else text
            cues.append(f"{number}\n{_seconds(start, True)} --> {_seconds(end, True)}\n{line}\n")
        return "\n".join(cues)

    def aws_json(self, doc_id, turns):
        """Amazon Transcribe output: one item per word or punctuation mark, and
        speaker_labels segments, shaped as the template's."""
        document = copy.deepcopy(self.aws)
        document["jobName"] = doc_id
        items, segments = [], []
        for label, text, start, end in _timed(turns):
            speaker = "spk_0" if label == "Agent" else "spk_1"
            words = text.split()
            step = (end - start) / max(1, len(words))
            segment_items = []
            for index, word in enumerate(words):
                body = word.rstrip(".,?!")
                begin = start + index * step
                if body:
                    times = {"start_time": f"{begin:.2f}", "end_time": f"{begin + step:.2f}"}
                    items.append(dict(times, alternatives=[{"confidence": "0.98",
                                                            "content": body}],
                                      type="pronunciation"))
                    segment_items.append({"start_time": times["start_time"],
                                          "speaker_label": speaker,
                                          "end_time": times["end_time"]})
                for mark in word[len(body):]:
                    items.append({"alternatives": [{"confidence": "0.0", "content": mark}],
                                  "type": "punctuation"})
            segments.append({"start_time": f"{start:.2f}", "speaker_label": speaker,
                             "end_time": f"{end:.2f}", "items": segment_items})
        results = document["results"]
        results["transcripts"] = [{"transcript": " ".join(text for _, text in turns)}]
        results["speaker_labels"] = {"speakers": 2, "segments": segments}
        results["items"] = items
        return json.dumps(document, ensure_ascii=False)


def _text_bytes(turns):
    return sum(len(text.encode("utf-8")) for _, text in turns)


class _Documents:
    """An endless, seeded stream of calls (3 to 8 threads joined) and notes."""

    def __init__(self, seed):
        self.conversations, self.notes = load_sources()
        if not self.conversations:
            raise SystemExit(f"bench corpus: no conversation found under {SHARED} "
                             "(../shared/eval and ../shared/samples are needed)")
        self.random = random.Random(seed)
        self.serial = 0
        self._queues = {}

    def _next(self, name, items):
        # Every item once, in a seeded order, before any repeats.
        queue = self._queues.setdefault(name, [])
        if not queue:
            queue.extend(items)
            self.random.shuffle(queue)
        return queue.pop()

    def call(self):
        turns = []
        for _ in range(self.random.randint(3, 8)):
            turns.extend(self._next("conversations", self.conversations))
        return turns

    def notes_text(self):
        return self._next("notes", self.notes) if self.notes else None

    def next_id(self, kind):
        self.serial += 1
        return f"bench-{self.serial:07d}-{kind}"


def build_corpus(folder, megabytes, seed=17):
    """Writes a corpus of about `megabytes` MB of transcript text into
    `folder`; returns a summary (text bytes, documents and files per format)."""
    templates = Templates()
    documents = _Documents(seed)
    os.makedirs(folder, exist_ok=True)
    target = int(megabytes * 1_000_000)
    summary = {"text_bytes": 0, "documents": 0, "file_bytes": 0, "formats": {}}
    jsonl_files = {}

    def add(kind, text_bytes, file_name=None, content=None, jsonl_line=None):
        entry = summary["formats"].setdefault(kind, {"documents": 0, "text_bytes": 0})
        entry["documents"] += 1
        entry["text_bytes"] += text_bytes
        summary["documents"] += 1
        summary["text_bytes"] += text_bytes
        if jsonl_line is not None:
            handle, count = jsonl_files.get(kind, (None, RECORDS_PER_JSONL_FILE))
            if count >= RECORDS_PER_JSONL_FILE:
                if handle:
                    handle.close()
                name = f"{kind}-{len(os.listdir(folder)):05d}.jsonl"
                handle, count = open(os.path.join(folder, name), "w", encoding="utf-8"), 0
            handle.write(jsonl_line + "\n")
            jsonl_files[kind] = (handle, count + 1)
        else:
            with open(os.path.join(folder, file_name), "w", encoding="utf-8") as out:
                out.write(content)

    shares = {kind: 0 for kind, _ in MIX}
    while summary["text_bytes"] < target:
        # The format furthest below its share of the text so far comes next.
        kind = min(MIX, key=lambda m: shares[m[0]] / m[1])[0]
        doc_id = documents.next_id(kind)
        if kind == "jsonl":
            notes = documents.notes_text() if documents.random.random() < 0.4 else None
            if notes:
                text, size = notes, len(notes.encode("utf-8"))
            else:
                turns = documents.call()
                text = "\n".join(f"{'Agent' if r == 'agent' else 'Customer'}: {t}"
                                 for r, t in turns)
                size = _text_bytes(turns)
            add(kind, size, jsonl_line=templates.jsonl_text(doc_id, text))
        elif kind == "jsonl-turns":
            turns = documents.call()
            size = _text_bytes(turns)
            add(kind, size, jsonl_line=templates.jsonl_turns(doc_id, turns))
        else:
            turns = documents.call()
            size = _text_bytes(turns)
            if kind == "text":
                add(kind, size, f"{doc_id}.txt", templates.text(turns, documents.serial % 2 == 0))
            elif kind == "vtt":
                add(kind, size, f"{doc_id}.vtt", templates.vtt(turns))
            elif kind == "srt":
                add(kind, size, f"{doc_id}.srt", templates.srt(turns))
            else:
                add(kind, size, f"{doc_id}.json", templates.aws_json(doc_id, turns))
        shares[kind] += size
    for handle, _ in jsonl_files.values():
        handle.close()
    for name in os.listdir(folder):
        summary["file_bytes"] += os.path.getsize(os.path.join(folder, name))
    return summary


def write_jsonl(path, megabytes, seed=17):
    """One JSON Lines file of about `megabytes` MB of records (text and turns
    records alternating, the template's extra fields passed through);
    returns (records, file bytes)."""
    templates = Templates()
    documents = _Documents(seed)
    target = int(megabytes * 1_000_000)
    records = written = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < target:
            turns = documents.call()
            doc_id = documents.next_id("jsonl")
            if records % 2:
                line = templates.jsonl_turns(doc_id, turns)
            else:
                line = templates.jsonl_text(doc_id, "\n".join(
                    f"{'Agent' if r == 'agent' else 'Customer'}: {t}" for r, t in turns))
            out.write(line + "\n")
            written += len(line.encode("utf-8")) + 1
            records += 1
    return records, written


def sentences(folder_or_texts, limit_bytes):
    """The sentences of the corpus's text, split at . ! ? and line ends (as a
    peer tool would be fed), distinct, up to `limit_bytes` of text."""
    seen, out, size = set(), [], 0
    for text in folder_or_texts:
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
            sentence = sentence.strip()
            if not sentence or sentence in seen:
                continue
            seen.add(sentence)
            out.append(sentence)
            size += len(sentence.encode("utf-8"))
            if size >= limit_bytes:
                return out
    return out


def source_texts(seed=17):
    """Every distinct turn and notes text of the sources, in a seeded order:
    what the corpus is made of."""
    conversations, notes = load_sources()
    texts = [text for turns in conversations for _, text in turns] + notes
    random.Random(seed).shuffle(texts)
    return texts
