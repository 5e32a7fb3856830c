// Classifier speed: feature extraction and prediction per sentence (the hot
// path of analyze), and loading the shipped model. Sentences are the texts of
// corpus/*.jsonl, normalized once up front.
//   build-classify/tools/bench/classify_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "classify/features.h"
#include "classify/labelled_data.h"
#include "classify/model.h"
#include "normalize/normalizer.h"

namespace {

const std::filesystem::path kSource = CONDUCT_SOURCE_DIR;

std::vector<std::string> corpus_sentences() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(kSource / "corpus")) {
    if (entry.path().extension() != ".jsonl") continue;
    auto records = conduct::read_labelled_file(entry.path());
    if (!records) continue;
    for (const auto& r : records.value()) out.push_back(conduct::normalize(r.text).text);
  }
  return out;
}

void BM_ExtractFeatures(benchmark::State& state) {
  const auto sentences = corpus_sentences();
  conduct::FeatureConfig config;
  config.chars = state.range(0) != 0;
  conduct::FeatureVector features;
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& s : sentences) {
      conduct::extract_features(config, s, {}, features);
      benchmark::DoNotOptimize(features.index.data());
      bytes += s.size();
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(sentences.size()));
}
BENCHMARK(BM_ExtractFeatures)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_PredictShippedModel(benchmark::State& state) {
  auto model = conduct::Model::load(kSource / "models/conduct.model");
  if (!model) {
    state.SkipWithError(model.error().message.c_str());
    return;
  }
  const auto sentences = corpus_sentences();
  conduct::FeatureVector scratch;
  std::vector<float> probabilities;
  const std::string_view extras[] = {"lex:dismissive", "sent:neg"};
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& s : sentences) {
      model.value().predict(s, extras, scratch, probabilities);
      benchmark::DoNotOptimize(probabilities.data());
      bytes += s.size();
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(sentences.size()));
}
BENCHMARK(BM_PredictShippedModel)->Unit(benchmark::kMillisecond);

void BM_LoadShippedModel(benchmark::State& state) {
  for (auto _ : state) {
    auto model = conduct::Model::load(kSource / "models/conduct.model");
    benchmark::DoNotOptimize(model.ok());
  }
}
BENCHMARK(BM_LoadShippedModel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
