#include "report/pipeline.h"

#include <algorithm>
#include <span>

#include "classify/model.h"
#include "classify/sentence_scorer.h"
#include "lexicon/lexicon.h"
#include "lexicon/sentence_context.h"
#include "normalize/segmenter.h"
#include "score/policy.h"
#include "score/recap.h"

namespace conduct {
namespace {

std::filesystem::path or_default(const std::filesystem::path& given, std::string_view relative) {
  return given.empty() ? data_dir() / relative : given;
}

std::size_t count_newlines(std::string_view text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Lexicon rules decide by register and role; notes are narrated by their
// author, every other format is speech.
MatchContext context_for(const Document& document, const Turn& turn) {
  MatchContext context;
  context.reg = document.format == Format::notes ? Register::report : Register::speech;
  context.role = turn.role;
  return context;
}

// A model finding with no rule beside it needs a span of at least this many
// words: on "No." or "Rang again." one or two features carry the whole
// unit-length vector, and the model is sure of itself on no evidence.
constexpr std::size_t kModelAloneMinWords = 5;

// A label whose validation precision at its threshold stayed below this is
// not trusted alone: the trainer aims at 0.9 and falls back to its best F0.5
// when no threshold reaches it, and such a label only corroborates rules.
constexpr double kTrustedValidationPrecision = 0.85;

// Per label, the least probability of a model finding with no rule of its
// category beside it: the floor, and a margin above the label's own
// threshold, which is high where the corpus found the label hard to call; or
// more than 1 (never) for a label the validation fold did not find precise.
std::vector<float> alone_floors(const Model& model, const ResourcePaths& paths) {
  std::vector<float> floors;
  const auto& metrics = model.header().metrics;
  for (std::size_t label = 0; label < model.labels().size(); ++label) {
    const std::string metric = "val." + model.labels()[label] + ".precision";
    const auto it = std::find_if(metrics.begin(), metrics.end(),
                                 [&](const auto& m) { return m.first == metric; });
    // A model trained without a validation fold has no such metric.
    const bool trusted = it == metrics.end() || it->second >= kTrustedValidationPrecision;
    floors.push_back(
        trusted ? static_cast<float>(std::max(paths.model_alone_floor,
                                              model.thresholds()[label] + paths.model_alone_margin))
                : 2.0f);
  }
  return floors;
}

// A model finding that agrees with rule findings of its category on the
// sentence is folded into them, naming both sources; alone, it must pass the
// model-alone floor and length too, and quotes the clause that scored highest.
void add_model_findings(Analysis& analysis, std::size_t sentence_index, const Resources& resources,
                        std::span<const CategoryHit> hits, SentenceScores& scratch) {
  const Model& model = *resources.model;
  const Sentence& sentence = analysis.sentences[sentence_index];
  score_sentence(model, sentence.normalized_text, hits,
                 analysis.sentence_sentiment[sentence_index].compound, resources.model_clauses,
                 scratch);
  const Turn& turn = analysis.document.turns[sentence.turn];
  for (std::size_t label = 0; label < model.labels().size(); ++label) {
    const float probability = scratch.best[label];
    if (probability < model.thresholds()[label]) continue;
    const auto category = parse_category(model.labels()[label]);
    if (!category) continue;  // a user model may carry labels of its own
    const std::string source = "model:" + model.labels()[label];
    bool merged = false;
    // This sentence's findings are the last ones: findings come in sentence order.
    for (auto it = analysis.findings.rbegin();
         it != analysis.findings.rend() && it->sentence == sentence_index; ++it) {
      Finding& finding = *it;
      if (finding.category == *category) {
        finding.sources.push_back(source);
        finding.confidence = std::max(finding.confidence, static_cast<double>(probability));
        merged = true;
      }
    }
    if (merged || probability < resources.model_alone_floors[label] ||
        words_in(sentence.normalized_text, scratch.tokens, scratch.best_span[label]) <
            kModelAloneMinWords) {
      continue;
    }
    Finding finding;
    finding.category = *category;
    finding.sources = {source};
    finding.confidence = probability;
    finding.speaker = turn.speaker;
    finding.evidence = evidence_for(analysis, sentence_index, scratch.best_span[label]);
    finding.sentence = sentence_index;
    analysis.findings.push_back(std::move(finding));
  }
}

// The first part of a follow-up rule, waiting for a later sentence.
struct PendingFollowUp {
  std::size_t sentence;
  const Rule* rule;
  ByteSpan span;  // in that sentence's normalized text
};

// Confirms the waiting follow-up rules whose `then` matches sentence `s`,
// adding their findings (quoting the first part) to `confirmed`, and forgets
// those settled otherwise:
//  - out of reach: another turn, or past `within` sentences;
//  - turned the other way: a finding of the opposite kind (good conduct
//    against a complaint, or the reverse) from the first part to here, as in
//    "he said he'd ring by five, and he rang at 4:20";
//  - already told: sentence `s` has its own finding of the category ("Friday
//    came and went"), and one incident is one finding.
// Runs after sentence `s`'s rule findings are made.
void confirm_follow_ups(const Analysis& analysis, std::size_t s, const Lexicon& lexicon,
                        std::vector<PendingFollowUp>& pending, std::vector<Finding>& confirmed) {
  const Sentence& sentence = analysis.sentences[s];
  const auto& findings = analysis.findings;
  std::erase_if(pending, [&](const PendingFollowUp& p) {
    if (p.sentence >= s) return false;
    if (analysis.sentences[p.sentence].turn != sentence.turn || s - p.sentence > p.rule->within) {
      return true;
    }
    const Category category = p.rule->category;
    for (auto it = findings.rbegin(); it != findings.rend() && it->sentence >= p.sentence; ++it) {
      if (is_good_conduct(it->category) != is_good_conduct(category)) return true;
    }
    if (!lexicon.follow_up(*p.rule, sentence.normalized_text)) return false;
    for (auto it = findings.rbegin(); it != findings.rend() && it->sentence == s; ++it) {
      if (it->category == category) return true;
    }
    Finding finding;
    finding.category = category;
    finding.sources = {"rule:" + p.rule->id};
    finding.confidence = p.rule->confidence;
    finding.speaker = analysis.document.turns[sentence.turn].speaker;
    finding.evidence = evidence_for(analysis, p.sentence, p.span);
    finding.sentence = p.sentence;
    confirmed.push_back(std::move(finding));
    return true;
  });
}

// Adds the confirmed follow-up findings to the others in sentence order; one
// on a sentence that already has a finding of its category is folded into
// it, naming both sources.
void merge_follow_ups(std::vector<Finding> confirmed, std::vector<Finding>& findings) {
  if (confirmed.empty()) return;
  for (Finding& extra : confirmed) {
    auto same = std::find_if(findings.begin(), findings.end(), [&](const Finding& f) {
      return f.sentence == extra.sentence && f.category == extra.category;
    });
    if (same == findings.end()) {
      findings.push_back(std::move(extra));
      continue;
    }
    for (std::string& source : extra.sources) {
      if (std::find(same->sources.begin(), same->sources.end(), source) == same->sources.end()) {
        same->sources.push_back(std::move(source));
      }
    }
    same->confidence = std::max(same->confidence, extra.confidence);
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.sentence < b.sentence; });
}

// Conduct told across two sentences is narrated: a promise and, next, its
// failure; a question and, next, the silence. Call notes and customer turns
// tell such stories; an agent turn does not narrate the agent's own conduct.
bool tells_stories(const Document& document, const Turn& turn) {
  return document.format == Format::notes || turn.role == Role::customer;
}

// What the pair pass keeps between one sentence and the next.
struct PairScratch {
  std::vector<float> previous_best;        // the previous sentence's best, alone
  TokenizedText previous_tokens;           // its tokens, hashed once
  std::vector<CategoryHit> previous_hits;  // its rule hits
  std::vector<CategoryHit> pair_hits;      // both, in pair coordinates
  std::vector<char> settled;               // per label: a finding is already there
  std::vector<std::size_t> gained;
  SentenceScores scores;
  SentimentScratch sentiment;
};

// Reads sentence `second` with the one before it, in the same turn, and adds
// a model finding for each label that only the two together show (see
// score_sentence_pair), quoting both sentences. It needs the model-alone floor
// like any model finding with no rule beside it, and is skipped for labels
// that already have a finding on either sentence.
void add_pair_findings(Analysis& analysis, std::size_t second, const Resources& resources,
                       const SentenceScores& second_scores,
                       std::span<const CategoryHit> second_hits, PairScratch& scratch) {
  const std::span<const float> second_best = second_scores.best;
  const Model& model = *resources.model;
  const std::size_t first = second - 1;
  const Sentence& a = analysis.sentences[first];
  const Sentence& b = analysis.sentences[second];
  const auto& labels = model.labels();
  scratch.settled.assign(labels.size(), 0);
  for (auto it = analysis.findings.rbegin();
       it != analysis.findings.rend() && it->sentence >= first; ++it) {
    for (std::size_t label = 0; label < labels.size(); ++label) {
      if (labels[label] == to_string(it->category)) scratch.settled[label] = 1;
    }
  }
  if (!pair_worth_scoring(scratch.previous_best, second_best, scratch.settled)) return;

  const std::string_view pair_text = joined(a.normalized_text, b.normalized_text);
  const std::size_t offset = b.normalized.begin - a.normalized.begin;
  scratch.pair_hits.assign(scratch.previous_hits.begin(), scratch.previous_hits.end());
  for (const CategoryHit& hit : second_hits) {
    scratch.pair_hits.push_back({hit.category, {hit.span.begin + offset, hit.span.end + offset}});
  }
  // The original text of both sentences, as training scored a two-sentence record.
  const double compound =
      resources.sentiment->score(joined(a.text, b.text), scratch.sentiment).compound;
  scratch.gained.clear();
  score_sentence_pair(model, pair_text, scratch.previous_tokens, second_scores.tokens,
                      scratch.pair_hits, compound, scratch.previous_best, second_best,
                      scratch.scores, scratch.gained);
  const Turn& turn = analysis.document.turns[b.turn];
  for (const std::size_t label : scratch.gained) {
    const float probability = scratch.scores.best[label];
    const auto category = parse_category(labels[label]);
    if (!category || scratch.settled[label] || probability < resources.model_alone_floors[label]) {
      continue;
    }
    Finding finding;
    finding.category = *category;
    finding.sources = {"model:" + labels[label]};
    finding.confidence = probability;
    finding.speaker = turn.speaker;
    finding.evidence = evidence_for(analysis, first, {0, pair_text.size()});
    finding.sentence = second;
    analysis.findings.push_back(std::move(finding));
  }
}

// Where offset 0 of a turn's text lies in the coordinates that output offsets
// use: the file for text formats, the decoded string itself for JSON formats
// (whose turn start/end may already skip leading whitespace inside it).
std::size_t text_base(Format format, const Turn& turn) {
  return offsets_in_file(format) ? turn.start : 0;
}

// Which stretch of its sentence a hit lies in: the index of the quotation
// holding it, or -1 for the narration around the quotations.
int stretch_of(ByteSpan span, const std::vector<ByteSpan>& quoted) {
  for (std::size_t q = 0; q < quoted.size(); ++q) {
    if (span.begin >= quoted[q].begin && span.end <= quoted[q].end) return static_cast<int>(q);
  }
  return -1;
}

}  // namespace

Analysis segment_document(Document document) {
  Analysis analysis;
  analysis.document = std::move(document);
  const auto& turns = analysis.document.turns;
  analysis.normalized.reserve(turns.size());
  analysis.turn_sentences.resize(turns.size());
  for (std::size_t t = 0; t < turns.size(); ++t) {
    analysis.normalized.push_back(normalize(turns[t].text));
  }
  // Views are taken only once every string is in place.
  for (std::size_t t = 0; t < turns.size(); ++t) {
    const Turn& turn = turns[t];
    const std::size_t base = text_base(analysis.document.format, turn);
    const NormalizedText& normalized = analysis.normalized[t];
    const std::string_view text = turn.text;
    std::size_t line = turn.line;
    std::size_t line_counted_to = 0;
    for (const ByteSpan local : split_sentences(text)) {
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
      analysis.turn_sentences[t].push_back(analysis.sentences.size());
      analysis.sentences.push_back(sentence);
    }
  }
  return analysis;
}

Evidence evidence_for(const Analysis& analysis, std::size_t sentence_index,
                      ByteSpan normalized_in_sentence) {
  const Sentence& sentence = analysis.sentences[sentence_index];
  const Turn& turn = analysis.document.turns[sentence.turn];
  const NormalizedText& normalized = analysis.normalized[sentence.turn];
  const ByteSpan in_turn_normalized{sentence.normalized.begin + normalized_in_sentence.begin,
                                    sentence.normalized.begin + normalized_in_sentence.end};
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

Analysis analyze_document(Document document, const Resources& resources) {
  Analysis analysis = segment_document(std::move(document));
  const auto& sentences = analysis.sentences;
  analysis.sentence_sentiment.reserve(sentences.size());
  // Scratch buffers reused across the document's sentences: no allocation
  // per sentence once they have grown.
  SentimentScratch sentiment_scratch;
  for (const Sentence& sentence : sentences) {
    analysis.sentence_sentiment.push_back(
        resources.sentiment->score(sentence.text, sentiment_scratch));
  }

  std::vector<RuleHit> hits;
  std::vector<ByteSpan> quoted;
  struct SentenceFinding {
    std::size_t index;  // into analysis.findings
    int stretch;        // see stretch_of
    ByteSpan span;      // the evidence, in the normalized sentence
  };
  std::vector<SentenceFinding> sentence_findings;
  std::vector<CategoryHit> category_hits;
  SentenceScores model_scores;
  PairScratch pair_scratch;
  std::vector<PendingFollowUp> pending;
  std::vector<Finding> followed_up;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    const Turn& turn = analysis.document.turns[sentence.turn];
    hits.clear();
    resources.lexicon->match(sentence.normalized_text, context_for(analysis.document, turn), hits);
    sentence_findings.clear();
    quoted.clear();  // find_quoted_ranges appends
    if (!hits.empty()) find_quoted_ranges(sentence.normalized_text, quoted);
    category_hits.clear();
    for (const RuleHit& hit : hits) {
      if (!hit.rule->then.empty()) {
        // The first part of a follow-up rule: a finding only once a later
        // sentence confirms it, so not a rule hit the model may see either.
        const bool known = std::any_of(pending.begin(), pending.end(), [&](const auto& p) {
          return p.sentence == s && p.rule == hit.rule;
        });
        if (!known) pending.push_back({s, hit.rule, hit.span});
        continue;
      }
      category_hits.push_back({hit.rule->category, hit.span});
      // One finding per category and stretch of a sentence: the narration,
      // or one quotation in it. Two stock lines quoted in one long sentence
      // are two pieces of evidence; one narrated scene that several rules
      // describe is one, with every rule named.
      const int stretch = stretch_of(hit.span, quoted);
      auto same = std::find_if(sentence_findings.begin(), sentence_findings.end(),
                               [&](const SentenceFinding& f) {
                                 return analysis.findings[f.index].category == hit.rule->category &&
                                        f.stretch == stretch;
                               });
      const std::string source = "rule:" + hit.rule->id;
      if (same != sentence_findings.end()) {
        Finding& finding = analysis.findings[same->index];
        if (std::find(finding.sources.begin(), finding.sources.end(), source) ==
            finding.sources.end()) {
          finding.sources.push_back(source);
        }
        finding.confidence = std::max(finding.confidence, hit.rule->confidence);
        // The evidence covers what every rule of the finding saw: "sent me
        // back to the queue, where I explained it from the top again" is one
        // runaround, quoted whole.
        const ByteSpan joined{std::min(same->span.begin, hit.span.begin),
                              std::max(same->span.end, hit.span.end)};
        if (joined.begin != same->span.begin || joined.end != same->span.end) {
          same->span = joined;
          finding.evidence = evidence_for(analysis, s, joined);
        }
        continue;
      }
      Finding finding;
      finding.category = hit.rule->category;
      finding.sources = {source};
      finding.confidence = hit.rule->confidence;
      finding.speaker = turn.speaker;
      finding.evidence = evidence_for(analysis, s, hit.span);
      finding.sentence = s;
      sentence_findings.push_back({analysis.findings.size(), stretch, hit.span});
      analysis.findings.push_back(std::move(finding));
    }
    confirm_follow_ups(analysis, s, *resources.lexicon, pending, followed_up);
    if (!resources.model) continue;
    add_model_findings(analysis, s, resources, category_hits, model_scores);
    if (!resources.model_pairs || !tells_stories(analysis.document, turn)) continue;
    if (s > 0 && sentences[s - 1].turn == sentence.turn) {
      add_pair_findings(analysis, s, resources, model_scores, category_hits, pair_scratch);
    }
    pair_scratch.previous_best = model_scores.best;
    pair_scratch.previous_hits = category_hits;
    // The next sentence's tokenize_features clears what it is given.
    std::swap(pair_scratch.previous_tokens, model_scores.tokens);
  }

  merge_follow_ups(std::move(followed_up), analysis.findings);

  analysis.sentence_is_recap = mark_recaps(sentences);
  for (std::size_t f = 0; f < analysis.findings.size(); ++f) {
    analysis.findings[f].recap = analysis.sentence_is_recap[analysis.findings[f].sentence];
  }
  analysis.stated = read_stated_points(sentences, analysis.document);
  analysis.adjustments = suggest_adjustments(analysis.findings, *resources.policy);
  analysis.points = total_points(analysis.adjustments);
  return analysis;
}

Result<Resources> Resources::load(const ResourcePaths& paths) {
  Resources resources;
  auto lexicon = Lexicon::load(or_default(paths.lexicons, "lexicons"));
  if (!lexicon) return lexicon.error();
  resources.lexicon_version = lexicon.value().version();
  resources.lexicon = std::make_shared<const Lexicon>(std::move(lexicon).value());

  auto sentiment_lexicon =
      SentimentLexicon::load(or_default(paths.sentiment_lexicon, "lexicons/vader_lexicon.txt"));
  if (!sentiment_lexicon) return sentiment_lexicon.error();
  if (paths.sentiment_overlay) {
    if (auto error = sentiment_lexicon.value().apply_overlay(data_dir() /
                                                             "lexicons/sentiment_overlay.txt")) {
      return *error;
    }
  }
  resources.sentiment =
      std::make_shared<const SentimentScorer>(std::move(sentiment_lexicon).value());

  resources.model_version = "none";
  resources.model_clauses = paths.model_clauses;
  resources.model_pairs = paths.model_pairs;
  if (paths.use_model) {
    auto model = Model::load(or_default(paths.model, "models/conduct.model"));
    if (!model) return model.error();
    resources.model_version = model.value().version();
    resources.model = std::make_shared<const Model>(std::move(model).value());
    resources.model_alone_floors = alone_floors(*resources.model, paths);
  }

  auto policy = Policy::load(or_default(paths.policy, "lexicons/policy.toml"));
  if (!policy) return policy.error();
  resources.policy_version = policy.value().version;
  resources.policy = std::make_shared<const Policy>(std::move(policy).value());
  return resources;
}

}  // namespace conduct
