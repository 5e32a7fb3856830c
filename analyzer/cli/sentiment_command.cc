// `conduct sentiment`: the VADER-compatible scorer on its own, JSON Lines (or
// plain text, one sentence a line) in, one JSON line out per input line, so
// that users can compare it with VADER line by line.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "classify/examples.h"
#include "classify/model.h"
#include "cli/commands.h"
#include "cli/resource_options.h"
#include "normalize/normalizer.h"
#include "pipeline/analyzer.h"
#include "sentiment/vader.h"

namespace conduct::cli {
namespace {

struct SentimentOptions {
  bool plain = false;
  std::filesystem::path lexicon;  // empty: the default under the data dir
  std::filesystem::path overlay;  // empty: the default under the data dir
  std::filesystem::path model;    // --model: a trained sentiment model beside VADER
  std::vector<std::string> paths;
};

using Json = nlohmann::ordered_json;

// A trained sentiment model (tools/train-sentiment-model) read beside VADER:
// its label and per-label probabilities for each record.
class ModelReader {
 public:
  ModelReader(const Model& model, const Resources& resources)
      : model_(model), resources_(resources) {}

  Json read(const std::string& text) {
    LabelledRecord record;
    record.text = text;
    auto example = make_example(record, "sentiment", model_.features(), resources_.lexicon.get(),
                                resources_.sentiment.get());
    if (!example) return Json(nullptr);  // the caller validated the UTF-8 already
    extras_.assign(example.value().extras.begin(), example.value().extras.end());
    model_.predict(example.value().normalized_text, extras_, scratch_, probabilities_);
    Json out;
    const auto decided = model_.decide(probabilities_);
    out["label"] = decided.empty() ? Json(nullptr) : Json(model_.labels()[decided.front()]);
    auto& scores = out["probabilities"] = Json::object();
    for (std::size_t l = 0; l < probabilities_.size(); ++l) {
      scores[model_.labels()[l]] = std::round(probabilities_[l] * 10000.0) / 10000.0;
    }
    return out;
  }

