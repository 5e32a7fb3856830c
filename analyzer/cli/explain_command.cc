// `conduct explain TEXT|PATH`: for each sentence, which rules fired, where,
// and which guard suppressed a hit. The explanation is built as data first
// (one SentenceExplanation per sentence, one vector per section) and printed
// as text or JSON after, so a new section (model features, points) is one
// more field, one more collector and one more printer.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>

#include "classify/extras.h"
#include "classify/model.h"
#include "classify/sentence_scorer.h"
#include "cli/commands.h"
#include "lexicon/lexicon.h"
#include "read/reader.h"
#include "report/pipeline.h"
#include "sentiment/vader.h"

namespace conduct::cli {
namespace {

struct ExplainOptions {
  std::string input;     // text, or a path to a file
  std::string lexicons;  // --lexicons DIR
  bool json = false;
  std::string model;           // --model FILE
  bool no_model = false;       // --no-model
  bool model_clauses = false;  // on with --model-clauses
  bool model_pairs = true;     // off with --no-model-pairs
  std::size_t features = 5;    // --features K: top contributing features shown
};

// One rule hit, quoted from the original text.
struct RuleLine {
  const Rule* rule = nullptr;
  Role about = Role::unknown;
  Evidence evidence;
  ByteSpan span;                   // in the normalized sentence
  std::string_view suppressed_by;  // empty when the hit counts
  /// For a follow-up rule (Rule::then): the later sentence whose `then`
  /// matched, without which the hit is no finding.
  std::optional<std::size_t> confirmed_by;
  /// Confirmed, and kept by the pipeline: not turned the other way by a
  /// finding of the opposite kind, nor already told by the later sentence.
  bool follow_up_counts = false;
};

// One model finding of a sentence and the features that pushed it there.
struct ModelLine {
  std::string label;
  Evidence evidence;  // the sentence, or the clause that scored highest
  float probability = 0;
  float threshold = 0;
  float bias = 0;
  std::vector<FeatureContribution> features;  // largest |weight x value| first
  bool with_previous = false;                 // read together with the sentence before it
};

struct SentenceExplanation {
  std::size_t index = 0;
  const Sentence* sentence = nullptr;
  const Turn* turn = nullptr;
  MatchContext context;
  std::vector<RuleLine> rules;   // section: lexicon rules, counted and suppressed
  std::vector<ModelLine> model;  // section: model findings (labels past threshold)
};

// Adds the model section: the model reads the sentence as the analyze
// pipeline does (score_sentence: the whole sentence and each clause, with the
// categories of the counted rules inside and the VADER compound), and each
// label past its threshold lists the top features of the span that won.
void add_model_section(const Analysis& analysis, std::vector<SentenceExplanation>& sentences,
                       const Resources& resources, std::size_t k) {
  const Model& model = *resources.model;
  SentenceScores scores;
  std::vector<CategoryHit> hits;
  std::vector<Category> categories;
  for (auto& e : sentences) {
    hits.clear();
    for (const RuleLine& line : e.rules) {
      // The pipeline shows the model no follow-up rule, confirmed or not.
      if (line.suppressed_by.empty() && line.rule->then.empty()) {
        hits.push_back({line.rule->category, line.span});
      }
    }
    const std::string_view text = e.sentence->normalized_text;
    const auto compound = resources.sentiment->score(e.sentence->text).compound;
    score_sentence(model, text, hits, compound, resources.model_clauses, scores);
    for (std::size_t l = 0; l < scores.best.size(); ++l) {
      if (scores.best[l] < model.thresholds()[l]) continue;
      const ByteSpan span = scores.best_span[l];
      categories.clear();
      categories_within(hits, span, categories);
      const auto extras = sentence_extras(model.features(), categories, compound);
      const std::vector<std::string_view> views(extras.begin(), extras.end());
      e.model.push_back({model.labels()[l], evidence_for(analysis, e.index, span), scores.best[l],
                         model.thresholds()[l], model.bias(l),
                         model.explain(text.substr(span.begin, span.size()), views, l, k)});
    }
  }
}

// Adds the findings that the analyze pipeline made from two adjacent
// sentences read together (their evidence starts in the sentence before),
// with the features of the pair: the explanation follows the very findings
// that `analyze` reports rather than re-deciding them.
void add_pair_section(const Analysis& analysis, const Analysis& analyzed,
                      std::vector<SentenceExplanation>& sentences, const Resources& resources,
                      std::size_t k) {
  const Model& model = *resources.model;
  std::vector<Category> categories;
  for (const Finding& finding : analyzed.findings) {
    const std::size_t second = finding.sentence;
    if (second == 0 || finding.sources.empty() || finding.sources[0].rfind("model:", 0) != 0 ||
        finding.evidence.start >= analysis.sentences[second].original.begin) {
      continue;
    }
    const Sentence& a = analysis.sentences[second - 1];
    const Sentence& b = analysis.sentences[second];
    const std::string_view pair_text = joined(a.normalized_text, b.normalized_text);
    categories.clear();
    for (const std::size_t index : {second - 1, second}) {
      for (const RuleLine& line : sentences[index].rules) {
        if (line.suppressed_by.empty() && line.rule->then.empty()) {
          categories.push_back(line.rule->category);
        }
      }
    }
    const auto compound = resources.sentiment->score(joined(a.text, b.text)).compound;
    const auto extras = sentence_extras(model.features(), categories, compound);
    const std::vector<std::string_view> views(extras.begin(), extras.end());
    const std::string label(to_string(finding.category));
    const auto& labels = model.labels();
    const auto l =
        static_cast<std::size_t>(std::find(labels.begin(), labels.end(), label) - labels.begin());
    if (l == labels.size()) continue;
    ModelLine line{label,
                   finding.evidence,
                   static_cast<float>(finding.confidence),
                   model.thresholds()[l],
                   model.bias(l),
                   model.explain(pair_text, views, l, k)};
    line.with_previous = true;
    sentences[second].model.push_back(std::move(line));
  }
}

MatchContext context_for(const Document& document, const Turn& turn) {
  return {document.format == Format::notes ? Register::report : Register::speech, turn.role};
}

// Documents to explain: the records of a file, or the argument as notes text.
Result<std::vector<Document>> read_input(const std::string& input) {
  std::vector<Document> documents;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(input, ec)) {
    Document document;
    document.id = "text";
    document.format = Format::notes;
    Turn turn;
    turn.speaker = "author";
    turn.role = Role::customer;
    turn.text = input;
    turn.end = input.size();
    turn.line = 1;
    document.turns.push_back(std::move(turn));
    documents.push_back(std::move(document));
    return documents;
  }
  std::ifstream in(input, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  if (!in.good() && !in.eof()) return Error{"unreadable", "cannot read the file", input, 0};
  const Format format = detect_format(input, bytes);
  if (format != Format::jsonl) {
    auto document = read_document(input, bytes, format, ReadOptions{});
    if (!document.ok()) return document.error();
    documents.push_back(std::move(document).value());
    return documents;
  }
  std::size_t line_number = 0;
  std::istringstream lines(bytes);
  for (std::string line; std::getline(lines, line);) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto document =
        read_jsonl_record(line, input + ":" + std::to_string(line_number), ReadOptions{});
    if (!document.ok()) {
      Error error = document.error();
      error.file = input;
      error.line = line_number;
      return error;
    }
    documents.push_back(std::move(document).value());
  }
  return documents;
}

// Whether `analyzed` holds a finding of `rule` on sentence `s`.
bool counted_in(const Analysis& analyzed, std::size_t s, const Rule& rule) {
  const std::string source = "rule:" + rule.id;
  return std::any_of(analyzed.findings.begin(), analyzed.findings.end(), [&](const Finding& f) {
    return f.sentence == s &&
           std::find(f.sources.begin(), f.sources.end(), source) != f.sources.end();
  });
}

std::vector<SentenceExplanation> explain(const Analysis& analysis, const Lexicon& lexicon,
                                         const Analysis& analyzed) {
  std::vector<SentenceExplanation> out;
  std::vector<RuleHit> hits;
  for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
    SentenceExplanation explanation;
    explanation.index = s;
    explanation.sentence = &analysis.sentences[s];
    explanation.turn = &analysis.document.turns[explanation.sentence->turn];
    explanation.context = context_for(analysis.document, *explanation.turn);
    hits.clear();
    lexicon.match(explanation.sentence->normalized_text, explanation.context, hits, true);
    for (const RuleHit& hit : hits) {
      RuleLine line{hit.rule, hit.about,         evidence_for(analysis, s, hit.span),
                    hit.span, hit.suppressed_by, std::nullopt};
      const auto& sentences = analysis.sentences;
      for (std::size_t later = s + 1;
           !hit.rule->then.empty() && later < sentences.size() && later - s <= hit.rule->within &&
           sentences[later].turn == sentences[s].turn;
           ++later) {
        if (lexicon.follow_up(*hit.rule, sentences[later].normalized_text)) {
          line.confirmed_by = later;
          break;
        }
      }
      line.follow_up_counts = line.confirmed_by && counted_in(analyzed, s, *hit.rule);
      explanation.rules.push_back(line);
    }
    // Reading order: by position, then rule id.
    std::stable_sort(explanation.rules.begin(), explanation.rules.end(),
                     [](const RuleLine& a, const RuleLine& b) {
                       if (a.evidence.start != b.evidence.start) {
                         return a.evidence.start < b.evidence.start;
                       }
                       return a.rule->id < b.rule->id;
                     });
    out.push_back(std::move(explanation));
  }
  return out;
}

