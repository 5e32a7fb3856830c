// Builds the sentences of a one-turn notes document the way the pipeline does
// (normalize once, split with the segmenter), so score tests see real
// Sentence views without depending on the report module.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/sentence.h"
#include "normalize/normalizer.h"
#include "normalize/segmenter.h"

namespace conduct::testing {

struct NotesFixture {
  Document document;
  NormalizedText normalized;
  std::vector<Sentence> sentences;

  explicit NotesFixture(std::string text) {
    document.id = "notes.txt";
    document.format = Format::notes;
    Turn turn;
    turn.speaker = "author";
    turn.role = Role::customer;
    turn.text = std::move(text);
    turn.start = 0;
    turn.end = turn.text.size();
    turn.line = 1;
    document.turns.push_back(std::move(turn));
    const std::string& body = document.turns[0].text;
    normalized = normalize(body);
    for (const ByteSpan span : split_sentences(body)) {
      Sentence sentence;
      sentence.turn = 0;
      sentence.original = span;
      sentence.normalized = normalized.from_original(span);
      sentence.line =
          1 + static_cast<std::size_t>(std::count(body.begin(), body.begin() + span.begin, '\n'));
      sentence.text = std::string_view(body).substr(span.begin, span.size());
      sentence.normalized_text = std::string_view(normalized.text)
                                     .substr(sentence.normalized.begin, sentence.normalized.size());
      sentences.push_back(sentence);
    }
  }
  NotesFixture(const NotesFixture&) = delete;  // sentences view into the members
  NotesFixture& operator=(const NotesFixture&) = delete;

  /// Index of the first sentence containing `needle` in its original text.
  std::size_t find(std::string_view needle) const {
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      if (sentences[i].text.find(needle) != std::string_view::npos) return i;
    }
    return sentences.size();
  }
};

}  // namespace conduct::testing
