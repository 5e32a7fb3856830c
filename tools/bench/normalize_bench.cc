// Throughput of the normalizer and the segmenter over the concatenated text
// of ../shared samples and eval notes (read at run time).
//
//   build-normalize/tools/bench/normalize_bench [--benchmark_filter=...]
//
// Exits with status 2 when the shared folder is absent.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/normalizer.h"
#include "normalize/segmenter.h"

namespace {

struct Corpus {
  std::string all;                           // every file, as is (mixed ASCII and non-ASCII)
  std::string ascii;                         // only the lines that are pure ASCII
  std::vector<std::string_view> paragraphs;  // `all` split at blank lines
};

std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("CONDUCT_SHARED_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return CONDUCT_SHARED_DIR;
}

bool load(Corpus& corpus) {
  const std::filesystem::path root = shared_dir();
  for (const char* folder : {"samples", "eval/notes"}) {
    if (!std::filesystem::is_directory(root / folder)) {
      std::fprintf(stderr, "normalize_bench: %s is absent; set CONDUCT_SHARED_DIR\n",
                   (root / folder).c_str());
      return false;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / folder)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      corpus.all += bytes.str();
      corpus.all += "\n\n";
    }
  }
  std::size_t begin = 0;
  while (begin < corpus.all.size()) {
    std::size_t end = corpus.all.find('\n', begin);
    if (end == std::string::npos) end = corpus.all.size();
    const std::string_view line = std::string_view(corpus.all).substr(begin, end - begin + 1);
    if (conduct::is_ascii(line)) corpus.ascii += line;
    begin = end + 1;
  }
  const std::string_view all = corpus.all;
  for (std::size_t at = 0; at < all.size();) {
    std::size_t end = all.find("\n\n", at);
    if (end == std::string_view::npos) end = all.size();
    if (end > at) corpus.paragraphs.push_back(all.substr(at, end - at));
    at = end + 2;
  }
  return !corpus.all.empty();
}

const Corpus* g_corpus = nullptr;  // set once in main before any benchmark runs

void BM_NormalizeAscii(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(conduct::normalize(g_corpus->ascii));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g_corpus->ascii.size()));
}

void BM_NormalizeAsciiIcuPath(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(conduct::normalize_with_icu(g_corpus->ascii));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g_corpus->ascii.size()));
}

void BM_NormalizeMixed(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(conduct::normalize(g_corpus->all));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g_corpus->all.size()));
}

void BM_NormalizeMixedIcuPath(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(conduct::normalize_with_icu(g_corpus->all));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g_corpus->all.size()));
}

void BM_SplitSentencesWhole(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(conduct::split_sentences(g_corpus->all));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g_corpus->all.size()));
}

// One call per paragraph, as the pipeline calls it once per turn: the free
// function creates a BreakIterator each call, the splitter reuses one.
void BM_SplitSentencesPerParagraph(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string_view p : g_corpus->paragraphs) {
      benchmark::DoNotOptimize(conduct::split_sentences(p));
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g_corpus->all.size()));
}

void BM_SentenceSplitterPerParagraph(benchmark::State& state) {
  conduct::SentenceSplitter splitter;
  for (auto _ : state) {
    for (const std::string_view p : g_corpus->paragraphs)
      benchmark::DoNotOptimize(splitter.split(p));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g_corpus->all.size()));
}

void BM_SplitWordsNormalized(benchmark::State& state) {
  const std::string normalized = conduct::normalize(g_corpus->all).text;
  for (auto _ : state) benchmark::DoNotOptimize(conduct::split_words(normalized));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * normalized.size()));
}

BENCHMARK(BM_NormalizeAscii);
BENCHMARK(BM_NormalizeAsciiIcuPath);
BENCHMARK(BM_NormalizeMixed);
BENCHMARK(BM_NormalizeMixedIcuPath);
BENCHMARK(BM_SplitSentencesWhole);
BENCHMARK(BM_SplitSentencesPerParagraph);
BENCHMARK(BM_SentenceSplitterPerParagraph);
BENCHMARK(BM_SplitWordsNormalized);

}  // namespace

int main(int argc, char** argv) {
  Corpus corpus;
  if (!load(corpus)) return 2;
  std::fprintf(stderr, "corpus: %zu bytes (%zu pure-ASCII bytes), %zu paragraphs\n",
               corpus.all.size(), corpus.ascii.size(), corpus.paragraphs.size());
  g_corpus = &corpus;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