void print_text(const Analysis& analysis, const std::vector<SentenceExplanation>& sentences,
                std::ostream& out) {
  out << "# " << analysis.document.id << " (" << to_string(analysis.document.format) << ", "
      << sentences.size() << " sentences)\n";
  for (const auto& e : sentences) {
    const Sentence& sentence = *e.sentence;
    out << "\n[" << e.index + 1 << "] line " << sentence.line << ", " << e.turn->speaker << " ("
        << to_string(e.turn->role) << ", " << to_string(e.context.reg) << ") bytes "
        << sentence.original.begin << "-" << sentence.original.end << "\n    " << sentence.text
        << "\n";
    if (e.rules.empty()) out << "    no rule fired\n";
    for (const RuleLine& line : e.rules) {
      const bool counted = line.suppressed_by.empty();
      const bool follow_up = !line.rule->then.empty();
      const bool waiting = counted && follow_up && !line.confirmed_by;
      const bool dropped = counted && follow_up && line.confirmed_by && !line.follow_up_counts;
      out << (!counted  ? "    suppressed "
              : waiting ? "    unconfirmed "
              : dropped ? "    not counted "
                        : "    fired      ")
          << line.rule->id << "  " << to_string(line.rule->category) << "  confidence "
          << line.rule->confidence << "  about " << to_string(line.about) << "  \""
          << line.evidence.text << "\" bytes " << line.evidence.start << "-" << line.evidence.end;
      if (!counted) out << "  by guard " << line.suppressed_by;
      if (line.confirmed_by) out << "  confirmed by [" << *line.confirmed_by + 1 << "]";
      if (waiting) {
        out << "  (no later sentence within " << line.rule->within << " matched its 'then')";
      }
      if (dropped) {
        out << "  (the incident is already a finding there, or a finding of the opposite kind "
               "came between)";
      }
      out << "\n               rule at " << line.rule->file << ":" << line.rule->line;
      if (!line.rule->reason.empty()) out << " (" << line.rule->reason << ")";
      out << "\n";
    }
    for (const ModelLine& line : e.model) {
      out << "    model      model:" << line.label << "  probability " << line.probability
          << " (threshold " << line.threshold << ", bias " << line.bias << ")\n";
      if (line.with_previous) {
        out << "               read with the sentence before: \"" << line.evidence.text
            << "\" bytes " << line.evidence.start << "-" << line.evidence.end << "\n";
      } else if (line.evidence.text.size() < e.sentence->text.size()) {
        out << "               on the clause \"" << line.evidence.text << "\" bytes "
            << line.evidence.start << "-" << line.evidence.end << "\n";
      }
      for (const FeatureContribution& f : line.features) {
        out << "               " << (f.contribution >= 0 ? "+" : "") << f.contribution << "  "
            << f.feature << "  (weight " << f.weight << " x value " << f.value << ")\n";
      }
    }
  }
}

