#include "pipeline/analysis.h"

#include <algorithm>

#include "normalize/segmenter.h"

namespace conduct {
namespace {

std::size_t count_newlines(std::string_view text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Where offset 0 of a turn's text lies in the coordinates that output offsets
// use: the file for text formats, the decoded string `source` names for JSON
// and CSV (whose turn start/end may already skip leading whitespace inside
// it, and whose turn may be one part of that string).
std::size_t text_base(Format format, const Turn& turn) {
  return offsets_in_file(format) ? turn.start : turn.source_offset;
}

}  // namespace

Analysis segment_document(Document document) {
  Analysis analysis;
  analysis.document = std::move(document);
  const auto& turns = analysis.document.turns;
  analysis.normalized.reserve(turns.size());
  analysis.turn_sentence_begin.reserve(turns.size() + 1);
  // One splitter for every turn: making ICU's break iterator costs more
  // than splitting a cue.
  SentenceSplitter splitter;
  // Markup is blanked with spaces of the same length, so that every offset
  // into the analysed text is an offset into the original.
  std::string masked;
  for (std::size_t t = 0; t < turns.size(); ++t) {
    const Turn& turn = turns[t];
    const std::string_view text = turn.text;
    if (!turn.markup.empty()) {
      masked = turn.text;
      for (const ByteSpan span : turn.markup) {
        masked.replace(span.begin, span.size(), span.size(), ' ');
      }
    }
    const std::string_view analysed = turn.markup.empty() ? text : std::string_view(masked);
    // In place for good (the vector is reserved): views into it stay valid.
    const NormalizedText& normalized = analysis.normalized.emplace_back(normalize(analysed));
    const std::size_t base = text_base(analysis.document.format, turn);
    std::size_t line = turn.line;
    std::size_t line_counted_to = 0;
    analysis.turn_sentence_begin.push_back(analysis.sentences.size());
    for (const ByteSpan local : splitter.split(analysed)) {
      Sentence sentence;
      sentence.turn = t;
      sentence.original = {base + local.begin, base + local.end};
      sentence.normalized = normalized.from_original(local);
      if (line > 0) {
        line += count_newlines(text.substr(line_counted_to, local.begin - line_counted_to));
        line_counted_to = local.begin;
      }
      sentence.line = line;
      sentence.text = text.substr(local.begin, local.size());
      sentence.normalized_text = std::string_view(normalized.text)
                                     .substr(sentence.normalized.begin, sentence.normalized.size());
      analysis.sentences.push_back(sentence);
    }
  }
  analysis.turn_sentence_begin.push_back(analysis.sentences.size());
  return analysis;
}

double sentence_score(const Analysis& analysis, std::size_t sentence) {
  if (analysis.sentence_mood.empty()) return analysis.sentence_sentiment[sentence].compound;
  const auto& mood = analysis.sentence_mood[sentence];  // negative, neutral, positive
  return static_cast<double>(mood[2]) - static_cast<double>(mood[0]);
}

double turn_score(const Analysis& analysis, std::size_t turn) {
  const auto indices = analysis.sentences_of(turn);
  if (indices.empty()) return 0.0;
  double sum = 0.0;
  for (std::size_t s : indices) sum += sentence_score(analysis, s);
  return sum / static_cast<double>(indices.size());
}

Evidence evidence_for(const Analysis& analysis, EvidenceSpan at) {
  const Sentence& sentence = analysis.sentences[at.sentence];
  const Turn& turn = analysis.document.turns[sentence.turn];
  const NormalizedText& normalized = analysis.normalized[sentence.turn];
  const ByteSpan in_turn_normalized{sentence.normalized.begin + at.normalized.begin,
                                    sentence.normalized.begin + at.normalized.end};
  const ByteSpan local = normalized.to_original(in_turn_normalized);
  const std::size_t base = text_base(analysis.document.format, turn);
  Evidence evidence;
  evidence.text = turn.text.substr(local.begin, local.size());
  evidence.start = base + local.begin;
  evidence.end = base + local.end;
  const std::size_t sentence_local = sentence.original.begin - base;
  evidence.line = sentence.line == 0
                      ? 0
                      : sentence.line + count_newlines(std::string_view(turn.text).substr(
                                            sentence_local, local.begin - sentence_local));
  evidence.begin_ms = turn.begin_ms;
  evidence.end_ms = turn.end_ms;
  evidence.source = turn.source;
  evidence.turn = sentence.turn;
  return evidence;
}

}  // namespace conduct
