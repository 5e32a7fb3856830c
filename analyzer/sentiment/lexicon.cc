// Loading the VADER lexicon and the domain overlay.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <system_error>

#include "core/config_file.h"
#include "sentiment/python_text.h"
#include "sentiment/vader.h"
#include "sentiment/vader_constants.h"

namespace conduct {
namespace {

std::optional<std::string> read_whole_file(const std::filesystem::path& path) {
  // A regular file within the size limit: never a device read without end.
  auto bytes = read_config_file(path);
  if (!bytes.ok()) return std::nullopt;
  return std::move(bytes).value();
}

// Python's float() on an already stripped field: a decimal or exponent form.
std::optional<double> parse_number(std::string_view field) {
  if (!field.empty() && field.front() == '+') field.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (ec != std::errc() || end != field.data() + field.size() || field.empty()) {
    return std::nullopt;
  }
  return value;
}

std::string_view strip_ascii_space(std::string_view text) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Joins message parts by appending (GCC 12 warns falsely, -Wrestrict, on
// chains of operator+ with string literals).
std::string join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const std::string_view part : parts) out.append(part);
  return out;
}

Error line_error(ErrorCode code, std::string message, const std::filesystem::path& file,
                 std::size_t line) {
  return Error{code, std::move(message), file.string(), line};
}

// Calls visit(line_number, line) for each '\n'-separated line.
template <typename Visit>
void for_each_line(std::string_view content, Visit&& visit) {
  std::size_t number = 0;
  while (!content.empty()) {
    ++number;
    const std::size_t end = content.find('\n');
    const std::string_view line = content.substr(0, end);
    if (!visit(number, line)) return;
    if (end == std::string_view::npos) break;
    content.remove_prefix(end + 1);
  }
}

// What an overlay word must look like to ever equal a VADER token, lowered:
// no upper case, no whitespace, no leading or trailing punctuation.
bool is_matchable_word(std::string_view word) {
  if (word.empty()) return false;
  if (sentiment_text::is_ascii_punctuation(word.front()) ||
      sentiment_text::is_ascii_punctuation(word.back())) {
    return false;
  }
  return std::none_of(word.begin(), word.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || c == ' ' || c == '\t' || c == '\r';
  });
}

}  // namespace

Result<SentimentLexicon> SentimentLexicon::load(const std::filesystem::path& vader_lexicon) {
  const std::optional<std::string> content = read_whole_file(vader_lexicon);
  if (!content) {
    return Error{ErrorCode::lexicon_not_found,
                 join({"cannot read the sentiment lexicon ", vader_lexicon.string(),
                       "; run tools/setup to fetch the pinned VADER lexicon, or pass "
                       "--sentiment-lexicon FILE"}),
                 vader_lexicon.string(), 0};
  }
  SentimentLexicon lexicon;
  lexicon.words_.reserve(8192);
  std::optional<Error> error;
  for_each_line(*content, [&](std::size_t number, std::string_view line) {
    // As the reference: skip empty lines, strip, split on tabs, take two.
    if (line.empty()) return true;
    const std::string_view stripped = strip_ascii_space(line);
    const std::size_t tab = stripped.find('\t');
    if (tab == std::string_view::npos) {
      error = line_error(ErrorCode::bad_lexicon_line, "expected `word<TAB>valence`", vader_lexicon,
                         number);
      return false;
    }
    const std::string_view word = stripped.substr(0, tab);
    std::string_view measure = stripped.substr(tab + 1);
    measure = measure.substr(0, measure.find('\t'));
    const std::optional<double> valence = parse_number(strip_ascii_space(measure));
    // Non-finite valences are refused: NaN would break every comparison.
    if (!valence || !std::isfinite(*valence)) {
      error =
          line_error(ErrorCode::bad_lexicon_line,
                     join({"the valence `", measure, "` is not a number"}), vader_lexicon, number);
      return false;
    }
    SentimentWord& entry = lexicon.words_[std::string(word)];
    if (!entry.in_lexicon) ++lexicon.lexicon_size_;
    entry.in_lexicon = true;
    entry.valence = *valence;
    return true;
  });
  if (error) return *error;
  lexicon.add_fixed_lists();
  return lexicon;
}

void SentimentLexicon::add_fixed_lists() {
  for (const vader::Booster& booster : vader::kBoosters) {
    SentimentWord& entry = words_[std::string(booster.word)];
    entry.is_booster = true;
    entry.booster = booster.scalar;
  }
  for (const std::string_view word : vader::kNegations) {
    words_[std::string(word)].is_negation = true;
  }
}