 private:
  const Model& model_;
  const Resources& resources_;
  FeatureVector scratch_;
  std::vector<float> probabilities_;
  std::vector<std::string_view> extras_;
};

Json error_record(Json id, std::string_view code, std::string_view message, std::size_t line) {
  Json record;
  record["id"] = std::move(id);
  record["error"] = Json{{"code", code}, {"message", message}, {"line", line}};
  return record;
}

Json scores_record(Json id, const SentimentScores& scores) {
  Json record;
  record["id"] = std::move(id);
  record["neg"] = scores.neg;
  record["neu"] = scores.neu;
  record["pos"] = scores.pos;
  record["compound"] = scores.compound;
  return record;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

// One input line to one output record. Returns false for an error record.
bool score_line(const SentimentScorer& scorer, SentimentScratch& scratch, ModelReader* model,
                std::string_view line, std::size_t line_number, std::string& out) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const std::size_t first = line.find_first_not_of(" \t");
  const Json line_id = line_number;
  Json record;
  bool ok = true;
  std::size_t bad_offset = 0;
  if (!is_valid_utf8(line, &bad_offset)) {
    record = error_record(line_id, "invalid_utf8",
                          "invalid UTF-8 at byte " + std::to_string(bad_offset) + " of the line",
                          line_number);
    ok = false;
  } else if (first != std::string_view::npos && line[first] == '{') {
    Json input = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (input.is_discarded()) {
      record = error_record(line_id, "malformed_json", "the line starts with `{` but is not JSON",
                            line_number);
      ok = false;
    } else {
      Json id = input.contains("id") ? input["id"] : line_id;
      const auto text = input.find("text");
      if (text == input.end() || !text->is_string()) {
        record = error_record(std::move(id), "missing_text",
                              "the record has no string field `text`", line_number);
        ok = false;
      } else {
        const std::string& words = text->get_ref<const std::string&>();
        record = scores_record(std::move(id), scorer.score(words, scratch));
        if (model != nullptr) record["model"] = model->read(words);
      }
    }
  } else {
    record = scores_record(line_id, scorer.score(line, scratch));
    if (model != nullptr) record["model"] = model->read(std::string(line));
  }
  out += record.dump();
  out += '\n';
  return ok;
}

// Scores every line of one stream; returns false when a line failed.
bool score_stream(const SentimentScorer& scorer, ModelReader* model, std::istream& in) {
  SentimentScratch scratch;
  std::string out;
  bool all_ok = true;
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (is_blank(line)) continue;
    all_ok = score_line(scorer, scratch, model, line, line_number, out) && all_ok;
    if (out.size() > (1u << 16)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return all_ok;
}

int run(const SentimentOptions& options) {
  const std::filesystem::path lexicon_path =
      options.lexicon.empty() ? data_dir() / kVaderLexiconFile : options.lexicon;
  std::filesystem::path overlay_path;
  if (!options.plain) {
    overlay_path = options.overlay.empty() ? data_dir() / kSentimentOverlayFile : options.overlay;
  }
  Result<SentimentLexicon> lexicon = load_sentiment_lexicon(lexicon_path, overlay_path);
  if (!lexicon) {
    std::cerr << "conduct sentiment: " << lexicon.error().where_message() << "\n";
    return kExitUsage;
  }
  const SentimentScorer scorer(std::move(lexicon).value());
  std::optional<Model> model;
  std::optional<Resources> model_resources;
  std::optional<ModelReader> reader;
  if (!options.model.empty()) {
    auto loaded = Model::load(options.model);
    if (!loaded) {
      std::cerr << "conduct sentiment: " << loaded.error().where_message() << "\n";
      return kExitUsage;
    }
    model = std::move(loaded).value();
    model_resources = load_feature_resources(model->features(), {}, lexicon_path, "sentiment");
    if (!model_resources) return kExitUsage;
    reader.emplace(*model, *model_resources);
  }
  ModelReader* model_reader = reader ? &*reader : nullptr;

  bool all_ok = true;
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.emplace_back("-");
  for (const std::string& path : paths) {
    if (path == "-") {
      all_ok = score_stream(scorer, model_reader, std::cin) && all_ok;
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      const std::string out =
          error_record(path, "unreadable_file", "cannot open " + path, 0).dump() + "\n";
      std::fwrite(out.data(), 1, out.size(), stdout);
      std::cerr << "conduct sentiment: cannot open " << path << "\n";
      all_ok = false;
      continue;
    }
    all_ok = score_stream(scorer, model_reader, in) && all_ok;
  }
  std::fflush(stdout);
  return all_ok ? kExitOk : kExitSomeFailed;
}

}  // namespace

void add_sentiment_command(CLI::App& app, int& exit_status) {
  auto options = std::make_shared<SentimentOptions>();
  auto* command = app.add_subcommand(
      "sentiment",
      "VADER-compatible sentiment, one JSON line per input line: JSON Lines records with "
      "`text` (and optional `id`; default: the line number) or plain text, one sentence a "
      "line. Output: {\"id\", \"neg\", \"neu\", \"pos\", \"compound\"}, rounded as VADER "
      "rounds. Blank lines are skipped. Exit 1 when a line failed (its error record is in the "
      "output), 2 on a configuration error.");
  auto* plain = command->add_flag("--plain", options->plain,
                                  "Plain VADER: without the customer-service overlay");
  command->add_option("--sentiment-lexicon", options->lexicon,
                      "VADER-format lexicon (default: lexicons/vader_lexicon.txt)");
  command
      ->add_option("--overlay", options->overlay,
                   "Domain overlay (default: lexicons/sentiment_overlay.txt)")
      ->excludes(plain);
  command->add_option("--model", options->model,
                      "Also read each line with a trained sentiment model (e.g. "
                      "models/sentiment.model): \"model\": {\"label\", \"probabilities\"}; "
                      "the VADER fields are unchanged");
  command->add_option("paths", options->paths, "Files to score; none or `-` reads stdin");
  command->callback([options, &exit_status] { exit_status = run(*options); });
}

}  // namespace conduct::cli