nlohmann::ordered_json to_json(const Analysis& analysis,
                               const std::vector<SentenceExplanation>& sentences) {
  nlohmann::ordered_json doc;
  doc["id"] = analysis.document.id;
  doc["format"] = to_string(analysis.document.format);
  auto& list = doc["sentences"] = nlohmann::ordered_json::array();
  for (const auto& e : sentences) {
    nlohmann::ordered_json s;
    s["index"] = e.index;
    s["text"] = e.sentence->text;
    s["start"] = e.sentence->original.begin;
    s["end"] = e.sentence->original.end;
    s["line"] = e.sentence->line;
    s["turn"] = e.sentence->turn;
    s["speaker"] = e.turn->speaker;
    s["role"] = to_string(e.turn->role);
    s["register"] = to_string(e.context.reg);
    auto& rules = s["rules"] = nlohmann::ordered_json::array();
    for (const RuleLine& line : e.rules) {
      nlohmann::ordered_json r;
      r["id"] = line.rule->id;
      r["category"] = to_string(line.rule->category);
      r["confidence"] = line.rule->confidence;
      r["about"] = to_string(line.about);
      r["text"] = line.evidence.text;
      r["start"] = line.evidence.start;
      r["end"] = line.evidence.end;
      r["line"] = line.evidence.line;
      r["suppressed_by"] = line.suppressed_by.empty()
                               ? nlohmann::ordered_json(nullptr)
                               : nlohmann::ordered_json(std::string(line.suppressed_by));
      if (!line.rule->then.empty()) {
        // The later sentence's "index"; null while no later sentence confirmed it.
        r["confirmed_by"] = line.confirmed_by ? nlohmann::ordered_json(*line.confirmed_by)
                                              : nlohmann::ordered_json(nullptr);
        r["counted"] = line.follow_up_counts;
      }
      r["rule_at"] = line.rule->file + ":" + std::to_string(line.rule->line);
      rules.push_back(std::move(r));
    }
    auto& model = s["model"] = nlohmann::ordered_json::array();
    for (const ModelLine& line : e.model) {
      nlohmann::ordered_json m;
      m["source"] = "model:" + line.label;
      m["text"] = line.evidence.text;
      m["start"] = line.evidence.start;
      m["end"] = line.evidence.end;
      m["probability"] = line.probability;
      m["threshold"] = line.threshold;
      m["bias"] = line.bias;
      m["with_previous"] = line.with_previous;
      auto& features = m["features"] = nlohmann::ordered_json::array();
      for (const FeatureContribution& f : line.features) {
        features.push_back({{"feature", f.feature},
                            {"contribution", f.contribution},
                            {"weight", f.weight},
                            {"value", f.value}});
      }
      model.push_back(std::move(m));
    }
    list.push_back(std::move(s));
  }
  return doc;
}

