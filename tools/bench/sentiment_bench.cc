// Speed of the VADER-compatible scorer on the human-rated VADER sentences of
// ../shared/eval/vader_rated.jsonl: one iteration scores every sentence once,
// single-threaded. items_per_second is sentences per second; bytes_per_second
// is sentence text per second. tools/bench/sentiment-vs-npm runs this beside
// the npm port of VADER and prints the ratio.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sentiment/vader.h"

namespace {

std::vector<std::string> load_sentences() {
  std::vector<std::string> sentences;
  std::ifstream in(std::string(CONDUCT_SHARED_DIR) + "/eval/vader_rated.jsonl");
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) sentences.push_back(nlohmann::json::parse(line).at("text"));
  }
  return sentences;
}

const std::vector<std::string>& sentences() {
  static const std::vector<std::string> loaded = load_sentences();
  return loaded;
}

conduct::SentimentScorer make_scorer(bool overlay) {
  const std::filesystem::path root = CONDUCT_SOURCE_DIR;
  auto lexicon = conduct::load_sentiment_lexicon(
      root / conduct::kVaderLexiconFile,
      overlay ? root / conduct::kSentimentOverlayFile : std::filesystem::path());
  if (!lexicon) {
    std::cerr << lexicon.error().where_message() << "\n";
    std::exit(2);
  }
  return conduct::SentimentScorer(std::move(lexicon).value());
}

void score_all(benchmark::State& state, bool overlay) {
  const conduct::SentimentScorer scorer = make_scorer(overlay);
  const std::vector<std::string>& texts = sentences();
  if (texts.empty()) {
    state.SkipWithError("no sentences: ../shared/eval/vader_rated.jsonl is missing");
    return;
  }
  std::size_t bytes = 0;
  for (const std::string& text : texts) bytes += text.size();
  conduct::SentimentScratch scratch;
  for (auto _ : state) {
    double checksum = 0;
    for (const std::string& text : texts) checksum += scorer.score(text, scratch).compound;
    benchmark::DoNotOptimize(checksum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["sentences"] = static_cast<double>(texts.size());
}

// Plain VADER, as `conduct sentiment --plain` and the npm port score.
void BM_SentimentPlain(benchmark::State& state) {
  score_all(state, false);
}
// With the customer-service overlay, as `conduct analyze` scores.
void BM_SentimentOverlay(benchmark::State& state) {
  score_all(state, true);
}
// Without a reused scratch: the convenience overload allocates per sentence.
void BM_SentimentPlainNoScratch(benchmark::State& state) {
  const conduct::SentimentScorer scorer = make_scorer(false);
  const std::vector<std::string>& texts = sentences();
  for (auto _ : state) {
    double checksum = 0;
    for (const std::string& text : texts) checksum += scorer.score(text).compound;
    benchmark::DoNotOptimize(checksum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.size()));
}

BENCHMARK(BM_SentimentPlain)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SentimentOverlay)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SentimentPlainNoScratch)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
