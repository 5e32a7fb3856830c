// Amazon Transcribe output. Turns are rebuilt from word items: each
// pronunciation item gets a speaker (its own speaker_label or channel_label,
// else the speaker_labels segment it falls in, else the audio_segments entry
// that lists it, else the channel_labels channel whose item starts at the same
// time), punctuation follows the word before it, and consecutive words of one
// speaker form a turn. A turn's source points at its first item
// ("/results/items/17"). Times may be strings ("1.24") or numbers.
#include <algorithm>
#include <map>

#include "read/formats.h"
#include "read/json_input.h"
#include "read/simd_json.h"

namespace conduct::read_detail {
namespace {

struct Word {
  std::string_view content;  // a view into the parsed document
  bool punctuation = false;
  std::optional<std::int64_t> begin_ms;
  std::optional<std::int64_t> end_ms;
  std::string_view speaker;
  // Where the item sits: results.items[index] (channel < 0) or
  // results.channel_labels.channels[channel].items[index].
  int channel = -1;
  std::size_t index = 0;
  // The item's "id" (the newer shape numbers items; audio_segments lists
  // them), else its index.
  std::int64_t item_id = -1;
};

using Element = JsonElement;

std::optional<Word> word_of(Element item) {
  const auto alternative = first_element(member(item, "alternatives"));
  if (!alternative) return std::nullopt;
  Word word;
  word.content = string_member(*alternative, "content");
  if (word.content.empty()) return std::nullopt;
  word.punctuation = string_member(item, "type") == "punctuation";
  if (auto start = member(item, "start_time")) word.begin_ms = seconds_to_ms(*start);
  if (auto end = member(item, "end_time")) word.end_ms = seconds_to_ms(*end);
  word.speaker = string_member(item, "speaker_label");
  if (word.speaker.empty()) word.speaker = string_member(item, "channel_label");
  return word;
}

// Words of results.channel_labels.channels[*].items, merged by time; a
// punctuation item keeps its place after the word before it.
std::vector<Word> channel_words(std::optional<Element> channels) {
  struct Keyed {
    std::int64_t key;
    Word word;
  };
  std::vector<Keyed> keyed;
  int c = 0;
  for_each_element(channels, [&](Element channel) {
    const std::string_view label = string_member(channel, "channel_label");
    std::int64_t key = 0;
    std::size_t k = 0;
    for_each_element(member(channel, "items"), [&](Element item) {
      if (auto word = word_of(item)) {
        if (word->speaker.empty()) word->speaker = label;
        word->channel = c;
        word->index = k;
        if (word->begin_ms) key = *word->begin_ms;
        keyed.push_back({key, *word});
      }
      ++k;
    });
    ++c;
  });
  std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    if (a.key != b.key) return a.key < b.key;
    return a.word.channel < b.word.channel;
  });
  std::vector<Word> words;
  words.reserve(keyed.size());
  for (Keyed& k : keyed) words.push_back(k.word);
  return words;
}

// Gives words without a label the speaker of the speaker_labels item with
// the same start time, or of the segment whose time range holds the word.
void label_from_segments(std::optional<Element> segments, std::vector<Word>& words) {
  std::map<std::int64_t, std::string_view> by_start;
  struct Range {
    std::int64_t begin, end;
    std::string_view speaker;
  };
  std::vector<Range> ranges;
  for_each_element(segments, [&](Element segment) {
    const std::string_view speaker = string_member(segment, "speaker_label");
    if (speaker.empty()) return;
    const auto start = member(segment, "start_time");
    const auto end = member(segment, "end_time");
    auto begin_ms = start ? seconds_to_ms(*start) : std::nullopt;
    auto end_ms = end ? seconds_to_ms(*end) : std::nullopt;
    if (begin_ms && end_ms) ranges.push_back({*begin_ms, *end_ms, speaker});
    for_each_element(member(segment, "items"), [&](Element item) {
      const auto item_start = member(item, "start_time");
      // -1 for "no time"; an optional here trips GCC's maybe-uninitialized.
      const std::int64_t ms = item_start ? seconds_to_ms(*item_start).value_or(-1) : -1;
      const std::string_view item_speaker = string_member(item, "speaker_label");
      if (ms >= 0) by_start[ms] = item_speaker.empty() ? speaker : item_speaker;
    });
  });
  for (Word& word : words) {
    if (!word.speaker.empty() || !word.begin_ms) continue;
    if (auto it = by_start.find(*word.begin_ms); it != by_start.end()) {
      word.speaker = it->second;
      continue;
    }
    for (const Range& range : ranges) {
      if (*word.begin_ms >= range.begin && *word.begin_ms < range.end) {
        word.speaker = range.speaker;
        break;
      }
    }
  }
}