int run_explain(const ExplainOptions& options) {
  // Everything `analyze` loads (the model unless --no-model): follow-up
  // rules and pair findings are explained from the findings it makes. A
  // broken lexicon is the first error reported.
  ResourcePaths paths;
  paths.lexicons = options.lexicons;
  paths.model = options.model;
  paths.use_model = !options.no_model;
  paths.model_clauses = options.model_clauses;
  paths.model_pairs = options.model_pairs;
  auto loaded = Resources::load(paths);
  if (!loaded.ok()) {
    std::cerr << loaded.error().where_message() << "\n";
    return kExitUsage;
  }
  const Resources& resources = loaded.value();
  const Lexicon& lexicon = *resources.lexicon;
  auto documents = read_input(options.input);
  if (!documents.ok()) {
    std::cerr << documents.error().where_message() << "\n";
    return kExitSomeFailed;
  }
  for (auto& document : documents.value()) {
    const Analysis analyzed = analyze_document(document, resources);
    const Analysis analysis = segment_document(std::move(document));
    auto sentences = explain(analysis, lexicon, analyzed);
    if (resources.model) {
      add_model_section(analysis, sentences, resources, options.features);
      if (resources.model_pairs) {
        add_pair_section(analysis, analyzed, sentences, resources, options.features);
      }
    }
    if (options.json) {
      auto doc = to_json(analysis, sentences);
      doc["lexicons"] = resources.lexicon_version;
      doc["model"] = resources.model_version;
      std::cout << doc.dump() << "\n";
    } else {
      print_text(analysis, sentences, std::cout);
    }
  }
  return kExitOk;
}

}  // namespace

void add_explain_command(CLI::App& app, int& exit_status) {
  auto options = std::make_shared<ExplainOptions>();
  auto* command = app.add_subcommand(
      "explain",
      "Show, for each sentence of TEXT or of the file PATH, which rules fired (id, category, "
      "confidence, the matched original text with byte offsets) and which hits a guard "
      "suppressed. Exit 2 for a broken lexicon, 1 for an unreadable input.");
  command->add_option("input", options->input, "Notes text, or a path to a file")->required();
  command->add_option("--lexicons", options->lexicons, "Lexicon dir (default: shipped)");
  command->add_flag("--json", options->json, "One JSON object per document");
  command->add_option("--model", options->model, "Model file (default: shipped)");
  command->add_flag("--no-model", options->no_model, "Rules only, no model section");
  command->add_flag("--model-clauses,!--no-model-clauses", options->model_clauses,
                    "Score long sentences clause by clause too, not only as a whole");
  command->add_flag("!--no-model-pairs", options->model_pairs,
                    "Do not read adjacent sentences of notes or customer turns together");
  command
      ->add_option("--features", options->features,
                   "Top contributing features shown per model finding")
      ->capture_default_str();
  command->callback([options, &exit_status] { exit_status = run_explain(*options); });
}

}  // namespace conduct::cli
