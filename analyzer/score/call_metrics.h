// Call metrics: what a contact-centre analytics product (Amazon Contact Lens,
// Transcribe Call Analytics, Google CCAI Insights) measures from who spoke
// when: the call's duration, each side's talk time, share, talk speed and
// turns, silences, interruptions, and sentiment by quarter of the call. A pure
// function of the turns' times and each turn's sentiment; only transcripts
// whose every turn has a time have them.
//
// Definitions follow Contact Lens's conversation characteristics where they
// make sense for a transcript ("Conversational analytics metrics in Amazon
// Connect", docs.aws.amazon.com/connect/latest/adminguide/contact-lens-metrics.html,
// and Transcribe's "Post-call analytics output", tca-output-batch.html): talk
// time sums the intervals in which a participant speaks; non-talk time is the
// periods without speech; talk speed is words per minute of talk time; an
// interruption is one participant cutting the other off. README ("Call
// metrics") is the user's account of every field.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace conduct {

/// A gap with no speech at least this long is reported one by one (and
/// summed) as non-talk time: a hold, dead air, someone looking something up.
/// Why 3 s: ordinary pauses between turns stay under 2 s (the longest gap in
/// AWS's own Contact Lens and Call Analytics examples is 1.78 s, and both
/// report no non-talk time), while Google CCAI Insights counts silences only
/// from 5 s; 3 s is the point where a listener notices dead air. All gaps,
/// long or short, are in CallMetrics::silence_ms.
inline constexpr std::int64_t kLongSilenceMs = 3000;

/// Speech that starts while another speaker is talking is an interruption
/// only if the two overlap by at least this much. Why 500 ms: speakers
/// routinely begin on the last syllable of the other's turn (a smooth
/// hand-over, not a cut-off), and the segment times speech-to-text gives are
/// themselves loose by a few hundred milliseconds (a segment's end includes
/// trailing silence); under half a second, an overlap says nothing.
inline constexpr std::int64_t kMinInterruptionOverlapMs = 500;

/// A stretch of time with no speech, in the input's time line.
struct Silence {
  std::int64_t begin_ms = 0;
  std::int64_t end_ms = 0;
  std::int64_t duration_ms() const { return end_ms - begin_ms; }
  bool operator==(const Silence&) const = default;
};

/// One speaker cutting another off: `by` started speaking at `at_ms` while
/// `of` was talking, and `of` stopped before (or as) `by` did, `overlap_ms`
/// after `at_ms`. Each side is a speaker label in a role.
struct Interruption {
  std::string by;
  Role by_role = Role::unknown;
  std::string of;
  Role of_role = Role::unknown;
  std::int64_t at_ms = 0;
  std::int64_t overlap_ms = 0;
  bool operator==(const Interruption&) const = default;
};

/// The metrics of one participant: a role, or a speaker label.
struct ParticipantMetrics {
  /// Time covered by the participant's turns (their union: overlapping turns
  /// of two speakers of one role count once for the role).
  std::int64_t talk_ms = 0;
  /// talk_ms over the sum of talk_ms of all participants of the same grouping
  /// (roles, or speakers), so that the shares add up to 1; nullopt when
  /// nobody's turns have a length.
  std::optional<double> share;
  /// Words in the participant's turns that have a length (a turn with a begin
  /// and no end is an instant: it has no talk time, and its words are not
  /// counted, so that words / talk time is a speed). A word is a run of
  /// non-space characters holding a letter or digit (any non-ASCII character
  /// but General Punctuation, U+2000-U+207F, counts as a letter).
  std::size_t words = 0;
  /// words per minute of talk_ms; nullopt when talk_ms is 0.
  std::optional<double> words_per_minute;
  /// Maximal runs of consecutive input turns by the same speaker (the same
  /// label in the same role), in document order; for a role, the runs of its
  /// speakers, a change of speaker within the role starting a new one.
  std::size_t turns = 0;
  /// Interruptions the participant made.
  std::size_t interruptions = 0;
  /// Mean sentiment (compound) of the participant's turns in each quarter of
  /// the call. The quarters divide [begin_ms, end_ms] into four equal parts
  /// by time; a turn belongs to the quarter its midpoint falls in (a
  /// midpoint on a boundary, to the later quarter); nullopt for a quarter
  /// with no turn of the participant.
  std::array<std::optional<double>, 4> sentiment_by_quarter;
};

struct RoleMetrics {
  Role role = Role::unknown;
  ParticipantMetrics metrics;
};

struct SpeakerMetrics {
  std::string speaker;
  Role role = Role::unknown;  // the role of the speaker's first turn
  ParticipantMetrics metrics;
};

/// Everything measured of one timed call. All times are integer
/// milliseconds in the input's time line (Contact Lens's BeginOffsetMillis,
/// a subtitle's cue times).
struct CallMetrics {
  /// First turn's begin to the last end of any turn.
  std::int64_t begin_ms = 0;
  std::int64_t end_ms = 0;
  std::int64_t duration_ms = 0;
  /// Time in which at least one speaker talks.
  std::int64_t speech_ms = 0;
  /// duration_ms - speech_ms: every gap, however short.
  std::int64_t silence_ms = 0;
  /// Gaps of at least kLongSilenceMs, in time order; their sum.
  std::vector<Silence> long_silences;
  std::int64_t long_silence_ms = 0;
  /// The longest gap of any length (the first of equals); nullopt when
  /// speech covers the whole call.
  std::optional<Silence> longest_silence;
  /// Every interruption, in time order (never more than there are turns),
  /// and the sum of their overlaps.
  std::vector<Interruption> interruptions;
  std::int64_t interruption_ms = 0;
  /// The roles that have turns, in the order agent, customer, system,
  /// unknown.
  std::vector<RoleMetrics> by_role;
  /// The speaker labels, in order of first appearance. Grouping by label as
  /// well as by role keeps the metrics meaningful when roles are unknown
  /// (a transcript with spk_0 and spk_1).
  std::vector<SpeakerMetrics> by_speaker;
};

/// The call metrics of a transcript, or nullopt when its turns do not carry
/// both times: when there is no turn, or any turn lacks begin_ms or end_ms
/// (times on only some turns cannot say who spoke when in the others, and a
/// chat's message times say when words were sent, not how long anyone
/// spoke). An end before the begin is read as the begin. `turn_sentiment[i]` is turn i's sentiment
/// (the mean compound of its sentences; 0 for a turn without one), one value per turn (nullopt when
/// the sizes differ).
///
/// Interruptions are judged between speakers (a label in a role: turns
/// labelled alike in two roles are two people) on each one's continuous
/// speech: their turns merged where they touch or overlap. Speech by one speaker that starts
/// inside another's and overlaps it by at least kMinInterruptionOverlapMs is
/// an interruption when the other falls silent first; when the other talks
/// on past its end, it was a backchannel ("mhm") or talk over them that cut
/// nobody off, and is not counted. When speech starts inside that of two
/// others, the one it overlaps longer is the one interrupted.
///
/// Cost: O(n log n) in the number of turns times the number of speakers,
/// plus a pass over the text to count words.
std::optional<CallMetrics> measure_call(std::span<const Turn> turns,
                                        std::span<const double> turn_sentiment);

/// Words in a turn's text as ParticipantMetrics::words counts them.
std::size_t count_words(std::string_view text);

}  // namespace conduct
