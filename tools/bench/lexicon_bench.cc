// Sentences per second of Lexicon::match: the shipped lexicons (whatever
// lexicons/*.toml holds at run time), then 100, 1,000 and 5,000 generated
// phrase rules, over the sentences of ../shared eval notes and samples. The
// cost per sentence should stay in the same class as the rule count grows:
// one RE2 set scan per applicable set, then only the candidate rules.
//
//   build-lexicon/tools/bench/lexicon_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "lexicon/phrase.h"
#include "normalize/normalizer.h"
#include "normalize/segmenter.h"
#include "pipeline/analyzer.h"

namespace {

using conduct::Lexicon;
using conduct::MatchContext;

// Normalized sentences of every notes file and sample, in both contexts a
// sentence can be matched in (notes narration, and a transcript turn).
struct Corpus {
  std::vector<std::string> sentences;
  std::size_t bytes = 0;
};

const Corpus& corpus() {
  static const Corpus loaded = [] {
    Corpus c;
    const std::filesystem::path shared = CONDUCT_SHARED_DIR;
    for (const char* sub : {"eval/notes", "samples/notes", "samples/formats"}) {
      std::error_code ec;
      for (const auto& entry : std::filesystem::directory_iterator(shared / sub, ec)) {
        const auto ext = entry.path().extension();
        if (ext != ".txt" && ext != ".vtt" && ext != ".srt") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        const std::string text = bytes.str();
        if (!conduct::is_valid_utf8(text)) continue;
        for (const auto span : conduct::split_sentences(text)) {
          auto normalized =
              conduct::normalize(std::string_view(text).substr(span.begin, span.size()));
          c.bytes += normalized.text.size();
          c.sentences.push_back(std::move(normalized.text));
        }
      }
    }
    if (c.sentences.empty()) std::cerr << "no sentences under " << shared << "\n";
    return c;
  }();
  return loaded;
}

// Realistic phrase rules: 2-5 words from a generated vocabulary of 3,000
// pseudo-words plus common English function words, so that sets share
// prefixes the way real lexicons do.
std::vector<conduct::Rule> generated_rules(std::size_t count) {
  std::mt19937 random(42);
  static const std::vector<std::string> common = {"the",  "to",   "you", "i",    "we",  "not",
                                                  "call", "back", "my",  "your", "was", "on"};
  std::vector<std::string> vocabulary = common;
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  while (vocabulary.size() < 3000) {
    std::string word;
    const std::size_t length = 3 + random() % 6;
    for (std::size_t i = 0; i < length; ++i) word += letters[random() % letters.size()];
    vocabulary.push_back(word);
  }
  std::vector<conduct::Rule> rules;
  rules.reserve(count);
  const std::uint8_t speakers[] = {1, 2, 4, 7};
  for (std::size_t r = 0; r < count; ++r) {
    std::vector<std::string> phrases;
    for (std::size_t p = 0; p < 2; ++p) {
      std::string phrase;
      const std::size_t words = 2 + random() % 4;
      for (std::size_t w = 0; w < words; ++w) {
        if (w > 0) phrase += ' ';
        // Half the words common, so that candidate prefixes occur in real text.
        phrase += random() % 2 ? common[random() % common.size()]
                               : vocabulary[random() % vocabulary.size()];
      }
      phrases.push_back(phrase);
    }
    conduct::Rule rule;
    rule.id = "gen.r" + std::to_string(r);
    rule.category = conduct::kAllCategories[r % conduct::kAllCategories.size()];
    rule.pattern = conduct::compile_phrases(phrases, {}, nullptr);
    rule.speakers = speakers[r % 4];
    rule.registers = static_cast<std::uint8_t>(1 + r % 3);
    if (r % 5 == 0) rule.guards = {conduct::Guard::negation};
    rules.push_back(std::move(rule));
  }
  return rules;
}

void run(benchmark::State& state, const Lexicon& lexicon) {
  const Corpus& c = corpus();
  const MatchContext contexts[] = {{conduct::Register::report, conduct::Role::customer},
                                   {conduct::Register::speech, conduct::Role::agent},
                                   {conduct::Register::speech, conduct::Role::customer}};
  std::vector<conduct::RuleHit> hits;
  std::size_t sentences = 0;
  std::size_t found = 0;
  for (auto _ : state) {
    for (const auto& context : contexts) {
      for (const auto& sentence : c.sentences) {
        hits.clear();
        lexicon.match(sentence, context, hits);
        found += hits.size();
      }
    }
    sentences += 3 * c.sentences.size();
  }
  benchmark::DoNotOptimize(found);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["MB/s"] = benchmark::Counter(
      static_cast<double>(3 * c.bytes) * static_cast<double>(state.iterations()) / 1e6,
      benchmark::Counter::kIsRate);
  state.counters["rules"] = static_cast<double>(lexicon.rules().size());
  state.counters["hits/iter"] =
      static_cast<double>(found) / static_cast<double>(state.iterations());
}

void BM_MatchShipped(benchmark::State& state) {
  static const auto lexicon = Lexicon::load(conduct::data_dir() / "lexicons");
  if (!lexicon.ok()) {
    state.SkipWithError(lexicon.error().where_message().c_str());
    return;
  }
  run(state, lexicon.value());
}
BENCHMARK(BM_MatchShipped)->Unit(benchmark::kMillisecond);

void BM_MatchGenerated(benchmark::State& state) {
  auto lexicon = Lexicon::from_rules(generated_rules(static_cast<std::size_t>(state.range(0))));
  if (!lexicon.ok()) {
    state.SkipWithError(lexicon.error().where_message().c_str());
    return;
  }
  run(state, lexicon.value());
}
BENCHMARK(BM_MatchGenerated)->Arg(100)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond);

// Load and compile time of the same rule counts: the price paid once.
void BM_CompileGenerated(benchmark::State& state) {
  const auto rules = generated_rules(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto lexicon = Lexicon::from_rules(rules);
    benchmark::DoNotOptimize(lexicon.ok());
  }
}
BENCHMARK(BM_CompileGenerated)->Arg(100)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
