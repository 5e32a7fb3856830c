#include "lexicon/rule_findings.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <utility>

#include "lexicon/sentence_context.h"

namespace conduct {
namespace {

// Which stretch of its sentence a hit lies in: the index of the quotation
// holding it, or -1 for the narration around the quotations.
int stretch_of(ByteSpan span, const std::vector<ByteSpan>& quoted) {
  for (std::size_t q = 0; q < quoted.size(); ++q) {
    if (span.begin >= quoted[q].begin && span.end <= quoted[q].end) return static_cast<int>(q);
  }
  return -1;
}

void add_source(Finding& finding, std::string source) {
  if (std::find(finding.sources.begin(), finding.sources.end(), source) == finding.sources.end()) {
    finding.sources.push_back(std::move(source));
  }
}

RuleDecision decision_for(std::size_t s, const RuleHit& hit) {
  RuleDecision decision;
  decision.sentence = s;
  decision.rule = hit.rule->id;
  decision.category = hit.rule->category;
  decision.confidence = hit.rule->confidence;
  decision.about = hit.about;
  decision.span = hit.span;
  decision.guard = std::string(hit.suppressed_by);
  decision.outcome = hit.suppressed_by.empty() ? RuleOutcome::counted : RuleOutcome::suppressed;
  decision.follow_up = !hit.rule->then.empty();
  decision.rule_at = hit.rule->file + ":" + std::to_string(hit.rule->line);
  decision.reason = hit.rule->reason;
  return decision;
}

}  // namespace

bool spoken_by_bits(std::uint8_t speakers, const Turn& turn) {
  std::uint8_t speaker = 0;
  if (turn.reg == Register::report) {
    speaker = static_cast<std::uint8_t>(Speaker::author);
  } else if (turn.role == Role::agent || turn.role == Role::system) {
    speaker = static_cast<std::uint8_t>(Speaker::agent);
  } else if (turn.role == Role::customer) {
    speaker = static_cast<std::uint8_t>(Speaker::customer);
  }
  return (speakers & speaker) != 0;
}

namespace {

// Whether a turn is one a rule's speakers and registers name.
bool spoken_by(const Rule& rule, const Turn& turn) {
  const std::uint8_t reg = turn.reg == Register::speech ? kSpeechBit : kReportBit;
  return (rule.registers & reg) != 0 && spoken_by_bits(rule.speakers, turn);
}

}  // namespace

RuleFindings::RuleFindings(const Lexicon& lexicon, const Document& document)
    : lexicon_(lexicon), document_(document), said_(lexicon.rules().size(), 0) {
  for (const Turn& turn : document.turns) {
    if (turn.begin_ms || turn.end_ms) has_times_ = true;
    call_end_ms_ = std::max(call_end_ms_, turn.end_ms.value_or(turn.begin_ms.value_or(0)));
  }
}

bool RuleFindings::in_window(const Rule& rule, std::size_t t) const {
  const std::size_t turns = document_.turns.size();
  if (rule.first_turns > 0) return t < rule.first_turns;
  if (rule.last_turns > 0) return t + rule.last_turns >= turns;
  if (!has_times_ || (rule.first_seconds <= 0 && rule.last_seconds <= 0)) return true;
  const Turn& turn = document_.turns[t];
  if (rule.first_seconds > 0) {
    return turn.begin_ms && static_cast<double>(*turn.begin_ms) < rule.first_seconds * 1000.0;
  }
  const auto end = turn.end_ms ? turn.end_ms : turn.begin_ms;
  return end && static_cast<double>(call_end_ms_ - *end) <= rule.last_seconds * 1000.0;
}

void RuleFindings::add_sentence(std::span<const Sentence> sentences, std::size_t s,
                                const std::string& speaker, std::span<const RuleHit> hits,
                                std::vector<Finding>& findings,
                                std::vector<CategoryHit>& category_hits, Trace* trace) {
  const std::string_view text = sentences[s].normalized_text;
  category_hits.clear();
  stretches_.clear();
  quoted_.clear();  // find_quoted_ranges appends
  if (!hits.empty()) find_quoted_ranges(text, quoted_);
  for (const RuleHit& hit : hits) {
    const bool inside = in_window(*hit.rule, sentences[s].turn);
    if (!inside || hit.rule->absent) {
      // Outside its window a rule says nothing; an absence rule's words,
      // said, only prove they were said.
      if (inside && hit.suppressed_by.empty()) {
        said_[static_cast<std::size_t>(hit.rule - lexicon_.rules().data())] = 1;
      }
      if (trace) {
        trace->rules.push_back(decision_for(s, hit));
        if (!inside) {
          trace->rules.back().outcome = RuleOutcome::outside;
        } else if (hit.suppressed_by.empty()) {
          trace->rules.back().outcome = RuleOutcome::said;
        }
      }
      continue;
    }
    if (!hit.suppressed_by.empty()) {
      if (trace) trace->rules.push_back(decision_for(s, hit));
      continue;
    }
    if (!hit.rule->then.empty()) {
      // The first part of a follow-up rule: a finding only once a later
      // sentence confirms it, so not a rule hit the model may see either.
      // This sentence's parts are the last ones waiting.
      bool known = false;
      for (auto p = pending_.rbegin(); p != pending_.rend() && p->sentence == s && !known; ++p) {
        known = p->rule == hit.rule;
      }
      if (known) continue;
      std::size_t traced = 0;
      if (trace) {
        traced = trace->rules.size();
        trace->rules.push_back(decision_for(s, hit));
        trace->rules.back().outcome = RuleOutcome::unconfirmed;
      }
      pending_.push_back({s, hit.rule, hit.span, speaker, traced, next_order_++});
      continue;
    }
    if (trace) trace->rules.push_back(decision_for(s, hit));
    category_hits.push_back({hit.rule->category, hit.span});
    // One finding per category and stretch of a sentence: the narration, or
    // one quotation in it. Two stock lines quoted in one long sentence are
    // two pieces of evidence; one narrated scene that several rules describe
    // is one, with every rule named.
    const int stretch = stretch_of(hit.span, quoted_);
    auto same = std::find_if(stretches_.begin(), stretches_.end(), [&](const Stretch& f) {
      return findings[f.finding].category == hit.rule->category && f.stretch == stretch;
    });
    if (same != stretches_.end()) {
      Finding& finding = findings[same->finding];
      add_source(finding, "rule:" + hit.rule->id);
      finding.confidence = std::max(finding.confidence, hit.rule->confidence);
      // The evidence covers what every rule of the finding saw: "sent me
      // back to the queue, where I explained it from the top again" is one
      // runaround, quoted whole.
      ByteSpan& span = finding.at.normalized;
      span = {std::min(span.begin, hit.span.begin), std::max(span.end, hit.span.end)};
      continue;
    }
    Finding finding;
    finding.category = hit.rule->category;
    finding.sources = {"rule:" + hit.rule->id};
    finding.confidence = hit.rule->confidence;
    finding.speaker = speaker;
    finding.sentence = s;
    finding.at = {s, hit.span};
    stretches_.push_back({findings.size(), stretch});
    findings.push_back(std::move(finding));
  }
  confirm(sentences, s, findings, trace);
}

// Confirms the waiting follow-up rules whose `then` matches sentence `s`, and
// forgets those settled otherwise:
//  - out of reach: another turn, or past `within` sentences;
//  - turned the other way: a finding of the opposite kind (good conduct
//    against a complaint, or the reverse) from the first part to here, as in
//    "he said he'd ring by five, and he rang at 4:20";
//  - already told: sentence `s` has its own finding of the category ("Friday
//    came and went"), and one incident is one finding.
void RuleFindings::confirm(std::span<const Sentence> sentences, std::size_t s,
                           const std::vector<Finding>& findings, Trace* trace) {
  const Sentence& sentence = sentences[s];
  unpark(sentence.turn);
  std::erase_if(pending_, [&](const Pending& p) {
    if (p.sentence >= s) return false;
    if (p.rule->within_turns > 0) {
      if (sentences[p.sentence].turn == sentence.turn) {
        parked_.push_back(p);  // its answer comes in a later turn
        parked_turn_ = sentence.turn;
        return true;
      }
      return confirm_across_turns(p, sentences, s, trace);
    }
    if (sentences[p.sentence].turn != sentence.turn || s - p.sentence > p.rule->within) {
      return true;  // stays unconfirmed in the trace
    }
    const Category category = p.rule->category;
    for (auto it = findings.rbegin(); it != findings.rend() && it->sentence >= p.sentence; ++it) {
      const CategoryTable& categories = lexicon_.categories();
      if (categories.is_good(it->category) != categories.is_good(category)) {
        if (trace) trace->rules[p.trace].outcome = RuleOutcome::opposite;
        return true;
      }
    }
    if (!lexicon_.follow_up(*p.rule, sentence.normalized_text)) return false;
    if (trace) trace->rules[p.trace].confirmed_by = s;
    for (auto it = findings.rbegin(); it != findings.rend() && it->sentence == s; ++it) {
      if (it->category == category) {
        if (trace) trace->rules[p.trace].outcome = RuleOutcome::already_told;
        return true;
      }
    }
    add_follow_up(p, trace);
    return true;
  });
}

// Puts the parked parts back among the others, in their first order, once
// the sentences reach a turn other than theirs (`turn`), or always (nullopt).
void RuleFindings::unpark(std::optional<std::size_t> turn) {
  if (parked_.empty() || (turn && *turn == parked_turn_)) return;
  std::vector<Pending> all;
  all.reserve(pending_.size() + parked_.size());
  std::merge(std::make_move_iterator(pending_.begin()), std::make_move_iterator(pending_.end()),
             std::make_move_iterator(parked_.begin()), std::make_move_iterator(parked_.end()),
             std::back_inserter(all),
             [](const Pending& a, const Pending& b) { return a.order < b.order; });
  pending_ = std::move(all);
  parked_.clear();
}

// A follow-up across turns, at sentence `s`: true when settled (a finding
// made or the follow-up dropped), false while it waits.
bool RuleFindings::confirm_across_turns(const Pending& p, std::span<const Sentence> sentences,
                                        std::size_t s, Trace* trace) {
  const Rule& rule = *p.rule;
  const std::size_t first_turn = sentences[p.sentence].turn;
  const std::size_t turn = sentences[s].turn;
  if (turn == first_turn) return false;  // the answer comes in a later turn
  if (turn - first_turn > rule.within_turns) {
    // Out of reach: a then_absent follow-up's answer never came.
    if (rule.then_absent) add_follow_up(p, trace);
    return true;
  }
  if (rule.then_speakers != 0 && !spoken_by_bits(rule.then_speakers, document_.turns[turn])) {
    return false;
  }
  if (!lexicon_.follow_up(rule, sentences[s].normalized_text)) return false;
  if (trace) trace->rules[p.trace].confirmed_by = s;
  if (rule.then_absent) {
    if (trace) trace->rules[p.trace].outcome = RuleOutcome::answered;
  } else {
    add_follow_up(p, trace);
  }
  return true;
}

void RuleFindings::add_follow_up(const Pending& p, Trace* trace) {
  if (trace) trace->rules[p.trace].outcome = RuleOutcome::confirmed;
  Finding finding;
  finding.category = p.rule->category;
  finding.sources = {"rule:" + p.rule->id};
  finding.confidence = p.rule->confidence;
  finding.speaker = p.speaker;
  finding.sentence = p.sentence;
  finding.at = {p.sentence, p.span};
  confirmed_.push_back(std::move(finding));
}

void RuleFindings::finish(std::span<const Sentence> sentences, std::vector<Finding>& findings,
                          Trace* trace) {
  // The document ended before a then_absent follow-up's answer came.
  unpark(std::nullopt);
  for (const Pending& p : pending_) {
    if (p.rule->within_turns > 0 && p.rule->then_absent) add_follow_up(p, trace);
  }
  pending_.clear();
  // Absence rules: the first turn of their speakers in their window, when
  // none of their words was said there.
  const auto& rules = lexicon_.rules();
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = rules[r];
    if (!rule.absent || said_[r]) continue;
    for (std::size_t t = 0; t < document_.turns.size(); ++t) {
      if (!in_window(rule, t) || !spoken_by(rule, document_.turns[t])) continue;
      // Sentences come in turn order: the turn's are one run of them.
      const auto begin = std::partition_point(sentences.begin(), sentences.end(),
                                              [t](const Sentence& x) { return x.turn < t; });
      const auto end = std::partition_point(begin, sentences.end(),
                                            [t](const Sentence& x) { return x.turn == t; });
      if (begin == end) continue;  // a turn with no sentence
      const auto first = static_cast<std::size_t>(begin - sentences.begin());
      const auto last = static_cast<std::size_t>(end - sentences.begin()) - 1;
      Finding finding;
      finding.category = rule.category;
      finding.sources = {"rule:" + rule.id};
      finding.confidence = rule.confidence;
      finding.speaker = document_.turns[t].speaker;
      finding.sentence = first;
      finding.at = {first, {0, sentences[last].normalized.end - sentences[first].normalized.begin}};
      if (trace) {
        RuleDecision decision;
        decision.sentence = first;
        decision.rule = rule.id;
        decision.category = rule.category;
        decision.confidence = rule.confidence;
        decision.about = document_.turns[t].role;
        decision.span = finding.at.normalized;
        decision.rule_at = rule.file + ":" + std::to_string(rule.line);
        decision.reason = rule.reason.empty() ? "never said in its window" : rule.reason;
        trace->rules.push_back(std::move(decision));
      }
      confirmed_.push_back(std::move(finding));
      break;
    }
  }
  if (confirmed_.empty()) return;
  // The first finding of each sentence and category, looked up instead of
  // searched for each confirmed one (F findings, C confirmed: O((F + C) log F)).
  std::map<std::pair<std::size_t, Category>, std::size_t> first_of;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    first_of.try_emplace({findings[i].sentence, findings[i].category}, i);
  }
  for (Finding& extra : confirmed_) {
    const auto [at, added] =
        first_of.try_emplace({extra.sentence, extra.category}, findings.size());
    if (added) {
      findings.push_back(std::move(extra));
      continue;
    }
    Finding& same = findings[at->second];
    for (std::string& source : extra.sources) add_source(same, std::move(source));
    same.confidence = std::max(same.confidence, extra.confidence);
  }
  confirmed_.clear();
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.sentence < b.sentence; });
}

}  // namespace conduct