// Gives words without a label the speaker_label (or channel_label) of the
// audio_segments entry whose items list holds the word's item id.
void label_from_audio_segments(std::optional<Element> segments, std::vector<Word>& words) {
  std::map<std::int64_t, std::string_view> by_item;
  for_each_element(segments, [&](Element segment) {
    std::string_view speaker = string_member(segment, "speaker_label");
    if (speaker.empty()) speaker = string_member(segment, "channel_label");
    if (speaker.empty()) return;
    for_each_element(member(segment, "items"), [&](Element id) {
      if (auto item = millis(id)) by_item[*item] = speaker;
    });
  });
  for (Word& word : words) {
    if (!word.speaker.empty()) continue;
    if (auto it = by_item.find(word.item_id); it != by_item.end()) word.speaker = it->second;
  }
}

// Gives words of results.items without a label the channel of the
// channel_labels item that starts at the same time (a punctuation item has no
// time and follows the word before it).
void label_from_channels(std::optional<Element> channels, std::vector<Word>& words) {
  std::map<std::int64_t, std::string_view> by_start;
  for_each_element(channels, [&](Element channel) {
    const std::string_view label = string_member(channel, "channel_label");
    for_each_element(member(channel, "items"), [&](Element item) {
      const auto start = member(item, "start_time");
      const std::int64_t ms = start ? seconds_to_ms(*start).value_or(-1) : -1;
      std::string_view item_label = string_member(item, "channel_label");
      if (item_label.empty()) item_label = label;
      if (ms >= 0 && !item_label.empty()) by_start.emplace(ms, item_label);
    });
  });
  for (Word& word : words) {
    if (!word.speaker.empty() || !word.begin_ms) continue;
    if (auto it = by_start.find(*word.begin_ms); it != by_start.end()) word.speaker = it->second;
  }
}

std::string pointer_of(const Word& word) {
  if (word.channel < 0) return "/results/items/" + std::to_string(word.index);
  return "/results/channel_labels/channels/" + std::to_string(word.channel) + "/items/" +
         std::to_string(word.index);
}

std::vector<Turn> turns_of(const std::vector<Word>& words) {
  std::vector<Turn> turns;
  std::string_view previous_speaker;
  for (const Word& word : words) {
    // Punctuation belongs to the word before it, whoever is labelled on it.
    std::string_view speaker = word.punctuation && !turns.empty() ? previous_speaker : word.speaker;
    if (speaker.empty()) speaker = word.punctuation ? previous_speaker : "unknown";
    if (speaker.empty()) speaker = "unknown";
    if (turns.empty() || speaker != previous_speaker) {
      Turn turn;
      turn.speaker = std::string(speaker);
      turn.source = pointer_of(word);
      turns.push_back(std::move(turn));
      previous_speaker = speaker;
    }
    Turn& turn = turns.back();
    if (!word.punctuation && !turn.text.empty()) turn.text.push_back(' ');
    turn.text.append(word.content);
    if (!word.punctuation) {
      if (!turn.begin_ms) turn.begin_ms = word.begin_ms;
      if (word.end_ms) turn.end_ms = word.end_ms;
    }
  }
  for (Turn& turn : turns) turn.end = turn.text.size();
  return turns;
}

Result<std::vector<Turn>> read_parsed(Element root) {
  const auto results = member(root, "results");
  if (!results || !results->is_object()) {
    return unsupported_json("not Amazon Transcribe output: no results object");
  }
  std::vector<Word> words;
  std::size_t i = 0;
  for_each_element(member(*results, "items"), [&](Element item) {
    if (auto word = word_of(item)) {
      word->index = i;
      const auto id = member(item, "id");
      word->item_id = id ? millis(*id).value_or(-1) : static_cast<std::int64_t>(i);
      words.push_back(*word);
    }
    ++i;
  });
  const auto channel_labels = member(*results, "channel_labels");
  const auto channels = channel_labels ? member(*channel_labels, "channels") : std::nullopt;
  if (words.empty()) words = channel_words(channels);
  if (const auto speaker_labels = member(*results, "speaker_labels")) {
    label_from_segments(member(*speaker_labels, "segments"), words);
  }
  label_from_audio_segments(member(*results, "audio_segments"), words);
  label_from_channels(channels, words);
  if (!words.empty()) return turns_of(words);
  // No items at all: the whole transcript as one turn of an unknown speaker.
  if (const auto transcript = first_element(member(*results, "transcripts"))) {
    const std::string_view text = string_member(*transcript, "transcript");
    Turn turn;
    turn.speaker = "unknown";
    turn.text = std::string(text);
    turn.end = turn.text.size();
    turn.source = "/results/transcripts/0/transcript";
    std::vector<Turn> turns;
    if (!turn.text.empty()) turns.push_back(std::move(turn));
    return turns;
  }
  return unsupported_json("not Amazon Transcribe output: no results.items or results.transcripts");
}

}  // namespace

Result<std::vector<Turn>> read_aws(std::string_view bytes, std::size_t begin,
                                   std::size_t max_depth) {
  auto parsed = parse_json_fast(bytes, begin, max_depth);
  if (!parsed.ok()) return parsed.error();
  return read_parsed(parsed.value().root());
}

}  // namespace conduct::read_detail
