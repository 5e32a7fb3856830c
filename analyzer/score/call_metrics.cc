#include "score/call_metrics.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <utility>

namespace conduct {
namespace {

struct Interval {
  std::int64_t begin = 0;
  std::int64_t end = 0;
};

// A turn placed on the call's time line.
struct TimedTurn {
  std::int64_t begin = 0;
  std::int64_t end = 0;
};

// Each turn's [begin, end]: a missing end is the next turn's begin (in time
// order), or the turn's own begin for the last; an end before the begin is
// the begin.
std::vector<TimedTurn> place_turns(std::span<const Turn> turns) {
  std::vector<std::size_t> by_time(turns.size());
  std::iota(by_time.begin(), by_time.end(), std::size_t{0});
  std::stable_sort(by_time.begin(), by_time.end(), [&](std::size_t a, std::size_t b) {
    return *turns[a].begin_ms < *turns[b].begin_ms;
  });
  std::vector<TimedTurn> placed(turns.size());
  for (std::size_t k = 0; k < by_time.size(); ++k) {
    const Turn& turn = turns[by_time[k]];
    const std::int64_t begin = *turn.begin_ms;
    std::int64_t end = begin;
    if (turn.end_ms) {
      end = *turn.end_ms;
    } else if (k + 1 < by_time.size()) {
      end = *turns[by_time[k + 1]].begin_ms;
    }
    placed[by_time[k]] = {begin, std::max(begin, end)};
  }
  return placed;
}

// The union of intervals, sorted and disjoint; intervals that touch merge.
// Merged in place: a call's intervals are one per turn, and a second vector
// of them would be the peak of a long call's memory.
std::vector<Interval> merged(std::vector<Interval> intervals) {
  std::sort(intervals.begin(), intervals.end(),
            [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
  std::size_t kept = 0;  // intervals[0, kept) are the union so far
  for (const Interval interval : intervals) {
    if (kept > 0 && interval.begin <= intervals[kept - 1].end) {
      intervals[kept - 1].end = std::max(intervals[kept - 1].end, interval.end);
    } else {
      intervals[kept++] = interval;
    }
  }
  intervals.resize(kept);
  return intervals;
}

std::int64_t covered_ms(const std::vector<Interval>& disjoint) {
  std::int64_t sum = 0;
  for (const Interval& interval : disjoint) sum += interval.end - interval.begin;
  return sum;
}

// What one participant (a role or a speaker) is measured from: its turns.
struct Participant {
  std::vector<std::size_t> turns;  // indices into the document's turns
  std::size_t runs = 0;
  std::size_t interruptions = 0;
};

ParticipantMetrics measure_participant(const Participant& participant, std::span<const Turn> turns,
                                       std::span<const TimedTurn> placed,
                                       std::span<const double> turn_sentiment,
                                       const CallMetrics& call) {
  ParticipantMetrics out;
  std::vector<Interval> spoken;
  spoken.reserve(participant.turns.size());
  std::array<double, 4> sentiment_sum{};
  std::array<std::size_t, 4> sentiment_count{};
  for (std::size_t t : participant.turns) {
    const TimedTurn& at = placed[t];
    if (at.end > at.begin) {
      spoken.push_back({at.begin, at.end});
      out.words += count_words(turns[t].text);
    }
    // The quarter of the midpoint, in integers: 4 * (mid - begin) / duration
    // with mid = (begin + end) / 2. A call of no length is all first quarter.
    std::size_t quarter = 0;
    if (call.duration_ms > 0) {
      const std::int64_t offset_twice = at.begin + at.end - 2 * call.begin_ms;
      quarter = static_cast<std::size_t>(
          std::min<std::int64_t>(3, (2 * offset_twice) / call.duration_ms));
    }
    sentiment_sum[quarter] += turn_sentiment[t];
    ++sentiment_count[quarter];
  }
  out.talk_ms = covered_ms(merged(std::move(spoken)));
  if (out.talk_ms > 0) {
    out.words_per_minute =
        static_cast<double>(out.words) * 60000.0 / static_cast<double>(out.talk_ms);
  }
  out.turns = participant.runs;
  out.interruptions = participant.interruptions;
  for (std::size_t q = 0; q < 4; ++q) {
    if (sentiment_count[q] > 0) {
      out.sentiment_by_quarter[q] = sentiment_sum[q] / static_cast<double>(sentiment_count[q]);
    }
  }
  return out;
}

// Shares of the summed talk time of one grouping.
template <typename Group>
void fill_shares(std::vector<Group>& groups) {
  std::int64_t total = 0;
  for (const Group& group : groups) total += group.metrics.talk_ms;
  if (total == 0) return;
  for (Group& group : groups) {
    group.metrics.share = static_cast<double>(group.metrics.talk_ms) / static_cast<double>(total);
  }
}

// One side of the conversation as far as turn-taking goes: a speaker label
// in one role. Two turns with the same label and different roles are two
// people (a reader may leave the label "unknown" and know the roles), so
// turns and interruptions are told apart by both.
struct Party {
  std::string speaker;
  Role role = Role::unknown;
  auto operator<=>(const Party&) const = default;
};

Party party_of(const Turn& turn) {
  return {turn.speaker, turn.role};
}

// A party's continuous speech: its turns merged where they touch or overlap.
std::vector<Interval> stretches_of(const std::vector<std::size_t>& party_turns,
                                   std::span<const TimedTurn> placed) {
  std::vector<Interval> spoken;
  spoken.reserve(party_turns.size());
  for (std::size_t t : party_turns) spoken.push_back({placed[t].begin, placed[t].end});
  return merged(std::move(spoken));
}

// Interruptions between parties, in time order (see measure_call): for each
// stretch of speech, the other party's stretch under way when it began (at
// most one per party: a party's stretches are disjoint) that falls silent
// before it ends, the longest overlap winning, the first party on a tie.
// One sweep over the stretches by start time, with the stretches under way
// kept by end: O(S log S) for S stretches, however many parties there are
// (a transcript may have thousands of speaker labels).
std::vector<Interruption> find_interruptions(const std::vector<Party>& parties,
                                             std::vector<std::vector<Interval>> stretches) {
  struct Stretch {
    Interval interval;
    std::size_t party = 0;
    std::size_t place = 0;  // in party-major order, as the result is listed
  };
  std::vector<Stretch> by_start;
  std::size_t count = 0;
  for (const auto& of_party : stretches) count += of_party.size();
  by_start.reserve(count);
  for (std::size_t p = 0; p < parties.size(); ++p) {
    for (const Interval& interval : stretches[p]) {
      by_start.push_back({interval, p, by_start.size()});
    }
    std::vector<Interval>().swap(stretches[p]);  // copied: one copy at a time
  }
  std::stable_sort(by_start.begin(), by_start.end(), [](const Stretch& a, const Stretch& b) {
    return a.interval.begin < b.interval.begin;
  });
  // The cuts found, with their place: one entry per interruption, not one
  // per stretch (a call of a million cues has a million stretches).
  std::vector<std::pair<std::size_t, Interruption>> cuts;
  // Stretches begun before the current start and not yet over: (end, party).
  std::set<std::pair<std::int64_t, std::size_t>> under_way;
  std::size_t begun = 0;
  for (const Stretch& speech : by_start) {
    const std::int64_t start = speech.interval.begin;
    for (; begun < by_start.size() && by_start[begun].interval.begin < start; ++begun) {
      under_way.insert({by_start[begun].interval.end, by_start[begun].party});
    }
    // Over by this start, so by every later one. The speaker's own earlier
    // stretches are among them: they end before this one begins.
    while (!under_way.empty() && under_way.begin()->first <= start) {
      under_way.erase(under_way.begin());
    }
    // The latest end within this speech, and the first party ending then.
    auto latest = under_way.upper_bound({speech.interval.end, SIZE_MAX});
    if (latest == under_way.begin()) continue;
    const std::int64_t end = std::prev(latest)->first;
    const std::size_t other = under_way.lower_bound({end, 0})->second;
    const std::int64_t overlap = end - start;
    if (overlap < kMinInterruptionOverlapMs) continue;
    const Party& by = parties[speech.party];
    cuts.emplace_back(speech.place, Interruption{by.speaker, by.role, parties[other].speaker,
                                                 parties[other].role, start, overlap});
  }
  std::sort(cuts.begin(), cuts.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Interruption> out;
  out.reserve(cuts.size());
  for (auto& cut : cuts) out.push_back(std::move(cut.second));
  std::stable_sort(out.begin(), out.end(),
                   [](const Interruption& a, const Interruption& b) { return a.at_ms < b.at_ms; });
  return out;
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool is_space_byte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_token = false;
  bool token_is_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_space_byte(c)) {
      if (in_token && token_is_word) ++words;
      in_token = token_is_word = false;
      continue;
    }
    in_token = true;
    if (c == 0xE2 && i + 2 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) & 0xFE) == 0x80) {
      // U+2000..U+207F, General Punctuation (dashes, curly quotes, the
      // ellipsis): spaced out, they are no word. Other non-ASCII characters
      // are letters of some script as far as counting goes.
      i += 2;
      continue;
    }
    token_is_word = token_is_word || is_ascii_alnum(c) || c >= 0x80;
  }
  if (in_token && token_is_word) ++words;
  return words;
}

std::optional<CallMetrics> measure_call(std::span<const Turn> turns,
                                        std::span<const double> turn_sentiment) {
  if (turns.empty() || turn_sentiment.size() != turns.size()) return std::nullopt;
  for (const Turn& turn : turns) {
    // Message times alone (a chat's) say when words were sent, not how long
    // anyone spoke: talk time, silence and interruptions need both ends.
    if (!turn.begin_ms || !turn.end_ms) return std::nullopt;
  }
  const std::vector<TimedTurn> placed = place_turns(turns);

  CallMetrics call;
  call.begin_ms = placed.front().begin;
  call.end_ms = placed.front().end;
  std::vector<Interval> all_speech;
  all_speech.reserve(placed.size());
  for (const TimedTurn& at : placed) {
    call.begin_ms = std::min(call.begin_ms, at.begin);
    call.end_ms = std::max(call.end_ms, at.end);
    all_speech.push_back({at.begin, at.end});
  }
  call.duration_ms = call.end_ms - call.begin_ms;

  {  // Silences: the gaps between the merged speech (freed before the rest).
    const std::vector<Interval> speech = merged(std::move(all_speech));
    call.speech_ms = covered_ms(speech);
    call.silence_ms = call.duration_ms - call.speech_ms;
    for (std::size_t i = 0; i + 1 < speech.size(); ++i) {
      const Silence gap{speech[i].end, speech[i + 1].begin};
      if (gap.duration_ms() >= kLongSilenceMs) {
        call.long_silences.push_back(gap);
        call.long_silence_ms += gap.duration_ms();
      }
      if (!call.longest_silence || gap.duration_ms() > call.longest_silence->duration_ms()) {
        call.longest_silence = gap;
      }
    }
  }

  // Speakers in order of first appearance, roles and parties, and the turns
  // of each. A turn (a run of consecutive input turns) ends where the party
  // changes.
  std::vector<std::string> speakers;
  std::map<std::string, std::size_t, std::less<>> speaker_index;
  std::vector<Participant> by_speaker;
  std::array<Participant, 4> by_role;  // indexed by Role
  std::vector<Party> parties;
  std::map<Party, std::size_t> party_index;
  std::vector<std::vector<std::size_t>> party_turns;
  for (std::size_t t = 0; t < turns.size(); ++t) {
    auto [speaker_at, new_speaker] = speaker_index.try_emplace(turns[t].speaker, speakers.size());
    if (new_speaker) {
      speakers.push_back(turns[t].speaker);
      by_speaker.emplace_back();
    }
    auto [party_at, new_party] = party_index.try_emplace(party_of(turns[t]), parties.size());
    if (new_party) {
      parties.push_back(party_of(turns[t]));
      party_turns.emplace_back();
    }
    const bool new_run = t == 0 || party_of(turns[t - 1]) != party_of(turns[t]);
    Participant& speaker = by_speaker[speaker_at->second];
    Participant& role = by_role[static_cast<std::size_t>(turns[t].role)];
    speaker.turns.push_back(t);
    role.turns.push_back(t);
    party_turns[party_at->second].push_back(t);
    if (new_run) ++speaker.runs, ++role.runs;
  }

  std::vector<std::vector<Interval>> stretches;
  for (const auto& indices : party_turns) stretches.push_back(stretches_of(indices, placed));
  call.interruptions = find_interruptions(parties, std::move(stretches));
  for (const Interruption& cut : call.interruptions) {
    call.interruption_ms += cut.overlap_ms;
    ++by_speaker[speaker_index.find(cut.by)->second].interruptions;
    ++by_role[static_cast<std::size_t>(cut.by_role)].interruptions;
  }

  for (const Role role : {Role::agent, Role::customer, Role::system, Role::unknown}) {
    const Participant& participant = by_role[static_cast<std::size_t>(role)];
    if (participant.turns.empty()) continue;
    call.by_role.push_back(
        {role, measure_participant(participant, turns, placed, turn_sentiment, call)});
  }
  for (std::size_t s = 0; s < speakers.size(); ++s) {
    call.by_speaker.push_back(
        {speakers[s], turns[by_speaker[s].turns.front()].role,
         measure_participant(by_speaker[s], turns, placed, turn_sentiment, call)});
  }
  fill_shares(call.by_role);
  fill_shares(call.by_speaker);
  return call;
}

}  // namespace conduct