std::optional<Error> SentimentLexicon::apply_overlay(const std::filesystem::path& overlay) {
  const std::optional<std::string> content = read_whole_file(overlay);
  if (!content) {
    return Error{ErrorCode::overlay_not_found,
                 join({"cannot read the sentiment overlay ", overlay.string(),
                       "; pass --overlay FILE, or --plain for VADER without it"}),
                 overlay.string(), 0};
  }
  struct Entry {
    std::vector<std::string> words;
    double valence;
  };
  std::vector<Entry> entries;
  std::set<std::vector<std::string>> seen;
  std::optional<Error> error;
  for_each_line(*content, [&](std::size_t number, std::string_view line) {
    const std::string_view stripped = strip_ascii_space(line);
    if (stripped.empty() || stripped.front() == '#') return true;
    const auto fail = [&](std::string message) {
      error = line_error(ErrorCode::bad_overlay_line, std::move(message), overlay, number);
      return false;
    };
    const std::size_t tab = stripped.find('\t');
    if (tab == std::string_view::npos) return fail("expected `word or phrase<TAB>valence`");
    const std::string_view phrase = strip_ascii_space(stripped.substr(0, tab));
    std::string_view rest = stripped.substr(tab + 1);
    const std::size_t second_tab = rest.find('\t');
    const std::string_view measure = strip_ascii_space(rest.substr(0, second_tab));
    if (second_tab != std::string_view::npos) {
      const std::string_view note = strip_ascii_space(rest.substr(second_tab + 1));
      if (!note.empty() && note.front() != '#') {
        return fail("a third field must be a comment starting with `#`");
      }
    }
    const std::optional<double> valence = parse_number(measure);
    if (!valence || !std::isfinite(*valence)) {
      return fail(join({"the valence `", measure, "` is not a number"}));
    }
    if (*valence < -4 || *valence > 4) {
      return fail(join({"the valence ", measure, " is outside VADER's range [-4, 4]"}));
    }
    Entry entry{{}, *valence};
    std::string_view words = phrase;
    while (!words.empty()) {
      const std::size_t space = words.find(' ');
      const std::string_view word = words.substr(0, space);
      if (!is_matchable_word(word)) {
        return fail(join({"`", phrase,
                          "` cannot match: words must be lower case, separated by single "
                          "spaces, without leading or trailing punctuation"}));
      }
      entry.words.emplace_back(word);
      if (space == std::string_view::npos) break;
      words.remove_prefix(space + 1);
    }
    if (entry.words.empty()) return fail("the word or phrase is empty");
    if (!seen.insert(entry.words).second) {
      return fail(join({"`", phrase, "` is listed twice"}));
    }
    entries.push_back(std::move(entry));
    return true;
  });
  if (error) return error;

  for (Entry& entry : entries) {
    if (entry.words.size() == 1) {
      SentimentWord& word = words_[entry.words.front()];
      if (!word.in_lexicon) ++lexicon_size_;
      word.in_lexicon = true;
      word.valence = entry.valence;
    } else {
      phrases_.push_back(SentimentPhrase{std::move(entry.words), entry.valence});
    }
  }
  index_phrases();
  return std::nullopt;
}

void SentimentLexicon::index_phrases() {
  // Grouped by first word, longest first, so that the longest phrase wins.
  std::stable_sort(phrases_.begin(), phrases_.end(),
                   [](const SentimentPhrase& a, const SentimentPhrase& b) {
                     if (a.words.front() != b.words.front())
                       return a.words.front() < b.words.front();
                     return a.words.size() > b.words.size();
                   });
  for (auto& [word, entry] : words_) entry.phrase_count = 0;
  for (std::size_t i = 0; i < phrases_.size(); ++i) {
    SentimentWord& first = words_[phrases_[i].words.front()];
    if (first.phrase_count == 0) first.phrase_begin = static_cast<std::uint32_t>(i);
    ++first.phrase_count;
  }
}

Result<SentimentLexicon> load_sentiment_lexicon(const std::filesystem::path& vader_lexicon,
                                                const std::filesystem::path& overlay) {
  Result<SentimentLexicon> lexicon = SentimentLexicon::load(vader_lexicon);
  if (!lexicon || overlay.empty()) return lexicon;
  if (std::optional<Error> error = lexicon.value().apply_overlay(overlay)) return *error;
  return lexicon;
}

const SentimentWord* SentimentLexicon::find(std::string_view lower_word) const {
  const auto it = words_.find(lower_word);
  return it == words_.end() ? nullptr : &it->second;
}

}  // namespace conduct
